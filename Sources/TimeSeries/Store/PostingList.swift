/// The ids of the series that carry one label pair.
///
/// Most label values of a large store belong to one series each (`instance`, `pod`): holding those inline
/// instead of in a one-element array saves an allocation per series and pair.
enum PostingList: Sendable {
    case one(UInt32)
    case many([UInt32])

    var count: Int {
        switch self {
        case .one: return 1
        case .many(let ids): return ids.count
        }
    }

    var ids: [UInt32] {
        switch self {
        case .one(let id): return [id]
        case .many(let ids): return ids
        }
    }

    /// Appends every id to `out`.
    func append(to out: inout [UInt32]) {
        switch self {
        case .one(let id): out.append(id)
        case .many(let ids): out.append(contentsOf: ids)
        }
    }

    /// Adds `id` (`.many([])` is the empty list; a placeholder is swapped in first so the array is mutated in place).
    mutating func insert(_ id: UInt32) {
        switch self {
        case .one(let first):
            self = .many([first, id])
        case .many(var ids):
            if ids.isEmpty {
                self = .one(id)
                return
            }
            self = .many([])
            ids.append(id)
            self = .many(ids)
        }
    }

    /// The list without the ids `isRemoved` accepts; nil when none is left.
    func removing(where isRemoved: (UInt32) -> Bool) -> PostingList? {
        switch self {
        case .one(let id):
            return isRemoved(id) ? nil : self
        case .many(let ids):
            let kept = ids.filter { !isRemoved($0) }
            if kept.isEmpty { return nil }
            return kept.count == 1 ? .one(kept[0]) : .many(kept)
        }
    }
}
