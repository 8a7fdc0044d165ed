import Foundation
import Prometheus
import Resilience

/// The engine's figures that need history, which the daemon keeps (the report's own samples are
/// one evaluation's gauges):
///
/// - `resilience_contingency_analysis_duration_seconds` and `resilience_health_check_duration_seconds`:
///   histograms of the N-1/N-2 phase and of a whole evaluation, observed when the engine runs
///   (a cached report is not observed again), with buckets from 0.5 ms to 10 s;
/// - `resilience_health_check_last_success_timestamp_seconds`: the last tick with a valid report;
/// - `schedule_violations_total{violation_type}`: violations counted once when they first appear.
///
/// Registered on first use, so a daemon without a schedule shows none of them.
struct ResilienceRunMetrics: Sendable {
    static let durationBuckets: [Double] = [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    private let registry: PrometheusCollectorRegistry

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// The engine ran and took `timings`.
    func observe(_ timings: ReportTimings) {
        registry.makeValueHistogram(
            descriptor: .init(
                metricName: "resilience_contingency_analysis_duration", unitName: "seconds",
                helpText: "Time the resilience engine spent on N-1/N-2 contingency analysis, per evaluation."),
            buckets: Self.durationBuckets
        ).record(max(0, timings.contingency))
        registry.makeValueHistogram(
            descriptor: .init(
                metricName: "resilience_health_check_duration", unitName: "seconds",
                helpText: "Time the resilience engine spent on a whole evaluation of the schedule window."),
            buckets: Self.durationBuckets
        ).record(max(0, timings.total))
    }

    /// A tick ended with a valid report.
    func recordSuccess(at time: Date) {
        registry.makeGauge(
            descriptor: .init(
                metricName: "resilience_health_check_last_success", unitName: "timestamp_seconds",
                helpText: "When an evaluation tick last ended with a valid resilience report.")
        ).set(to: time.timeIntervalSince1970)
    }

    /// `count` violations of `type` appeared for the first time.
    func countNewViolations(type: String, count: Int) {
        registry.makeCounter(
            descriptor: .init(
                metricName: "schedule_violations", unitName: "total",
                helpText: "Schedule violations seen for the first time since start, by type."),
            labels: [("violation_type", type)]
        ).increment(by: Int64(count))
    }
}
