/// Go's `sort.Sort` (pattern-defeating quicksort, Go 1.19) and `sort.Search`, step for step.
///
/// `sort.Sort` is not stable, and Prometheus sorts with comparisons that are not even a strict weak
/// order once NaN is involved (`topk`, `bottomk`, quantiles, `histogram_quantile`'s buckets). To put
/// equal and NaN values exactly where Prometheus puts them, this replays Go's algorithm: insertion
/// sort up to 12 elements, then pivots, partitions and the deterministic pattern breaker.
enum GoSort {
    /// Sorts `data` in place as Go's `sort.Sort` does with a `Less` of `less(data[i], data[j])`.
    static func sort<Element>(_ data: inout [Element], by less: (Element, Element) -> Bool) {
        let count = data.count
        guard count > 1 else { return }
        withoutActuallyEscaping(less) { less in
            var sorter = Sorter(data: data, less: less)
            data = []
            sorter.pdqsort(0, count, limit: bitLength(count))
            data = sorter.data
        }
    }

    /// Go's `sort.Search`: the smallest index in `0..<count` where `predicate` holds (or `count`),
    /// found by the same bisection so that non-monotonic predicates give Go's answer.
    static func search(_ count: Int, _ predicate: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = Int(UInt(low + high) >> 1)
            if !predicate(middle) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// Go's `bits.Len`: the number of bits needed to represent `value`.
    static func bitLength(_ value: Int) -> Int {
        UInt.bitWidth - UInt(value).leadingZeroBitCount
    }
}

private enum SortedHint {
    case unknown, increasing, decreasing
}

private struct Sorter<Element> {
    var data: [Element]
    let less: (Element, Element) -> Bool

    func isLess(_ i: Int, _ j: Int) -> Bool { less(data[i], data[j]) }

    mutating func swap(_ i: Int, _ j: Int) { data.swapAt(i, j) }

    mutating func insertionSort(_ a: Int, _ b: Int) {
        var i = a + 1
        while i < b {
            var j = i
            while j > a && isLess(j, j - 1) {
                swap(j, j - 1)
                j -= 1
            }
            i += 1
        }
    }

    mutating func siftDown(_ low: Int, _ high: Int, first: Int) {
        var root = low
        while true {
            var child = 2 * root + 1
            if child >= high { return }
            if child + 1 < high && isLess(first + child, first + child + 1) {
                child += 1
            }
            if !isLess(first + root, first + child) { return }
            swap(first + root, first + child)
            root = child
        }
    }

    mutating func heapSort(_ a: Int, _ b: Int) {
        let first = a
        let high = b - a
        var i = (high - 1) / 2
        while i >= 0 {
            siftDown(i, high, first: first)
            i -= 1
        }
        i = high - 1
        while i >= 0 {
            swap(first, first + i)
            siftDown(0, i, first: first)
            i -= 1
        }
    }

    mutating func pdqsort(_ start: Int, _ end: Int, limit startLimit: Int) {
        var a = start
        var b = end
        var limit = startLimit
        var wasBalanced = true
        var wasPartitioned = true
        while true {
            let length = b - a
            if length <= 12 {
                insertionSort(a, b)
                return
            }
            if limit == 0 {
                heapSort(a, b)
                return
            }
            if !wasBalanced {
                breakPatterns(a, b)
                limit -= 1
            }
            var (pivot, hint) = choosePivot(a, b)
            if hint == .decreasing {
                reverseRange(a, b)
                pivot = (b - 1) - (pivot - a)
                hint = .increasing
            }
            if wasBalanced && wasPartitioned && hint == .increasing {
                if partialInsertionSort(a, b) { return }
            }
            if a > 0 && !isLess(a - 1, pivot) {
                a = partitionEqual(a, b, pivot: pivot)
                continue
            }
            let (middle, alreadyPartitioned) = partition(a, b, pivot: pivot)
            wasPartitioned = alreadyPartitioned
            let leftLength = middle - a
            let rightLength = b - middle
            let balanceThreshold = length / 8
            if leftLength < rightLength {
                wasBalanced = leftLength >= balanceThreshold
                pdqsort(a, middle, limit: limit)
                a = middle + 1
            } else {
                wasBalanced = rightLength >= balanceThreshold
                pdqsort(middle + 1, b, limit: limit)
                b = middle
            }
        }
    }

