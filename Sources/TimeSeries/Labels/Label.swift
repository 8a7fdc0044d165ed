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
}
