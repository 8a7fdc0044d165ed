import Rules
import TimeSeries
import VigilCore

/// Hands a rule group's alerts to the pipeline as Prometheus' notifier sends them to Alertmanager:
/// firing alerts every evaluation with `endsAt` four intervals ahead (at least four minutes), so
/// they resolve by themselves if evaluation stops; resolved alerts with `endsAt` = when they
/// resolved, once each; pending alerts not at all. External labels are added, and the generator
/// URL points at the rule's expression.
public struct RuleAlertHandOff: Sendable {
    public var externalLabels: Labels
    public var externalURL: String

    public init(externalLabels: Labels, externalURL: String) {
        self.externalLabels = externalLabels
        self.externalURL = externalURL
    }

    /// The alerts of `group` to send at `now`; resolved ones only if they resolved after `since`.
    public func alerts(of group: RuleGroup, now: Int64, since: Int64) -> [PipelineAlert] {
        let validFor = 4 * max(group.interval, 60_000)
        var result: [PipelineAlert] = []
        for rule in group.alertingRules {
            let generator =
                externalURL + "/graph?g0.expr=" + URLQueryEscape.escape(rule.definition.expressionText) + "&g0.tab=1"
            for alert in rule.currentAlerts {
                var labels = alert.labels
                for pair in externalLabels.pairs where labels[pair.name] == nil {
                    labels = labels.setting(pair.name, to: pair.value)
                }
                if let resolvedAt = alert.resolvedAt {
                    guard resolvedAt > since else { continue }
                    result.append(
                        PipelineAlert(
                            labels: labels, annotations: alert.annotations, startsAt: alert.firedAt ?? alert.activeAt,
                            endsAt: resolvedAt, generatorURL: generator, updatedAt: now))
                } else if alert.state == .firing {
                    result.append(
                        PipelineAlert(
                            labels: labels, annotations: alert.annotations, startsAt: alert.firedAt ?? alert.activeAt,
                            endsAt: now + validFor, generatorURL: generator, updatedAt: now))
                }
            }
        }
        return result
    }
}
