/// One metric sample the engine produces, in the names the program's Grafana dashboards and rule
/// files already use (`resilience_*`, `resident_*`, …). The engine knows nothing of the series store
/// or of `/metrics`; the daemon feeds these to both.
public struct ResilienceSample: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case gauge
        case counter
    }

    public var name: String
    /// Label pairs, sorted by name.
    public var labels: [(name: String, value: String)]
    public var value: Double
    public var kind: Kind
    public var help: String

    public init(name: String, labels: [(String, String)] = [], value: Double, kind: Kind = .gauge, help: String) {
        self.name = name
        self.labels = labels.map { (name: $0.0, value: $0.1) }.sorted { $0.name < $1.name }
        self.value = value
        self.kind = kind
        self.help = help
    }

    public static func == (lhs: ResilienceSample, rhs: ResilienceSample) -> Bool {
        lhs.name == rhs.name && lhs.value.bitPattern == rhs.value.bitPattern && lhs.kind == rhs.kind
            && lhs.labels.elementsEqual(rhs.labels, by: { $0.name == $1.name && $0.value == $1.value })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        for label in labels {
            hasher.combine(label.name)
            hasher.combine(label.value)
        }
    }
}
