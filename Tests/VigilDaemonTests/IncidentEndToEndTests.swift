import Foundation
import Storage
import TestSupport
import Testing
import Transport
import VigilCore

@testable import VigilDaemon

/// The whole method, end to end, in the assembled daemon on a manual clock with the shipped
/// scheduler rules: a schedule push takes a faculty member away from the clinic she alone covers,
/// coverage collapses, CriticalCoverageGap fires after its 5 minutes, an incident opens with its
/// observation and is oriented as a mass absence; Vigil proposes the fallback, a named person
/// approves, acting puts it in force and coverage recovers; verification finds residents still
/// unsupervised and sends it back to deciding; the schedule is repaired, the alert resolves,
/// verification holds and the incident resolves; the post-mortem holds the real timeline.
@Suite("an incident, end to end", .serialized)
struct IncidentEndToEndTests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var config: String {
        ScheduleTestDaemon.config(
            extra: """
                rule_files: [\(repository.appendingPathComponent("rules/alerts/scheduler_alerts.yml").path)]
                escalation_files: [escalation.yml]
                """)
    }

    static let escalation = """
        route:
          receiver: on_call_admin
          group_by: [alertname]
          group_wait: 0s
        incident_verification_hold: 1m
        incident_policies:
          - matchers: ['alertname="CriticalCoverageGap"']
            severity: P1
        """

    static let healthy = IncidentPrograms.healthy

    @Test func fromACollapseToThePostMortem() async throws {
        let directory = TestDirectory()
        try directory.write("etc/escalation.yml", Self.escalation)
        let daemon = try await ScheduleTestDaemon.start(
            directory: directory, schedule: Self.healthy, config: Self.config)
        await daemon.tick()
        #expect(try await daemon.metrics()["resilience_coverage_rate"] == 1)

        // The deployment: f1 away on the 7th and 8th.
        let pushed = try await daemon.put("/api/v1/schedule", IncidentDaemonTests.absenceProgram)
        #expect(pushed.status == 200, "\(pushed.bodyText)")
        // The rule holds for 5 minutes of 15-second evaluations before it fires; on the manual
        // clock that is a bounded number of ticks.
        var incidents: [[String: Any]] = []
        for _ in 0..<60 where incidents.isEmpty {
            await daemon.tick()
            incidents =
                try JSONBody.data(try await daemon.get("/api/v1/incidents?state=open"))["incidents"]
                as? [[String: Any]] ?? []
        }
        #expect((try await daemon.metrics()["resilience_coverage_rate"] ?? 1) < 0.85)
        #expect(incidents.count == 1, "\(incidents)")
        let id = try #require(incidents.first?["id"] as? String)
        let opened = try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))
        #expect(opened["title"] as? String == "CriticalCoverageGap: CRITICAL: schedule coverage below 85%")
        #expect(opened["phase"] as? String == "orienting")
        let schedule = (opened["observation"] as? [String: Any])?["schedule"] as? [String: Any]
        #expect((schedule?["gaps"] as? [[String: Any]])?.count == 2)
        let leading = ((opened["orientation"] as? [String: Any])?["hypotheses"] as? [[String: Any]])?.first
        #expect(leading?["mode"] as? String == "mass_absence", "\(leading ?? [:])")

        // Decide, approve, act: the fallback puts the clinic's slots out of need.
        let deciding = try JSONBody.data(
            try await IncidentDaemonTests.post(
                daemon, "/api/v1/incidents/\(id)/phase", ["phase": "deciding", "by": "dr.adams"]))
        let fallback = try #require(
            (deciding["proposals"] as? [[String: Any]])?.first { $0["strategy"] as? String == "fallback" })
        let number = try #require(fallback["number"] as? Int)
        _ = try await IncidentDaemonTests.post(
            daemon, "/api/v1/incidents/\(id)/approve", ["proposal": number, "by": "dr.baker"])
        let acted = try await IncidentDaemonTests.post(
            daemon, "/api/v1/incidents/\(id)/phase", ["phase": "acting", "proposal": number, "by": "dr.adams"])
        #expect(acted.status == 200, "\(acted.bodyText)")
        var coverage = 0.0
        for _ in 0..<10 where coverage < 1 {
            await daemon.tick()
            coverage = try await daemon.metrics()["resilience_coverage_rate"] ?? 0
        }
        #expect(coverage == 1, "the metrics recover")

        // Verification: r1 is still unsupervised in clinic, so the action did not recover the program.
        _ = try await IncidentDaemonTests.post(
            daemon, "/api/v1/incidents/\(id)/phase", ["phase": "verifying", "by": "dr.adams"])
        var failed: [String: Any] = [:]
        for _ in 0..<10 where failed["phase"] as? String ?? "verifying" == "verifying" {
            await daemon.tick()
            failed = try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))
        }
        #expect(failed["phase"] as? String == "deciding", "\(failed["phases"] ?? "")")

        // The coordinators repair the schedule (f1's absence was entered by mistake) and undo the fallback.
        #expect(try await daemon.put("/api/v1/schedule", Self.healthy).status == 200)
        _ = try await IncidentDaemonTests.post(daemon, "/api/v1/incidents/\(id)/undo", ["by": "dr.adams"])
        for phase in ["acting", "verifying"] {
            let moved = try await IncidentDaemonTests.post(
                daemon, "/api/v1/incidents/\(id)/phase", ["phase": phase, "by": "dr.adams"])
            #expect(moved.status == 200, "\(moved.bodyText)")
        }
        // The alert resolves, recovery holds for the configured minute, and Vigil resolves the incident.
        var resolved: [String: Any] = [:]
        for _ in 0..<60 where resolved["phase"] as? String != "resolved" {
            await daemon.tick()
            resolved = try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))
        }
        #expect(resolved["phase"] as? String == "resolved", "\(resolved["timeline"] ?? "")")
        #expect((resolved["phases"] as? [[String: Any]])?.last?["by"] as? String == "vigil")
        let metrics = try await daemon.metrics()
        #expect(metrics[#"vigil_incident_time_to_resolve_seconds_count{severity="P1"}"#] == 1)

        let postmortem = try await daemon.get("/api/v1/incidents/\(id)/postmortem").bodyText
        for line in [
            "incident opened by CriticalCoverageGap", "approved proposal \(number)", "not recovered:",
            "back to normal operations", "recovery held", "verifying → resolved",
        ] {
            #expect(postmortem.contains(line), "the post-mortem lacks \"\(line)\"")
        }
        #expect(postmortem.contains("Leading hypothesis: **mass_absence**"))
        #expect(postmortem.contains("- 1 action(s) did not recover the program on verification."))
        try await daemon.stop()
    }

    @Test func aBadPushIsRolledBackWithApprovalAlsoAfterARestart() async throws {
        let directory = TestDirectory()
        try directory.write("etc/escalation.yml", Self.escalation)
        var daemon = try await ScheduleTestDaemon.start(
            directory: directory, schedule: Self.healthy, config: Self.config)
        await daemon.tick()
        // The bad push: f1's clinic assignment on the 7th is lost.
        let bad = IncidentPrograms.badPush
        #expect(try await daemon.put("/api/v1/schedule", bad).status == 200)
        await daemon.tick()
        let opened = try JSONBody.data(
            try await IncidentDaemonTests.post(
                daemon, "/api/v1/incidents",
                ["title": "Clinic uncovered after a push", "severity": "P2", "by": "coordinator"]))
        let id = try #require(opened["id"] as? String)
        let change = (opened["observation"] as? [String: Any])?["lastChange"] as? [String: Any]
        #expect(change?["people"] as? [String] == ["f1"], "\(opened["observation"] ?? "")")
        #expect(change?["slots"] as? [String] == ["2026-07-07 AM clinic"])

        // A restart between the push and the decision: the version before it is read back from SQLite.
        try await daemon.stop()
        daemon = try await ScheduleTestDaemon.start(directory: directory, schedule: nil, config: Self.config)
        await daemon.tick()

        let deciding = try JSONBody.data(
            try await IncidentDaemonTests.post(
                daemon, "/api/v1/incidents/\(id)/phase", ["phase": "deciding", "by": "dr.adams"]))
        let rollback = try #require(
            (deciding["proposals"] as? [[String: Any]])?.first { $0["strategy"] as? String == "rollback" },
            "\(deciding)")
        let number = try #require(rollback["number"] as? Int)
        _ = try await IncidentDaemonTests.post(
            daemon, "/api/v1/incidents/\(id)/approve", ["proposal": number, "by": "dr.baker"])
        let acted = try JSONBody.data(
            try await IncidentDaemonTests.post(
                daemon, "/api/v1/incidents/\(id)/phase", ["phase": "acting", "proposal": number, "by": "dr.adams"]))
        let action = try #require((acted["timeline"] as? [[String: Any]])?.last)
        #expect((action["details"] as? [String: String])?["failed"] == nil, "\(action)")
        #expect((action["text"] as? String)?.contains("(1 → 0 gap slots)") == true, "\(action)")
        let summary = try JSONBody.data(try await daemon.get("/api/v1/schedule/summary"))
        #expect(summary["assignments"] as? Int == 6, "the previous version is back: \(summary)")
        #expect(summary["version"] as? Int == 2, "the rollback is a push of its own (counted since the restart)")
        try await daemon.stop()
        let database = try VigilDatabase(path: directory.file("data/vigil.db"))
        defer { try? database.close() }
        let pushes = try AuditLog(database: database).recent(limit: 100, action: "schedule.push").map(\.actor)
        #expect(pushes.contains("incident \(id) (dr.adams)"), "the rollback is on the audit log: \(pushes)")
    }
}
