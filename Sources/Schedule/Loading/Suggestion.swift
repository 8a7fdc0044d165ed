/// "Did you mean" for misspelt names: the closest known name within a few edits.
enum Suggestion {
    /// Longer names get no suggestion (the comparison is quadratic in the length).
    static let longestCompared = 64

    /// The candidate nearest to `text` when it is at most max(1, length / 4) edits away (a swap of
    /// neighbours counts as one edit); ties go to the alphabetically first candidate.
    static func closest(to text: String, among candidates: some Sequence<String>) -> String? {
        guard text.utf8.count <= longestCompared else { return nil }
        let typed = Array(text.utf8)
        let allowed = max(1, typed.count / 4)
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let known = Array(candidate.utf8)
            guard abs(known.count - typed.count) <= allowed, known != typed else { continue }
            let distance = editDistance(typed, known)
            guard distance <= allowed else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.name
    }

    /// ` (did you mean "x"?)`, or nothing.
    static func didYouMean(_ text: String, among candidates: some Sequence<String>) -> String {
        closest(to: text, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Optimal string alignment distance over bytes.
    static func editDistance(_ left: [UInt8], _ right: [UInt8]) -> Int {
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        let width = right.count + 1
        var previous2 = [Int](repeating: 0, count: width)
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[right.count]
    }
}
