/// Label name → value → ids of the series carrying that pair: what keeps `x{job="a"}` from testing
/// every series of a large store, and the one place each distinct label string is kept.
///
/// Selection takes the smallest list among the matchers that cannot match an absent label (equality
/// first; a regex scans the values of its one label) and leaves the remaining matchers to be checked
/// per candidate. Lists are unordered, so ids can be reused without reshuffling them.
struct PostingsIndex: Sendable {
    private var index: [String: [String: PostingList]] = [:]

    /// `labels` with each string replaced by the instance already held for it, so 100k series that share
    /// `job="kubernetes-service-endpoints"` share one copy of it. Returns `labels` itself (its buffer
    /// shared with the caller) when it already uses the held instances.
    func intern(_ labels: Labels) -> Labels {
        var pairs = labels.pairs
        var changed = false
        for position in pairs.indices {
            let pair = pairs[position]
            guard let outer = index.index(forKey: pair.name) else { continue }
            let name = index.keys[outer]
            var value = pair.value
            let values = index.values[outer]
            if let inner = values.index(forKey: pair.value) { value = values.keys[inner] }
            if !Self.sameStorage(name, pair.name) || !Self.sameStorage(value, pair.value) {
                pairs[position] = Label(name, value)
                changed = true
            }
        }
        return changed ? Labels(sortedUnique: pairs) : labels
    }

    /// Whether two equal strings share their bytes (small strings live inline, so they always count).
    private static func sameStorage(_ left: String, _ right: String) -> Bool {
        if left.utf8.count <= 15 { return true }
        let leftBase = left.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) }
        let rightBase = right.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) }
        return leftBase != nil && leftBase == rightBase
    }

    mutating func add(_ id: UInt32, _ labels: Labels) {
        for pair in labels.pairs {
            index[pair.name, default: [:]][pair.value, default: .many([])].insert(id)
        }
    }

    /// Removes the given series (id and labels) in one pass over each list they appear in.
    mutating func remove(_ removed: [(id: UInt32, labels: Labels)]) {
        guard !removed.isEmpty else { return }
        let doomed = Set(removed.map(\.id))
        var touched = Set<Label>()
        for entry in removed { touched.formUnion(entry.labels.pairs) }
        for pair in touched {
            guard let list = index[pair.name]?[pair.value] else { continue }
            index[pair.name]?[pair.value] = list.removing { doomed.contains($0) }
            if index[pair.name]?.isEmpty == true { index[pair.name] = nil }
        }
    }

    /// Ids of a superset of the series matching every matcher, and the position of a matcher every one of
    /// them is known to satisfy (needs no check); nil when no matcher narrows the search (each one also
    /// matches series without its label) and every series must be tested.
    func candidates(for matchers: [LabelMatcher]) -> (ids: [UInt32], satisfied: Int?)? {
        var best: (list: PostingList, position: Int)?
        for (position, matcher) in matchers.enumerated() where matcher.kind == .equal && !matcher.value.isEmpty {
            guard let list = index[matcher.name]?[matcher.value] else { return ([], nil) }
            if best.map({ list.count < $0.list.count }) ?? true { best = (list, position) }
        }
        if let best { return (best.list.ids, best.position) }
        var union: (ids: [UInt32], satisfied: Int?)?
        for (position, matcher) in matchers.enumerated() where !matcher.matchesEmpty {
            guard let values = index[matcher.name] else { return ([], nil) }
            var ids: [UInt32] = []
            for (value, list) in values where matcher.matches(value) { list.append(to: &ids) }
            if union.map({ ids.count < $0.ids.count }) ?? true { union = (ids, position) }
        }
        return union
    }

    /// Every label name held, unordered.
    var names: Dictionary<String, [String: PostingList]>.Keys { index.keys }

    /// Every value held for `name`, unordered.
    func values(of name: String) -> [String] {
        index[name].map { Array($0.keys) } ?? []
    }
}
