/// The groups' flush times as a binary min-heap, so finding the due groups costs O(log n) each
/// instead of a scan of every group at every flush. Entries are not removed when a group's time
/// changes or the group goes away: a stale entry is skipped when it comes up (the caller checks it
/// against the group's current time).
struct FlushQueue: Sendable {
    private var heap: [(time: Int64, id: String)] = []

    var isEmpty: Bool { heap.isEmpty }

    /// The earliest entry, possibly stale.
    var first: (time: Int64, id: String)? { heap.first }

    mutating func push(_ time: Int64, _ id: String) {
        heap.append((time, id))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].time < heap[parent].time else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func popFirst() -> (time: Int64, id: String)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].time < heap[smallest].time { smallest = left }
            if right < heap.count && heap[right].time < heap[smallest].time { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }

    /// Drops every entry (the groups are rebuilt).
    mutating func removeAll() {
        heap.removeAll()
    }

    /// Rebuilds the heap when stale entries outnumber live ones (keeps memory bounded).
    mutating func compact(keeping live: (Int64, String) -> Bool) {
        let kept = heap.filter { live($0.time, $0.id) }
        heap.removeAll(keepingCapacity: true)
        for entry in kept { push(entry.time, entry.id) }
    }

    var count: Int { heap.count }
}
