import PromQL
import TimeSeries

/// What an alert's templates can see: `$labels`, `$value`, `$externalLabels`, `$externalURL`, and the
/// evaluation time (for `query`).
public struct TemplateData: Sendable {
    public var labels: Labels
    public var value: Double
    public var externalLabels: Labels
    public var externalURL: String
    /// The rule evaluation's timestamp (ms), at which `query` evaluates.
    public var evaluationTime: Int64

    public init(labels: Labels, value: Double, externalLabels: Labels, externalURL: String, evaluationTime: Int64) {
        self.labels = labels
        self.value = value
        self.externalLabels = externalLabels
        self.externalURL = externalURL
        self.evaluationTime = evaluationTime
    }
}

/// Evaluates a template's `query "…"` at the alert's evaluation time; a scalar result comes back as
/// one sample without labels, as Prometheus' rule query function does.
public typealias TemplateQuery = (_ expression: String) throws -> [VectorSample]
