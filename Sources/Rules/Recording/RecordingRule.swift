import PromQL
import TimeSeries

/// A recording rule: its expression's result stored under a new metric name on every evaluation.
///
/// The rule's labels override the result's; series the rule stops producing get a staleness marker
/// (the group ingests each rule's output as one source of the series store).
public struct RecordingRule: Sendable {
    public let definition: RuleDefinition
    public internal(set) var status = RuleStatus()
    /// What each evaluation queries: the expression's printed form (see `Expr.ruleQuery`).
    let query: Expr

    public init(_ definition: RuleDefinition) {
        self.definition = definition
        query = definition.expression.ruleQuery
    }

    public var name: String { definition.name }

    /// Evaluates at `time` (ms) and returns the samples to record.
    public func evaluate(
        at time: Int64, in context: RuleEvaluationContext, limit: Int = 0
    ) throws(RuleEvaluationError) -> [IngestedSample] {
        let result = try context.vector(query, at: time)
        var seen = Set<Labels>()
        seen.reserveCapacity(result.count)
        var samples: [IngestedSample] = []
        samples.reserveCapacity(result.count)
        for sample in result {
            var labels = sample.labels.setting(Label.metricName, to: definition.name)
            for pair in definition.labels.pairs {
                labels = labels.setting(pair.name, to: pair.value)
            }
            guard seen.insert(labels).inserted else { throw .duplicateLabelSet(afterApplying: "rule") }
            samples.append(IngestedSample(labels: labels, value: sample.value))
        }
        if limit > 0 && samples.count > limit {
            throw .limitExceeded(limit: limit, count: samples.count, of: "series")
        }
        return samples
    }
}