    mutating func partition(_ a: Int, _ b: Int, pivot: Int) -> (Int, Bool) {
        swap(a, pivot)
        var i = a + 1
        var j = b - 1
        while i <= j && isLess(i, a) { i += 1 }
        while i <= j && !isLess(j, a) { j -= 1 }
        if i > j {
            swap(j, a)
            return (j, true)
        }
        swap(i, j)
        i += 1
        j -= 1
        while true {
            while i <= j && isLess(i, a) { i += 1 }
            while i <= j && !isLess(j, a) { j -= 1 }
            if i > j { break }
            swap(i, j)
            i += 1
            j -= 1
        }
        swap(j, a)
        return (j, false)
    }

    mutating func partitionEqual(_ a: Int, _ b: Int, pivot: Int) -> Int {
        swap(a, pivot)
        var i = a + 1
        var j = b - 1
        while true {
            while i <= j && !isLess(a, i) { i += 1 }
            while i <= j && isLess(a, j) { j -= 1 }
            if i > j { break }
            swap(i, j)
            i += 1
            j -= 1
        }
        return i
    }

    mutating func partialInsertionSort(_ a: Int, _ b: Int) -> Bool {
        let maxSteps = 5
        let shortestShifting = 50
        var i = a + 1
        for _ in 0..<maxSteps {
            while i < b && !isLess(i, i - 1) { i += 1 }
            if i == b { return true }
            if b - a < shortestShifting { return false }
            swap(i, i - 1)
            if i - a >= 2 {
                var j = i - 1
                while j >= 1 {
                    if !isLess(j, j - 1) { break }
                    swap(j, j - 1)
                    j -= 1
                }
            }
            if b - i >= 2 {
                var j = i + 1
                while j < b {
                    if !isLess(j, j - 1) { break }
                    swap(j, j - 1)
                    j += 1
                }
            }
        }
        return false
    }

    mutating func breakPatterns(_ a: Int, _ b: Int) {
        let length = b - a
        guard length >= 8 else { return }
        var random = UInt64(length)
        let modulus = UInt(1) << UInt(GoSort.bitLength(length))
        var index = a + (length / 4) * 2 - 1
        while index <= a + (length / 4) * 2 + 1 {
            random ^= random << 13
            random ^= random >> 17
            random ^= random << 5
            var other = Int(UInt(truncatingIfNeeded: random) & (modulus - 1))
            if other >= length { other -= length }
            swap(index, a + other)
            index += 1
        }
    }

    func choosePivot(_ a: Int, _ b: Int) -> (Int, SortedHint) {
        let shortestNinther = 50
        let maxSwaps = 4 * 3
        let length = b - a
        var swaps = 0
        var i = a + length / 4 * 1
        var j = a + length / 4 * 2
        var k = a + length / 4 * 3
        if length >= 8 {
            if length >= shortestNinther {
                i = median(i - 1, i, i + 1, swaps: &swaps)
                j = median(j - 1, j, j + 1, swaps: &swaps)
                k = median(k - 1, k, k + 1, swaps: &swaps)
            }
            j = median(i, j, k, swaps: &swaps)
        }
        switch swaps {
        case 0: return (j, .increasing)
        case maxSwaps: return (j, .decreasing)
        default: return (j, .unknown)
        }
    }

    func order2(_ a: Int, _ b: Int, swaps: inout Int) -> (Int, Int) {
        if isLess(b, a) {
            swaps += 1
            return (b, a)
        }
        return (a, b)
    }

    func median(_ first: Int, _ second: Int, _ third: Int, swaps: inout Int) -> Int {
        var (a, b) = order2(first, second, swaps: &swaps)
        b = order2(b, third, swaps: &swaps).0
        (a, b) = order2(a, b, swaps: &swaps)
        return b
    }

    mutating func reverseRange(_ a: Int, _ b: Int) {
        var i = a
        var j = b - 1
        while i < j {
            swap(i, j)
            i += 1
            j -= 1
        }
    }
}
