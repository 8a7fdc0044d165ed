import Foundation
import Rules
import Server
import TestSupport
import Testing
import Transport
import VigilCore

@testable import VigilDaemon

/// Rules inside the running daemon: alerts over the engine's series, on the injected clock, and reloads.
@Suite struct RuleDaemonTests {
    static let rules = """
        groups:
          - name: supervision
            interval: 15s
            rules:
              - record: violations:supervision
                expr: sum(schedule_violations_total{violation_type="supervision_ratio"})
              - alert: UnsupervisedSlot
                expr: violations:supervision > 0
                for: 30s
                labels: {severity: critical}
        """

    static func start() async throws -> ScheduleTestDaemon {
        let directory = TestDirectory()
        try directory.write("etc/rules/supervision.yml", rules)
        return try await ScheduleTestDaemon.start(
            directory: directory, schedule: TestPrograms.withUnsupervisedSlot,
            config: ScheduleTestDaemon.config(extra: "rule_files: [\"rules/*.yml\"]"))
    }

    /// Advances the clock one 15 s step at a time until both the ticker and the group loop sleep again.
    static func step(_ vigil: ScheduleTestDaemon, times: Int) async {
        for _ in 0..<times {
            await vigil.clock.waitForSleepers(count: 2 + ScheduleTestDaemon.alertingSleepers)
            vigil.clock.advance(by: 15)
            await vigil.clock.waitForSleepers(count: 2 + ScheduleTestDaemon.alertingSleepers)
        }
    }

    static func alertStates(_ vigil: ScheduleTestDaemon) async -> [AlertState] {
        await vigil.daemon.rules.groups.flatMap(\.alertingRules).flatMap(\.activeAlerts).map(\.state)
    }

    @Test func alertGoesPendingThenFiresAfterItsForDuration() async throws {
        let vigil = try await Self.start()
        #expect(await vigil.daemon.rules.groups.map(\.key).first?.hasSuffix("supervision.yml;supervision") == true)
        await Self.step(vigil, times: 1)
        #expect(await Self.alertStates(vigil) == [.pending])
        await Self.step(vigil, times: 2)
        #expect(await Self.alertStates(vigil) == [.firing])
        let now = vigil.clock.now().timeIntervalSince1970
        let answer = try await vigil.get("/api/v1/query?query=ALERTS&time=\(now)")
        #expect(
            answer.bodyText.contains(#""alertname":"UnsupervisedSlot","alertstate":"firing","severity":"critical""#))
        let alerts = try await vigil.get("/api/v1/alerts")
        #expect(alerts.bodyText.contains(#""state":"firing","activeAt":"#))
        #expect(alerts.bodyText.contains(#"{"labels":{"alertname":"UnsupervisedSlot","severity":"critical"}"#))
        let metrics = try await vigil.metrics()
        #expect(metrics["vigil_alerts{alertstate=\"firing\"}"] == 1)
        #expect(metrics.keys.contains { $0.hasPrefix("vigil_rule_group_last_duration_seconds{rule_group=") })
        let group = try #require(await vigil.daemon.rules.groups.first?.key)
        #expect(metrics["vigil_rule_group_rules{rule_group=\"\(group)\"}"] == 2)
        #expect(metrics["vigil_rule_group_iterations_missed_total{rule_group=\"\(group)\"}"] == 0)
        #expect(metrics["vigil_rule_evaluation_failures_total{rule_group=\"\(group)\"}"] == 0)
        #expect(metrics["vigil_series{source=\"rules\"}"] ?? 0 >= 3)  // the recorded series, ALERTS, ALERTS_FOR_STATE
        try await vigil.stop()
    }

    @Test func reloadWithABrokenRuleFileKeepsTheRunningRules() async throws {
        let vigil = try await Self.start()
        await Self.step(vigil, times: 1)
        try vigil.directory.write(
            "etc/rules/broken.yml", "groups:\n  - name: x\n    rules:\n      - alert: A\n        expr: 'up +'\n")
        let outcome = await vigil.daemon.state.reload(actor: "test")
        guard case .kept(reason: let reason) = outcome else {
            Issue.record("a broken rule file must not be accepted")
            return
        }
        #expect(reason.contains("broken.yml:5:15: group \"x\", rule 1, \"A\": could not parse expression"))
        #expect(await vigil.daemon.rules.groups.count == 1)
        #expect(await Self.alertStates(vigil) == [.pending])
        try await vigil.stop()
    }
}

/// Alerts survive a restart of the daemon on the same data directory.
@Suite struct RuleRestartTests {
    @Test func aFiringAlertIsStillFiringAfterARestart() async throws {
        let vigil = try await RuleDaemonTests.start()
        await RuleDaemonTests.step(vigil, times: 3)
        #expect(await RuleDaemonTests.alertStates(vigil) == [.firing])
        let firedAt = await vigil.daemon.rules.groups.flatMap(\.alertingRules).flatMap(\.activeAlerts).first?.activeAt
        try await vigil.stop()

        // Same directory, so the same database; a new ManualClock starts at the same instant, which is
        // before the alerts were saved — within the outage tolerance either way.
        let again = try await ScheduleTestDaemon.start(
            directory: vigil.directory, schedule: nil,
            config: ScheduleTestDaemon.config(extra: "rule_files: [\"rules/*.yml\"]"))
        let restored = await again.daemon.rules.groups.flatMap(\.alertingRules).flatMap(\.activeAlerts)
        #expect(restored.map(\.state) == [.firing])
        #expect(restored.first?.activeAt == firedAt)
        try await again.stop()
    }
}
