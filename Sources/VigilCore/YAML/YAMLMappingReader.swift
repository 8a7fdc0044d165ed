import Yams

/// Reads the keys of one mapping by name and remembers which names were asked for, so that
/// every other key can be reported as unknown (a misspelt `scrape_intreval` must not be
/// silently ignored).
///
/// Obtain one through ``YAMLValue/mapping(_:)``: unknown keys are reported when the closure
/// returns. A key whose value is null reads as absent. Not `Sendable`: it lives for one read.
public final class YAMLMappingReader {
    /// One key and its value, both positioned.
    public struct Entry {
        /// The key as a value (its location is the key's own).
        public let key: YAMLValue
        /// The value under the key.
        public let value: YAMLValue
        /// The key's text.
        public let name: String
    }

    /// The mapping itself.
    public let value: YAMLValue
    private let entries: [Entry]
    private var requested: Set<String> = []

    init(value: YAMLValue, pairs: [(key: Node, value: Node)]) {
        self.value = value
        var entries: [Entry] = []
        for (keyNode, valueNode) in pairs {
            guard case .scalar(let scalar) = keyNode else {
                value.child(keyNode, keyPath: value.keyPath).report("mapping keys must be plain strings")
                continue
            }
            let path = value.keyPath.appending(key: scalar.string)
            entries.append(
                Entry(
                    key: value.child(keyNode, keyPath: path),
                    value: value.child(valueNode, keyPath: path),
                    name: scalar.string))
        }
        self.entries = entries
    }

    /// Where the mapping starts.
    public var location: YAMLLocation { value.location }

    /// The mapping's key path.
    public var keyPath: YAMLKeyPath { value.keyPath }

    /// Whether `key` is present with a non-null value. Marks `key` as known.
    public func contains(_ key: String) -> Bool {
        self.value(key) != nil
    }

    /// The value under `key`, or nil when absent or null. Marks `key` as known.
    public func value(_ key: String) -> YAMLValue? {
        requested.insert(key)
        guard let entry = entries.first(where: { $0.name == key }), !entry.value.isNull else { return nil }
        return entry.value
    }

    /// The value under `key`, reporting at the mapping when it is absent or null.
    public func required(_ key: String) -> YAMLValue? {
        guard let found = value(key) else {
            value.report("missing required key \"\(key)\"")
            return nil
        }
        return found
    }

    /// Every entry, in document order; marks every key as known (for free-form maps).
    public func allEntries() -> [Entry] {
        requested.formUnion(entries.map(\.name))
        return entries
    }

    /// Records a problem at `key`'s value when present, else at the mapping.
    public func report(_ message: String, at key: String) {
        if let entry = entries.first(where: { $0.name == key }) {
            entry.value.report(message)
        } else {
            value.report(message)
        }
    }

    // MARK: Typed reads by key (absent or null → nil without a report)

    /// The string under `key` (see ``YAMLValue/string(check:)``).
    public func string(_ key: String, check: ((String) -> String?)? = nil) -> String? {
        value(key)?.string(check: check)
    }

    /// The boolean under `key` (see ``YAMLValue/bool()``).
    public func bool(_ key: String) -> Bool? {
        value(key)?.bool()
    }

    /// The integer under `key` (see ``YAMLValue/int(check:)``).
    public func int(_ key: String, check: ((Int) -> String?)? = nil) -> Int? {
        value(key)?.int(check: check)
    }

    /// The number under `key` (see ``YAMLValue/double(check:)``).
    public func double(_ key: String, check: ((Double) -> String?)? = nil) -> Double? {
        value(key)?.double(check: check)
    }

    /// The Prometheus duration under `key` (see ``YAMLValue/duration(check:)``).
    public func duration(_ key: String, check: ((PromDuration) -> String?)? = nil) -> PromDuration? {
        value(key)?.duration(check: check)
    }

    /// The list of strings under `key` (see ``YAMLValue/stringList(check:)``).
    public func stringList(_ key: String, check: ((String) -> String?)? = nil) -> [String]? {
        value(key)?.stringList(check: check)
    }

    /// The string-to-string mapping under `key` (see ``YAMLValue/stringMap(keyCheck:valueCheck:)``).
    public func stringMap(
        _ key: String,
        keyCheck: ((String) -> String?)? = nil,
        valueCheck: ((String) -> String?)? = nil
    ) -> [String: String]? {
        value(key)?.stringMap(keyCheck: keyCheck, valueCheck: valueCheck)
    }

    /// The nested mapping under `key` read with `body`; nil when absent or malformed.
    public func mapping<T>(_ key: String, _ body: (YAMLMappingReader) -> T) -> T? {
        value(key)?.mapping(body)
    }

    /// The sequence under `key`, each element read with `each`; nil when absent or malformed.
    public func sequence<T>(_ key: String, _ each: (YAMLValue) -> T?) -> [T]? {
        value(key)?.sequence(each)
    }

    // MARK: Unknown keys

    /// Reports each key that was never asked for, at the key itself.
    func reportUnknownKeys() {
        for entry in entries where !requested.contains(entry.name) {
            entry.key.report(unknownKeyMessage(entry.name))
        }
    }

    private func unknownKeyMessage(_ key: String) -> String {
        if key == "<<" {
            return "unknown key \"<<\": YAML merge keys are not supported, write the keys out"
        }
        let suggestion =
            requested
            .map { (name: $0, distance: Self.editDistance($0, key)) }
            .filter { $0.distance <= max(1, key.count / 4) }
            .min { ($0.distance, $0.name) < ($1.distance, $1.name) }
        let known = requested.sorted().joined(separator: ", ")
        if let suggestion {
            return "unknown key \"\(key)\"; did you mean \"\(suggestion.name)\"?"
        }
        return known.isEmpty ? "unknown key \"\(key)\"" : "unknown key \"\(key)\" (known keys: \(known))"
    }

    /// Edit distance counting a swap of neighbours as one edit (optimal string alignment), for
    /// "did you mean" suggestions: `nmae` is one edit from `name`.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        var table = [[Int]](repeating: [Int](repeating: 0, count: right.count + 1), count: left.count + 1)
        for i in 0...left.count { table[i][0] = i }
        for j in 0...right.count { table[0][j] = j }
        for i in stride(from: 1, through: left.count, by: 1) {
            for j in stride(from: 1, through: right.count, by: 1) {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[left.count][right.count]
    }
}
