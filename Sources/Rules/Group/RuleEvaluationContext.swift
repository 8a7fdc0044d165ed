import PromQL
import TimeSeries

/// What a rule needs to evaluate: the series to read and write, the engine, and what templates may
/// mention about this daemon.
///
/// The store is both the querier and the sink, so a recording rule's output is visible to the rules
/// after it in the same group tick.
public struct RuleEvaluationContext: Sendable {
    public var store: SeriesStore
    public var engine: QueryEngine
    /// `global.external_labels`, for `$externalLabels` in templates.
    public var externalLabels: Labels
    /// `global.external_url`, for `$externalURL` in templates.
    public var externalURL: String

    public init(
        store: SeriesStore, engine: QueryEngine = QueryEngine(), externalLabels: Labels = Labels(),
        externalURL: String = ""
    ) {
        self.store = store
        self.engine = engine
        self.externalLabels = externalLabels
        self.externalURL = externalURL
    }

    /// Evaluates `expression` at `time` as a rule does: an instant query whose scalar result becomes
    /// one sample without labels.
    public func vector(_ expression: Expr, at time: Int64) throws(RuleEvaluationError) -> [VectorSample] {
        let value: QueryValue
        do {
            value = try engine.instant(expression, at: time, on: store)
        } catch {
            throw .query(error)
        }
        switch value {
        case .vector(let samples): return samples
        case .scalar(let sample): return [VectorSample(labels: Labels(), timestamp: time, value: sample.value)]
        case .string, .matrix: throw .notAVector
        }
    }

    /// The templates' `query` function: parses and evaluates `text` at `time`.
    public func templateQuery(at time: Int64) -> TemplateQuery {
        { text in
            let expression = try PromQLParser.parse(text)
            return try vector(expression, at: time)
        }
    }
}
