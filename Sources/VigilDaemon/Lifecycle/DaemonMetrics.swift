import Foundation
import Prometheus
import VigilCore

/// The daemon's own figures in the registry `/metrics` serves: build, configuration reloads and
/// evaluation ticks. Named after Prometheus' own (`prometheus_config_last_reload_successful`)
/// so existing dashboards and alerts carry over with a prefix change.
public struct DaemonMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let reloadSuccessful: Gauge
    let reloadSuccessTimestamp: Gauge
    let evaluationTicks: Counter

    public init(registry: PrometheusCollectorRegistry, startTime: Date) {
        self.registry = registry
        registry.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "build", unitName: "info",
                helpText: "A metric with a constant '1' value labeled by the version Vigil was built from."),
            labels: [
                ("version", BuildInfo.version), ("revision", BuildInfo.revision), ("branch", BuildInfo.branch),
                ("swiftversion", BuildInfo.swiftVersion), ("language", "swift"),
            ]
        ).set(to: 1.0)
        registry.makeGauge(
            descriptor: .init(
                metricName: "process_start_time", unitName: "seconds",
                helpText: "Start time of the process since unix epoch in seconds.")
        ).set(to: startTime.timeIntervalSince1970)
        reloadSuccessful = registry.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "config_last_reload_successful", unitName: "",
                helpText: "Whether the last configuration reload attempt was successful."))
        reloadSuccessTimestamp = registry.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "config_last_reload_success_timestamp", unitName: "seconds",
                helpText: "Timestamp of the last successful configuration reload."))
        evaluationTicks = registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "evaluation_ticks", unitName: "total",
                helpText: "Evaluation ticks run since start."))
    }

    func recordReload(success: Bool, at time: Date) {
        reloadSuccessful.set(to: success ? 1.0 : 0.0)
        if success { reloadSuccessTimestamp.set(to: time.timeIntervalSince1970) }
    }

    func recordTick() {
        evaluationTicks.increment()
    }
}
