import Prometheus
import Rules
import Synchronization

/// The rule engine's own figures on `/metrics`, named after Prometheus' `prometheus_rule_*` so existing
/// dashboards carry over with a prefix change. Per-group series are removed when a group goes away.
struct RuleMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let alerts: [AlertState: Gauge]

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        var alerts: [AlertState: Gauge] = [:]
        for state in [AlertState.pending, .firing] {
            alerts[state] = registry.makeGauge(
                descriptor: .init(
                    namespace: "vigil", metricName: "alerts", unitName: "",
                    helpText: "Active alerts by state (pending, firing)."),
                labels: [("alertstate", state.description)])
        }
        self.alerts = alerts
    }

    func recordEvaluation(of group: RuleGroup, failures: Int) {
        let labels = [("rule_group", group.key)]
        registry.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "rule_group_last_duration", unitName: "seconds",
                helpText: "The duration of the last rule group evaluation."), labels: labels
        ).set(
            to: Double(group.lastDuration.components.seconds) + Double(group.lastDuration.components.attoseconds) / 1e18
        )
        registry.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "rule_group_last_evaluation_timestamp", unitName: "seconds",
                helpText: "The timestamp of the last rule group evaluation in seconds."), labels: labels
        ).set(to: Double(group.lastEvaluation ?? 0) / 1000)
        let failuresCounter = registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "rule_evaluation_failures", unitName: "total",
                helpText: "The total number of rule evaluation failures."), labels: labels)
        if failures > 0 { failuresCounter.increment(by: Int64(failures)) }
    }

    func recordMissed(_ count: Int, group key: String) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "rule_group_iterations_missed", unitName: "total",
                helpText: "The total number of rule group evaluations missed due to slow rule group evaluation."),
            labels: [("rule_group", key)]
        ).increment(by: Int64(count))
    }

    /// Registers the group's series (counters at 0, as Prometheus exposes them from the start).
    func recordRules(of group: RuleGroup) {
        let labels = [("rule_group", group.key)]
        _ = registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "rule_group_iterations_missed", unitName: "total",
                helpText: "The total number of rule group evaluations missed due to slow rule group evaluation."),
            labels: labels)
        _ = registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "rule_evaluation_failures", unitName: "total",
                helpText: "The total number of rule evaluation failures."), labels: labels)
        registry.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "rule_group_rules", unitName: "",
                helpText: "The number of rules."), labels: [("rule_group", group.key)]
        ).set(to: Double(group.rules.count))
    }

    /// Removes a group's series (the group is gone from the rule files), as Prometheus does.
    func removeGroup(_ key: String) {
        let labels = [("rule_group", key)]
        for (name, unit, help) in [
            ("rule_group_last_duration", "seconds", "The duration of the last rule group evaluation."),
            (
                "rule_group_last_evaluation_timestamp", "seconds",
                "The timestamp of the last rule group evaluation in seconds."
            ),
            ("rule_group_rules", "", "The number of rules."),
        ] {
            registry.unregisterGauge(
                registry.makeGauge(
                    descriptor: .init(namespace: "vigil", metricName: name, unitName: unit, helpText: help),
                    labels: labels))
        }
        for (name, help) in [
            (
                "rule_group_iterations_missed",
                "The total number of rule group evaluations missed due to slow rule group evaluation."
            ),
            ("rule_evaluation_failures", "The total number of rule evaluation failures."),
        ] {
            registry.unregisterCounter(
                registry.makeCounter(
                    descriptor: .init(namespace: "vigil", metricName: name, unitName: "total", helpText: help),
                    labels: labels))
        }
    }

    func recordAlerts(pending: Int, firing: Int) {
        alerts[.pending]?.set(to: Double(pending))
        alerts[.firing]?.set(to: Double(firing))
    }
}
