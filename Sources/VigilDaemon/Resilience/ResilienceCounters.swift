import Alerting
import Prometheus
import Resilience

/// The program's event counters, named as its dashboards know them, in one place so every part
/// that counts (incidents acting, the exporter) makes the same series with the same help:
/// `resilience_fallback_activations_total{scenario}`,
/// `resilience_load_shedding_events_total{from_level,to_level}` and
/// `resilience_crisis_activations_total{severity}`.
///
/// Where the label values are known in advance (the seven scenarios, the four severities) the
/// series exist at zero as soon as the engine's figures appear, as Prometheus client libraries
/// advise, so `increase()` and dashboards work before the first event.
struct ResilienceCounters: Sendable {
    let registry: PrometheusCollectorRegistry

    func fallbackActivations(_ scenario: FallbackScenario) -> Counter {
        counter(
            "fallback_activations", "Static-stability fallbacks activated by incidents.",
            [("scenario", scenario.rawValue)])
    }

    func loadSheddingEvents(from: LoadSheddingLevel, to: LoadSheddingLevel) -> Counter {
        counter(
            "load_shedding_events", "Load-shedding level changes made by incidents.",
            [("from_level", "\(from.rawValue)"), ("to_level", "\(to.rawValue)")])
    }

    func crisisActivations(_ severity: IncidentSeverity) -> Counter {
        counter(
            "crisis_activations", "Crisis responses put in force by incidents (shedding, fallback, rollback, repair).",
            [("severity", severity.rawValue)])
    }

    /// Makes the series whose labels are known, at zero (a counter already counting keeps its value).
    func makeKnown() {
        for scenario in FallbackScenario.allCases { _ = fallbackActivations(scenario) }
        for severity in IncidentSeverity.allCases { _ = crisisActivations(severity) }
    }

    private func counter(_ name: String, _ help: String, _ labels: [(String, String)]) -> Counter {
        registry.makeCounter(
            descriptor: .init(namespace: "resilience", metricName: name, unitName: "total", helpText: help),
            labels: labels)
    }
}
