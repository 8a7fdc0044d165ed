/// A series' identity: its labels sorted by name, without empty values.
///
/// Sorting once at construction makes equality, hashing and Prometheus' canonical order
/// (`{a="1", b="2"}`) free afterwards; dropping empty values matches Prometheus, where a label
/// with an empty value is the same as an absent one.
public struct Labels: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Sorted by name, names unique, values non-empty.
    public private(set) var pairs: [Label]

    public init() { pairs = [] }

    /// Sorts, drops empty values; when a name repeats, the last pair wins.
    public init(_ pairs: [Label]) {
        var sorted = pairs.filter { !$0.value.isEmpty }
        sorted.sort { $0.name < $1.name }
        var unique: [Label] = []
        unique.reserveCapacity(sorted.count)
        for pair in sorted {
            if let last = unique.last, last.name == pair.name {
                unique[unique.count - 1] = pair
            } else {
                unique.append(pair)
            }
        }
        self.pairs = unique
    }

    public init(_ dictionary: [String: String]) {
        self.init(dictionary.map { Label($0.key, $0.value) })
    }

    /// Trusts the caller: `pairs` must already be sorted by unique name with non-empty values.
    public init(sortedUnique pairs: [Label]) {
        self.pairs = pairs
    }

    public var isEmpty: Bool { pairs.isEmpty }
    public var count: Int { pairs.count }

    /// The value of label `name`, or nil when the series has none.
    public subscript(name: String) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }

    /// The metric name (`__name__`), or nil.
    public var metricName: String? { self[Label.metricName] }

    /// A copy with `name` set to `value` (removed when `value` is empty).
    public func setting(_ name: String, to value: String) -> Labels {
        var copy = pairs.filter { $0.name != name }
        if !value.isEmpty {
            let index = copy.firstIndex { $0.name > name } ?? copy.count
            copy.insert(Label(name, value), at: index)
        }
        return Labels(sortedUnique: copy)
    }

    /// A copy without the labels in `names`.
    public func removing(_ names: Set<String>) -> Labels {
        Labels(sortedUnique: pairs.filter { !names.contains($0.name) })
    }

    /// A copy with only the labels in `names`.
    public func keeping(_ names: Set<String>) -> Labels {
        Labels(sortedUnique: pairs.filter { names.contains($0.name) })
    }

    /// A copy without `__name__`.
    public var droppingMetricName: Labels { removing([Label.metricName]) }

    public static func < (lhs: Labels, rhs: Labels) -> Bool {
        for (left, right) in zip(lhs.pairs, rhs.pairs) where left != right {
            return left.name != right.name ? left.name < right.name : left.value < right.value
        }
        return lhs.pairs.count < rhs.pairs.count
    }

    /// Prometheus' rendering: `name{a="1", b="2"}` with the name outside the braces, values escaped.
    public var description: String {
        var text = metricName ?? ""
        let rest = pairs.filter { $0.name != Label.metricName }
        if rest.isEmpty && !text.isEmpty { return text }
        text += "{"
        text += rest.map { "\($0.name)=\"\(Labels.escape($0.value))\"" }.joined(separator: ", ")
        text += "}"
        return text
    }

    /// Escapes `\`, `"` and newlines as the text exposition format and PromQL strings expect.
    public static func escape(_ value: String) -> String {
        guard value.contains(where: { $0 == "\\" || $0 == "\"" || $0 == "\n" }) else { return value }
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}
