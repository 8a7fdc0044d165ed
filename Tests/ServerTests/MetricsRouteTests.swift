import Foundation
import Prometheus
import Server
import Testing
import Transport

@Suite("GET /metrics")
struct MetricsRouteTests {
    @Test func servesTheRegistryWithRequestCountsByRouteAndStatus() async throws {
        let registry = PrometheusCollectorRegistry()
        registry.makeGauge(
            descriptor: .init(namespace: "vigil", metricName: "probe", unitName: "", helpText: "A test gauge.")
        )
        .set(to: 42)
        try await withServer(registry: registry) { base in
            _ = try await send("GET", base + "/-/healthy")
            _ = try await send("GET", base + "/-/healthy")
            _ = try await send("GET", base + "/no/such/route")
            let response = try await send("GET", base + "/metrics")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            let text = response.bodyText
            #expect(text.contains("vigil_probe 42"))
            #expect(text.contains(#"vigil_http_requests_total{handler="/-/healthy",method="GET",code="200"} 2"#))
            #expect(text.contains(#"vigil_http_requests_total{handler="unmatched",method="GET",code="404"} 1"#))
            #expect(
                text.contains(
                    #"vigil_http_request_duration_seconds_count{handler="/-/healthy",method="GET",code="200"} 2"#))
            #expect(!text.contains("/no/such/route"))
        }
    }
}
