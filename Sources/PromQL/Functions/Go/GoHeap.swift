/// Go's `container/heap` operations on an array, step for step.
///
/// `topk` and `bottomk` keep their candidates in such a heap; which of several equal values
/// survives, and where NaN ends up, follows from the exact sequence of swaps, so this replays it.
enum GoHeap {
    /// `heap.Push`: appends `element` and moves it up.
    static func push<Element>(_ heap: inout [Element], _ element: Element, by less: (Element, Element) -> Bool) {
        heap.append(element)
        up(&heap, heap.count - 1, by: less)
    }

    /// `heap.Pop`: removes and returns the top (the least element by `less`).
    @discardableResult
    static func pop<Element>(_ heap: inout [Element], by less: (Element, Element) -> Bool) -> Element? {
        guard !heap.isEmpty else { return nil }
        let last = heap.count - 1
        heap.swapAt(0, last)
        down(&heap, 0, last, by: less)
        return heap.removeLast()
    }

    private static func up<Element>(_ heap: inout [Element], _ start: Int, by less: (Element, Element) -> Bool) {
        var child = start
        while true {
            let parent = (child - 1) / 2
            if parent == child || !less(heap[child], heap[parent]) { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private static func down<Element>(
        _ heap: inout [Element], _ start: Int, _ count: Int, by less: (Element, Element) -> Bool
    ) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            if left >= count || left < 0 { return }
            var child = left
            let right = left + 1
            if right < count && less(heap[right], heap[left]) {
                child = right
            }
            if !less(heap[child], heap[parent]) { return }
            heap.swapAt(parent, child)
            parent = child
        }
    }
}
