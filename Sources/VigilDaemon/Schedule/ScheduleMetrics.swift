import Foundation
import Prometheus
import Schedule

/// The daemon's figures about the schedule it reads, in the registry `/metrics` serves:
///
/// - `vigil_schedule_last_load_successful`: 0 when the last read of the schedule file (at start, or
///   after it changed) failed, 1 after a successful read or an accepted push (which is newer than
///   the file). A refused push does not change it: the pusher got a 400 and what runs is unchanged.
///   Restoring a pushed snapshot at start does not hide a broken file.
/// - `vigil_schedule_last_load_timestamp_seconds`: when a schedule was last put in force.
/// - `vigil_schedule_assignments`, `vigil_schedule_people{role}`: the size of the schedule in force.
/// - `vigil_schedule_loads_total{source="file|api",result="success|failure"}`: every attempt.
struct ScheduleMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let lastLoadSuccessful: Gauge
    private let lastLoadTimestamp: Gauge
    private let assignments: Gauge
    private let faculty: Gauge
    private let residents: Gauge

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        lastLoadSuccessful = registry.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "schedule_last_load_successful", unitName: "",
                helpText:
                    "Whether the last attempt to load the schedule put it in force (a refused push does not count)."))
        lastLoadTimestamp = registry.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "schedule_last_load_timestamp", unitName: "seconds",
                helpText: "When a schedule was last put in force (from the file or a push)."))
        assignments = registry.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "schedule_assignments", unitName: "",
                helpText: "Assignments (person, half-day, rotation) in the schedule in force."))
        let people = MetricNameDescriptor(
            namespace: "vigil", metricName: "schedule_people", unitName: "",
            helpText: "People in the schedule in force, by role.")
        faculty = registry.makeGauge(descriptor: people, labels: [("role", "faculty")])
        residents = registry.makeGauge(descriptor: people, labels: [("role", "resident")])
    }

    /// A schedule was put in force at `time` (loaded, pushed, or restored at start).
    func recordInstalled(_ program: Program, at time: Date) {
        lastLoadTimestamp.set(to: time.timeIntervalSince1970)
        assignments.set(to: Double(program.assignments.count))
        faculty.set(to: Double(program.people.count { $0.role == .faculty }))
        residents.set(to: Double(program.people.count { $0.role == .resident }))
    }

    /// An attempt to load a schedule from `source` (`file` or `api`).
    func recordAttempt(source: String, success: Bool) {
        count(source: source, success: success)
    }

    /// Whether the last load (a read of the file, or an accepted push) succeeded.
    func setLastLoadSuccessful(_ success: Bool) {
        lastLoadSuccessful.set(to: success ? 1 : 0)
    }

    private func count(source: String, success: Bool) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "schedule_loads", unitName: "total",
                helpText: "Attempts to load a schedule, by source (file, api) and result (success, failure)."),
            labels: [("source", source), ("result", success ? "success" : "failure")]
        ).increment()
    }
}
