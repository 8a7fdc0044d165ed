import Alerting
import Incidents
import Prometheus

/// The incident figures on `/metrics`: how many incidents stand in each phase
/// (`vigil_incidents{phase}`), and the program's MTTA and MTTR as histograms by severity
/// (`vigil_incident_time_to_acknowledge_seconds`, `vigil_incident_time_to_resolve_seconds`), and
/// `resilience_crisis_activations_total{severity}`: crisis responses put in force (an incident's
/// proposal acted on, other than investigating), by the incident's severity (see
/// ``ResilienceCounters``).
struct IncidentMetrics {
    let registry: PrometheusCollectorRegistry
    static let buckets: [Duration] = [
        .seconds(60), .seconds(300), .seconds(900), .seconds(1800), .seconds(3600), .seconds(7200),
        .seconds(14_400), .seconds(28_800), .seconds(86_400), .seconds(172_800),
    ]

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        record(phases: [])
        for severity in IncidentSeverity.allCases {
            _ = histogram("incident_time_to_acknowledge", severity, "Time from detection to acknowledgement.")
            _ = histogram("incident_time_to_resolve", severity, "Time from detection to resolution.")
        }
    }

    /// Sets `vigil_incidents{phase}` from the incidents not yet reviewed.
    func record(phases: [IncidentPhase]) {
        for phase in IncidentPhase.allCases where phase != .reviewed {
            registry.makeGauge(
                descriptor: .init(
                    namespace: "vigil", metricName: "incidents", unitName: "",
                    helpText: "Incidents not yet reviewed, by the phase they are in."),
                labels: [("phase", phase.rawValue)]
            ).set(to: Double(phases.filter { $0 == phase }.count))
        }
    }

    /// Observes what changed between `before` (nil when new) and `after`: a first acknowledgement,
    /// a resolution, a crisis response acted on.
    func observe(before: Incident?, after: Incident) {
        let acted = { (incident: Incident?) in
            incident?.proposals.filter { $0.appliedAt != nil && $0.strategy != .investigate }.count ?? 0
        }
        let activations = acted(after) - acted(before)
        if activations > 0 {
            ResilienceCounters(registry: registry).crisisActivations(after.severity).increment(by: Int64(activations))
        }
        if before?.acknowledgement == nil, let acknowledgement = after.acknowledgement {
            histogram("incident_time_to_acknowledge", after.severity, "Time from detection to acknowledgement.")
                .recordNanoseconds(max(0, acknowledgement.at - after.detectedAt) * 1_000_000)
        }
        if before?.resolvedAt == nil, let resolvedAt = after.resolvedAt {
            histogram("incident_time_to_resolve", after.severity, "Time from detection to resolution.")
                .recordNanoseconds(max(0, resolvedAt - after.detectedAt) * 1_000_000)
        }
    }

    private func histogram(_ name: String, _ severity: IncidentSeverity, _ help: String) -> DurationHistogram {
        registry.makeDurationHistogram(
            descriptor: .init(namespace: "vigil", metricName: name, unitName: "seconds", helpText: help),
            labels: [("severity", severity.rawValue)], buckets: Self.buckets)
    }
}
