import Foundation
import Testing

@testable import VigilDaemon

/// Vigil's own /metrics in its series store (`job="vigil"`), so rules can alert on the daemon's
/// figures, without the engine's series counted twice.
@Suite struct SelfScrapeTests {
    static func series(_ vigil: ScheduleTestDaemon, _ expression: String) async throws -> [[String: Any]] {
        let query = expression.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let data = try await vigil.data("/api/v1/query?query=\(query)")
        return data["result"] as? [[String: Any]] ?? []
    }

    @Test func theDaemonsOwnMetricsAreQueryableWithJobVigil() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        await vigil.tick()
        let ticks = try await Self.series(vigil, #"vigil_evaluation_ticks_total{job="vigil"}"#)
        #expect(ticks.count == 1)
        let labels = ticks.first?["metric"] as? [String: String]
        #expect(labels?["instance"]?.hasPrefix("127.0.0.1:") == true)
        // Only on /metrics before: the health check's timestamp is now there for rules.
        let health = try await Self.series(vigil, "resilience_health_check_last_success_timestamp_seconds")
        #expect(health.count == 1)
        // The engine feeds its gauges to the store itself: one series each, not a second with job="vigil".
        #expect(try await Self.series(vigil, "resilience_defense_level").count == 1)
        #expect(try await Self.series(vigil, #"resilience_defense_level{job="vigil"}"#).isEmpty)
        try await vigil.stop()
    }
}
