import PromQL
import TimeSeries

/// A rule group: rules evaluated in file order on one interval, each writing its output into the series
/// store before the next runs (so a recording rule feeds the rules after it in the same tick).
///
/// A value type driven by whoever owns the clock (the daemon's group loop, `vigil test rules`):
/// ``evaluate(at:in:)`` is the whole of one tick. Errors stay with the rule that caused them.
public struct RuleGroup: Sendable {
    /// The file the group came from, as named in the configuration.
    public let file: String
    public let name: String
    /// Evaluation interval in milliseconds.
    public let interval: Int64
    /// `limit:` (0: none).
    public let limit: Int
    public private(set) var rules: [Rule]
    /// The series-store source each rule writes as (stable across reloads for an unchanged rule).
    public let sources: [String]
    /// The evaluation timestamp (ms) of the last tick.
    public private(set) var lastEvaluation: Int64?
    /// How long the last tick took (wall time).
    public private(set) var lastDuration: Duration = .zero

    /// - Parameter defaultInterval: `global.evaluation_interval` in ms, for a group without `interval:`.
    public init(_ definition: RuleGroupDefinition, file: String, defaultInterval: Int64) {
        self.file = file
        name = definition.name
        interval = definition.interval ?? defaultInterval
        limit = definition.limit
        rules = definition.rules.map(Rule.init)
        var occurrences: [String: Int] = [:]
        let key = "\(file);\(definition.name)"
        sources = definition.rules.map { rule in
            let identity = rule.identity
            let seen = occurrences[identity, default: 0]
            occurrences[identity] = seen + 1
            return "rules/\(key)/\(identity)#\(seen)"
        }
    }

    /// Prometheus' group key: `FILE;NAME`.
    public var key: String { "\(file);\(name)" }

    /// The alerting rules, in order.
    public var alertingRules: [AlertingRule] {
        rules.compactMap(\.alerting)
    }

    /// Evaluates every rule at `time` (ms), writing each rule's output to the store as its own source.
    /// Returns how many rules failed.
    @discardableResult
    public mutating func evaluate(at time: Int64, in context: RuleEvaluationContext) -> Int {
        let clock = ContinuousClock()
        let groupStart = clock.now
        var failures = 0
        for index in rules.indices {
            let start = clock.now
            var status = rules[index].status
            do {
                let samples: [IngestedSample]
                switch rules[index] {
                case .alerting(var rule):
                    // Out of the array while it evaluates, so its alerts change in place rather than as a copy.
                    rules[index] = .recording(RecordingRule(rule.definition))
                    defer { rules[index] = .alerting(rule) }
                    samples = try rule.evaluate(at: time, in: context, limit: limit)
                case .recording(let rule):
                    samples = try rule.evaluate(at: time, in: context, limit: limit)
                }
                context.store.ingest(source: sources[index], samples: samples, at: time)
                status.health = .ok
                status.lastError = nil
            } catch {
                failures += 1
                status.health = .err
                status.lastError = error.description
            }
            status.lastEvaluation = time
            status.evaluationDuration = clock.now - start
            setStatus(status, at: index)
        }
        lastEvaluation = time
        lastDuration = clock.now - groupStart
        return failures
    }

    mutating func replaceRule(at index: Int, with rule: Rule) {
        rules[index] = rule
    }

    mutating func inheritTiming(from old: RuleGroup) {
        lastEvaluation = old.lastEvaluation
        lastDuration = old.lastDuration
    }

    private mutating func setStatus(_ status: RuleStatus, at index: Int) {
        switch rules[index] {
        case .alerting(var rule):
            rule.status = status
            rules[index] = .alerting(rule)
        case .recording(var rule):
            rule.status = status
            rules[index] = .recording(rule)
        }
    }
}
