import Prometheus

/// `vigil_series{source}`: how many series the store holds per kind of source (resilience, scrape,
/// rules), so memory growth can be traced to whoever causes it.
struct SeriesMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

    /// The kind of a store source: `scrape/job/instance` → scrape, `rules/…` → rules.
    static func kind(of source: String) -> String {
        if let slash = source.firstIndex(of: "/") { return String(source[..<slash]) }
        return source.isEmpty ? "other" : source
    }

    func record(_ countsBySource: [String: Int]) {
        var byKind: [String: Int] = ["resilience": 0, "scrape": 0, "rules": 0]
        for (source, count) in countsBySource {
            byKind[Self.kind(of: source), default: 0] += count
        }
        for (kind, count) in byKind {
            registry.makeGauge(
                descriptor: .init(
                    namespace: "vigil", metricName: "series", unitName: "",
                    helpText: "Series held in the in-memory store, by kind of source."),
                labels: [("source", kind)]
            ).set(to: Double(count))
        }
    }
}
