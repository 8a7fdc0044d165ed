/// One name/value pair of a series' identity. Names starting with `__` are reserved
/// (`__name__` holds the metric name), exactly as in Prometheus.
public struct Label: Sendable, Hashable, Comparable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public static func < (lhs: Label, rhs: Label) -> Bool {
        lhs.name != rhs.name ? lhs.name < rhs.name : lhs.value < rhs.value
    }

    /// The label that carries a series' metric name.
    public static let metricName = "__name__"

    /// `[a-zA-Z_][a-zA-Z0-9_]*`: Prometheus' and Alertmanager's label names.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (byte | 0x20) &- UInt8(ascii: "a") < 26
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
    }
}
