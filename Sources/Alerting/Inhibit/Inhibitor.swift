import Rules
import TimeSeries

/// Decides which alerts are muted by inhibit rules, as Alertmanager's `Inhibitor.Mutes` does.
///
/// Built from the rules and the alerts known at one instant (a value, rebuilt when alerts change):
/// an alert matching both sides of a rule is never inhibited by an alert that also matches both
/// sides, so two such alerts cannot mute each other.
public struct Inhibitor: Sendable {
    private let rules: [InhibitRule]
    /// Per rule, the firing alerts matching its source side.
    private let sources: [[PipelineAlert]]

    public init(rules: [InhibitRule], alerts: some Collection<PipelineAlert>, now: Int64) {
        self.rules = rules
        sources = rules.map { rule in
            alerts.filter { alert in
                !alert.isResolved(at: now) && rule.sourceMatchers.allSatisfy { $0.matches(alert.labels) }
            }
        }
    }

    /// The fingerprint of the alert that inhibits one with `labels`, or nil when none does.
    public func inhibitor(of labels: Labels) -> AlertFingerprint? {
        for (rule, sources) in zip(rules, sources) where rule.targetMatchers.allSatisfy({ $0.matches(labels) }) {
            let alsoSource = rule.sourceMatchers.allSatisfy { $0.matches(labels) }
            for source in sources {
                guard rule.equal.allSatisfy({ (source.labels[$0] ?? "") == (labels[$0] ?? "") }) else { continue }
                if alsoSource && rule.targetMatchers.allSatisfy({ $0.matches(source.labels) }) { continue }
                return source.fingerprint
            }
        }
        return nil
    }

    /// Whether an alert with `labels` is muted.
    public func mutes(_ labels: Labels) -> Bool {
        inhibitor(of: labels) != nil
    }
}
