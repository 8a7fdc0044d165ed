import Alerting
import Foundation
import Storage
import TestSupport
import Testing

/// An escalation survives the daemon being killed with SIGKILL between two steps: after the restart
/// the next step fires once, at its time (not early, not again, not stalled), and the step already
/// taken is not taken again. Real process, real clock: the steps are seconds apart, and the test waits
/// for events (the third step is the barrier), never for a fixed time.
@Suite("escalation across a SIGKILL", .serialized)
struct EscalationCrashTests {
    /// Steps at 0 s, 3 s and 6 s; one webhook receiver per step.
    static let escalation = """
        route:
          receiver: oncall
          group_by: [alertname]
          group_wait: 0s
          group_interval: 1s
          repeat_interval: 4h
        escalation_policies:
          - name: critical
            matchers: ['severity="critical"']
            steps:
              - {after: 0s, notify: [oncall]}
              - {after: 3s, notify: [director]}
              - {after: 6s, notify: [admin]}
        """

    static func receivers(_ gateway: WebhookGateway) -> String {
        ["oncall", "director", "admin"].map { name in
            "  - name: \(name)\n    webhook_configs: [{url: \"\(gateway.url(name))\"}]"
        }.joined(separator: "\n")
    }

    @Test func killedBetweenStepsTheNextStepFiresOnceAtItsTime() async throws {
        try await WebhookGateway.run { gateway in
            let harness = try AlertingDaemonHarness(escalation: Self.escalation, receivers: Self.receivers(gateway))
            let first = try await harness.start()
            try await first.postAlerts([["alertname": "CoverageGap", "severity": "critical"]])
            _ = try await waitUntil("the first step at the on-call's hook") {
                gateway.requests.contains { $0.hook == "oncall" } ? true : nil
            }
            try await first.crash()
            #expect(!gateway.requests.contains { $0.hook == "director" }, "the second step came before the kill")

            let second = try await harness.start()
            // The third step is the barrier: once it is in, the second one has had its chance to
            // fire twice, and the first one to be repeated by the restart.
            _ = try await waitUntil("the third step at the administrator's hook") {
                gateway.requests.contains { $0.hook == "admin" } ? true : nil
            }
            #expect(await second.stop() == 0)
            let hooks = gateway.requests.filter(\.accepted).map(\.hook)
            #expect(hooks == ["oncall", "director", "admin"], "each step paged once, in order: \(hooks)")

            let database = try VigilDatabase(path: harness.directory.file("data/vigil.db"))
            defer { try? database.close() }
            let steps = try AuditLog(database: database).recent(action: "escalation.step").reversed()
            #expect(steps.map { $0.details["step"] } == ["1", "2", "3"])
            #expect(steps.map { $0.details["receivers"] } == ["oncall", "director", "admin"])
            let started = try #require(try AlertingStore(database: database).loadEscalations().first).startedAt
            let taken = steps.map { Int64(($0.at.timeIntervalSince1970 * 1000).rounded()) - started }
            try #require(taken.count == 3)
            // Due 0, 3 and 6 s after the escalation started: the second taken by the restarted daemon,
            // not before its time and not stalled until the third was due.
            #expect(taken[0] >= 0 && taken[0] < 3_000, "\(taken)")
            #expect(taken[1] >= 3_000, "the second step fired early: \(taken) ms after the start")
            #expect(taken[1] < 6_000, "the second step stalled until the third was due: \(taken)")
            #expect(taken[2] >= 6_000, "\(taken)")
        }
    }
}
