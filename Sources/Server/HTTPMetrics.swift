import Prometheus

/// Request counts and latencies by route, method and status code, in the registry `/metrics`
/// serves: `vigil_http_requests_total` and `vigil_http_request_duration_seconds`.
///
/// Routes are labelled by their pattern (`/api/v1/incidents/{id}`), never the raw path, so a
/// scanner probing random URLs cannot blow up the number of series.
public struct HTTPMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private static let buckets: [Duration] = [0.005, 0.025, 0.1, 0.4, 1, 3, 8, 20, 60].map {
        .milliseconds(Int64($0 * 1000))
    }

    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// Records one answered request.
    public func record(handler: String, method: String, code: Int, seconds: Double) {
        let labels = [("handler", handler), ("method", method), ("code", String(code))]
        registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "http_requests", unitName: "total",
                helpText: "HTTP requests answered, by route pattern, method and status code."),
            labels: labels
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "vigil", metricName: "http_request_duration", unitName: "seconds",
                helpText: "Time to answer HTTP requests, by route pattern, method and status code."),
            labels: labels,
            buckets: Self.buckets
        ).recordNanoseconds(Int64((max(0, seconds) * 1e9).rounded()))
    }
}
