import PromQL
import TimeSeries

/// An alerting rule and the state of its alerts: Prometheus' state machine, one evaluation at a time.
///
/// inactive → pending when the expression returns a label set; pending → firing once it has been
/// returned for `for`; a pending alert that disappears is dropped; a firing one resolves (kept 15
/// minutes, so receivers hear that it ended) unless `keep_firing_for` holds it. Every evaluation writes
/// `ALERTS` and `ALERTS_FOR_STATE` for the active alerts.
public struct AlertingRule: Sendable {
    /// How long a resolved alert is kept (and re-sent as resolved), as Prometheus.
    public static let resolvedRetention: Int64 = 15 * 60_000

    public let definition: RuleDefinition
    /// What each evaluation queries: the expression's printed form, as Prometheus' rule manager
    /// queries it (see `Expr.ruleQuery`).
    let query: Expr
    /// The alerts by label set, including resolved ones still retained.
    public internal(set) var active: [Labels: Alert] = [:]
    public internal(set) var status = RuleStatus()
    private let labelTemplates: [(name: String, template: Result<AlertTemplate, TemplateError>)]
    private let annotationTemplates: [(name: String, template: Result<AlertTemplate, TemplateError>)]

    public init(_ definition: RuleDefinition) {
        self.definition = definition
        query = definition.expression.ruleQuery
        let templateName = "__alert_" + definition.name
        func prepare(_ labels: Labels) -> [(name: String, template: Result<AlertTemplate, TemplateError>)] {
            labels.pairs.map { pair in
                (pair.name, Result { () throws(TemplateError) in try AlertTemplate(pair.value, name: templateName) })
            }
        }
        labelTemplates = prepare(definition.labels)
        annotationTemplates = prepare(definition.annotations)
    }

    public var name: String { definition.name }

    /// The highest state among the alerts (firing > pending > inactive).
    public var state: AlertState {
        active.values.map(\.state).max() ?? .inactive
    }

    /// Alerts not yet resolved, ordered by labels.
    public var activeAlerts: [Alert] {
        active.values.filter { $0.resolvedAt == nil }.sorted { $0.labels < $1.labels }
    }

    /// Every alert held, resolved ones included (what is sent to the alerting pipeline), ordered by labels.
    public var currentAlerts: [Alert] {
        active.values.sorted { $0.labels < $1.labels }
    }

    /// Evaluates the rule at `time` (ms) and returns the `ALERTS` / `ALERTS_FOR_STATE` samples to record.
    /// On error the alerts are left as they were (and the limit error clears them, as Prometheus).
    public mutating func evaluate(
        at time: Int64, in context: RuleEvaluationContext, limit: Int = 0
    ) throws(RuleEvaluationError) -> [IngestedSample] {
        let result = try context.vector(query, at: time)
        var returned: [Labels: Alert] = [:]
        returned.reserveCapacity(result.count)
        let query = context.templateQuery(at: time)
        for sample in result {
            let data = TemplateData(
                labels: sample.labels, value: sample.value, externalLabels: context.externalLabels,
                externalURL: context.externalURL, evaluationTime: time)
            var labels = sample.labels.droppingMetricName
            for (name, template) in labelTemplates {
                labels = labels.setting(name, to: Self.expand(template, data, query))
            }
            labels = labels.setting("alertname", to: definition.name)
            var annotations: [Label] = []
            for (name, template) in annotationTemplates {
                annotations.append(Label(name, Self.expand(template, data, query)))
            }
            guard returned[labels] == nil else { throw .duplicateLabelSet(afterApplying: "alert") }
            // Annotations keep what expands to "" (Prometheus does; labels drop it): names are unique keys.
            annotations.sort { $0.name < $1.name }
            returned[labels] = Alert(
                labels: labels, annotations: Labels(sortedUnique: annotations), state: .pending, value: sample.value,
                activeAt: time)
        }
        for (labels, alert) in returned {
            if var existing = active[labels], existing.state != .inactive {
                existing.value = alert.value
                existing.annotations = alert.annotations
                active[labels] = existing
            } else {
                active[labels] = alert
            }
        }
        var samples: [IngestedSample] = []
        var activeCount = 0
        for labels in Array(active.keys) {
            guard var alert = active[labels] else { continue }
            if returned[labels] == nil {
                var keepFiring = false
                if alert.state == .firing && definition.keepFiringFor > 0 {
                    let since = alert.keepFiringSince ?? time
                    alert.keepFiringSince = since
                    keepFiring = time - since < definition.keepFiringFor
                }
                if alert.state == .pending
                    || (alert.resolvedAt.map { time - $0 > Self.resolvedRetention } ?? false)
                {
                    active[labels] = nil
                    continue
                }
                if alert.state != .inactive && !keepFiring {
                    alert.state = .inactive
                    alert.resolvedAt = time
                }
                if !keepFiring {
                    active[labels] = alert
                    continue
                }
            } else {
                alert.keepFiringSince = nil
            }
            activeCount += 1
            if alert.state == .pending && time - alert.activeAt >= definition.holdDuration {
                alert.state = .firing
                alert.firedAt = time
            }
            active[labels] = alert
            samples.append(contentsOf: seriesSamples(for: alert))
        }
        if limit > 0 && activeCount > limit {
            active = [:]
            throw .limitExceeded(limit: limit, count: activeCount, of: "alerts")
        }
        return samples
    }

    /// `ALERTS{…, alertstate} 1` and `ALERTS_FOR_STATE{…} <activeAt in seconds>`: the rule's raw labels
    /// under the alert's, as Prometheus builds them.
    private func seriesSamples(for alert: Alert) -> [IngestedSample] {
        var base = definition.labels
        for pair in alert.labels.pairs {
            base = base.setting(pair.name, to: pair.value)
        }
        base = base.setting("alertname", to: definition.name)
        let alerts = base.setting(Label.metricName, to: "ALERTS").setting("alertstate", to: alert.state.description)
        let forState = base.setting(Label.metricName, to: "ALERTS_FOR_STATE")
        let activeAtSeconds = (Double(alert.activeAt) / 1000).rounded(.down)
        return [IngestedSample(labels: alerts, value: 1), IngestedSample(labels: forState, value: activeAtSeconds)]
    }

    private static func expand(
        _ template: Result<AlertTemplate, TemplateError>, _ data: TemplateData, _ query: @escaping TemplateQuery
    ) -> String {
        do {
            return try template.get().expand(data, query: query)
        } catch {
            return "<error expanding template: \(error)>"
        }
    }
}
