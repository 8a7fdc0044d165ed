/// Finds a repeated key in one object: a linear scan while the object is small (schedule rows have
/// a handful of keys), a set once it is large, so a hostile 100 000-key object stays linear.
struct DuplicateKeyFinder {
    private static let scanLimit = 16
    private var seen: Set<String> = []

    /// Where `key` first appeared among `members`, if it did.
    func firstPosition(of key: String, among members: [JSONMember]) -> JSONPosition? {
        if members.count > Self.scanLimit, !seen.contains(key) { return nil }
        let length = key.utf8.count
        // Comparing lengths first skips most of String's slower unequal-comparison path.
        return members.first { $0.key.utf8.count == length && $0.key == key }?.keyPosition
    }

    /// Records the member just appended to `members`.
    mutating func added(to members: [JSONMember]) {
        if members.count == Self.scanLimit + 1 {
            seen = Set(members.map(\.key))
        } else if members.count > Self.scanLimit, let last = members.last {
            seen.insert(last.key)
        }
    }
}
