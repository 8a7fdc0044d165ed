import TimeSeries

/// `topk` and `bottomk`: per group, the k largest (smallest) elements kept in a Go heap exactly as
/// Prometheus keeps them, then sorted with Go's unstable sort, so ties and NaN come out in
/// Prometheus' order. NaN ranks below every number for `topk` and above for `bottomk`.
enum TopK {
    static func select(_ top: Bool, k: Int64, groups: [Grouper.Group], at timestamp: Int64) -> [VectorSample] {
        // The heap's order: the element to evict first on top. NaN is "less" than anything.
        let heapLess: (VectorSample, VectorSample) -> Bool =
            top ? { $0.value.isNaN || $0.value < $1.value } : { $0.value.isNaN || $0.value > $1.value }
        var output: [VectorSample] = []
        for group in groups {
            var heap = [group.members[0]]
            for sample in group.members.dropFirst() {
                let replaces =
                    top
                    ? heap[0].value < sample.value || heap[0].value.isNaN
                    : heap[0].value > sample.value || heap[0].value.isNaN
                guard Int64(heap.count) < k || replaces else { continue }
                if Int64(heap.count) == k {
                    if k == 1 {
                        heap[0] = sample
                        continue
                    }
                    GoHeap.pop(&heap, by: heapLess)
                }
                GoHeap.push(&heap, sample, by: heapLess)
            }
            if heap.count > 1 {
                GoSort.sort(&heap) { heapLess($1, $0) }
            }
            for sample in heap {
                output.append(VectorSample(labels: sample.labels, timestamp: timestamp, value: sample.value))
            }
        }
        return output
    }
}
