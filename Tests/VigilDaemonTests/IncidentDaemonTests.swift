import Foundation
import Storage
import TestSupport
import Testing
import Transport
import VigilCore

@testable import VigilDaemon

/// Incidents in the assembled daemon, on a manual clock: a critical alert opens a P1 with its
/// response target, the API moves it through the method's phases (refusing what the method does
/// not allow, and writes without the token), acknowledging it stops its alert group's escalation,
/// and a restart in the middle loses nothing.
@Suite("incidents, in the daemon", .serialized)
struct IncidentDaemonTests {
    static var config: String {
        ScheduleTestDaemon.config(
            extra: """
                escalation_files: [escalation.yml]
                """)
    }

    static let escalation = """
        route:
          receiver: on_call_admin
          group_by: [alertname]
          group_wait: 0s
        escalation_policies:
          - name: critical
            matchers: ['severity="critical"']
            steps:
              - {after: 0s, notify: [on_call_admin]}
              - {after: 15m, notify: [on_call_admin]}
        incident_verification_hold: 1m
        incident_policies:
          - matchers: ['severity="critical"']
            severity: P1
        """

    static func post(
        _ daemon: ScheduleTestDaemon, _ path: String, _ body: [String: Any], authorized: Bool = true
    ) async throws -> Transport.HTTPResponse {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
        if authorized { headers.append(("Authorization", "Bearer \(daemon.token)")) }
        return try await CurlTransport().perform(
            HTTPRequest(
                method: "POST", url: daemon.base + path, headers: headers,
                body: Array(try JSONSerialization.data(withJSONObject: body))))
    }

    /// Lets the daemon's loops run once on the clock (the incident loop syncs every 5 s).
    static func settle(_ daemon: ScheduleTestDaemon) async {
        let atRest = 1 + ScheduleTestDaemon.alertingSleepers
        await daemon.clock.waitForSleepers(count: atRest)
        daemon.clock.advance(by: 5)
        await daemon.clock.waitForSleepers(count: atRest)
    }

    @Test func aCriticalAlertOpensAnIncidentThatIsWorkedThroughTheAPIAndSurvivesARestart() async throws {
        let directory = TestDirectory()
        try directory.write("etc/escalation.yml", Self.escalation)
        var daemon = try await ScheduleTestDaemon.start(
            directory: directory, schedule: TestPrograms.base, config: Self.config)
        let endsAt = ISO8601DateFormatter().string(from: daemon.clock.now().addingTimeInterval(3600))
        let alert: [String: Any] = [
            "labels": ["alertname": "CoverageGap", "severity": "critical", "component": "clinic"],
            "annotations": ["summary": "Clinic uncovered", "runbook_url": "runbooks/CriticalCoverageGap.md"],
            "endsAt": endsAt,
        ]
        let accepted = try await CurlTransport().perform(
            HTTPRequest(
                method: "POST", url: daemon.base + "/api/v2/alerts",
                headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(daemon.token)")],
                body: Array(try JSONSerialization.data(withJSONObject: [alert]))))
        try #require(accepted.status == 200, "\(accepted.bodyText)")
        var incidents: [[String: Any]] = []
        for _ in 0..<10 where incidents.isEmpty {
            await Self.settle(daemon)
            incidents =
                try JSONBody.data(try await daemon.get("/api/v1/incidents?state=open"))["incidents"]
                as? [[String: Any]] ?? []
        }
        #expect(incidents.count == 1)
        let summary = try #require(incidents.first)
        let id = try #require(summary["id"] as? String)
        #expect(summary["severity"] as? String == "P1")
        // Vigil observed and oriented on its own: a person decides next.
        #expect(summary["phase"] as? String == "orienting")
        #expect(summary["key"] as? String == "component=clinic")
        #expect(summary["title"] as? String == "CoverageGap: Clinic uncovered")
        #expect((summary["responseTarget"] as? [String: Any])?["target"] as? String == "15 minutes")
        #expect(summary["allowedPhases"] as? [String] == ["observing", "deciding", "resolved"])
        let detail = try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))
        #expect((detail["runbooks"] as? [String: String])?["CoverageGap"] == "runbooks/CriticalCoverageGap.md")
        let observation = try #require(detail["observation"] as? [String: Any], "\(detail)")
        let schedule = try #require(observation["schedule"] as? [String: Any])
        #expect(schedule["program"] as? String == "Test Program")
        #expect(schedule["defenseLevel"] is String)
        #expect((observation["firingAlerts"] as? [String])?.first?.hasPrefix("CoverageGap{") == true)
        let orientation = try #require(detail["orientation"] as? [String: Any])
        #expect(orientation["hypotheses"] is [[String: Any]])
        #expect(orientation["blastRadius"] is [String: Any])
        let phases = (detail["phases"] as? [[String: Any]])?.compactMap { $0["by"] as? String }
        #expect(phases == ["vigil", "vigil", "vigil"])

        // Skipping ahead: 409 with the allowed moves; an unknown phase likewise; neither changes it.
        let skip = try await Self.post(daemon, "/api/v1/incidents/\(id)/phase", ["phase": "acting", "by": "dr.adams"])
        #expect(skip.status == 409)
        #expect(skip.bodyText.contains("may move to: observing, deciding, resolved"), "\(skip.bodyText)")
        let unknown = try await Self.post(
            daemon, "/api/v1/incidents/\(id)/phase", ["phase": "panic", "by": "dr.adams"])
        #expect(unknown.status == 409)
        #expect(unknown.bodyText.contains("unknown phase \\\"panic\\\""), "\(unknown.bodyText)")
        // Without the token: refused before the daemon sees it.
        let anonymous = try await Self.post(
            daemon, "/api/v1/incidents/\(id)/phase", ["phase": "observing", "by": "x"], authorized: false)
        #expect(anonymous.status == 401)
        #expect(try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))["phase"] as? String == "orienting")

        let deciding = try await Self.post(
            daemon, "/api/v1/incidents/\(id)/phase", ["phase": "deciding", "by": "dr.adams"])
        #expect(deciding.status == 200, "\(deciding.bodyText)")
        let noted = try await Self.post(
            daemon, "/api/v1/incidents/\(id)/notes", ["text": "chief resident called in", "by": "dr.adams"])
        #expect(noted.status == 200)

        // Acknowledging the incident acknowledges its alert group: the escalation stops.
        let acked = try await Self.post(daemon, "/api/v1/incidents/\(id)/ack", ["by": "dr.adams"])
        #expect(acked.status == 200, "\(acked.bodyText)")
        let groups = try #require(
            try JSONSerialization.jsonObject(with: Data(try await daemon.get("/api/v2/alerts/groups").body))
                as? [[String: Any]])
        let alerts = try #require(groups.first?["alerts"] as? [[String: Any]])
        let vigil = try #require(alerts.first?["vigil"] as? [String: Any], "\(alerts)")
        let groupAck = try #require(vigil["acknowledged"] as? [String: Any], "\(vigil)")
        #expect(groupAck["by"] as? String == "dr.adams")
        #expect(groupAck["via"] as? String == "incident")
        await Self.settle(daemon)
        let metrics = try await daemon.metrics()
        #expect(metrics[#"vigil_incidents{phase="deciding"}"#] == 1)
        #expect(metrics[#"vigil_incidents{phase="detected"}"#] == 0)
        #expect(metrics[#"vigil_incident_time_to_acknowledge_seconds_count{severity="P1"}"#] == 1)
        #expect(metrics[#"vigil_incident_time_to_resolve_seconds_count{severity="P1"}"#] == 0)

        // A restart in the middle loses nothing.
        try await daemon.stop()
        daemon = try await ScheduleTestDaemon.start(directory: directory, schedule: nil, config: Self.config)
        await Self.settle(daemon)
        let after = try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))
        #expect(after["phase"] as? String == "deciding")
        #expect((after["acknowledgement"] as? [String: Any])?["by"] as? String == "dr.adams")
        let kinds = (after["timeline"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
        // The escalation step lands whenever the incident loop first sees it (the alerting loop
        // flushes on its own schedule), so it is checked apart from the order of the rest.
        #expect(
            kinds.filter { !["proposal", "escalation", "notification_sent"].contains($0) } == [
                "opened", "alert_fired", "phase", "observation", "phase", "orientation", "phase", "note",
                "acknowledged",
            ], "\(kinds)")
        #expect(kinds.filter { $0 == "escalation" }.count == 1, "\(kinds)")
        #expect(kinds.contains("proposal"), "deciding brings Vigil's proposals")
        let step = (after["timeline"] as? [[String: Any]])?.first { $0["kind"] as? String == "escalation" }
        #expect(step?["text"] as? String == "escalation policy critical took step 1")
        let postmortem = try await daemon.get("/api/v1/incidents/\(id)/postmortem")
        #expect(postmortem.status == 200)
        #expect(postmortem.header("Content-Type")?.hasPrefix("text/markdown") == true)
        #expect(postmortem.bodyText.hasPrefix("# Post-mortem: \(id) — CoverageGap: Clinic uncovered"))
        #expect(postmortem.bodyText.contains("chief resident called in"), "the real timeline")
        #expect(try await daemon.get("/api/v1/incidents/INC-404/postmortem").status == 404)
        let again = try JSONBody.data(try await daemon.get("/api/v1/incidents"))
        #expect((again["incidents"] as? [[String: Any]])?.count == 1, "no second incident for the same alert")
        try await daemon.stop()
        let database = try VigilDatabase(path: directory.file("data/vigil.db"))
        defer { try? database.close() }
        let audit = try AuditLog(database: database).recent(limit: 200).map(\.action)
        for action in ["incident.open", "incident.observe", "incident.phase", "incident.note", "incident.ack"] {
            #expect(audit.contains(action), "\(action) is not on the audit log")
        }
    }

    /// Posts one critical alert, then runs the loops until an incident is open; returns its id.
    static func fireAndOpen(_ daemon: ScheduleTestDaemon) async throws -> String {
        let endsAt = ISO8601DateFormatter().string(from: daemon.clock.now().addingTimeInterval(3600))
        let alert: [String: Any] = [
            "labels": ["alertname": "CoverageGap", "severity": "critical", "component": "clinic"],
            "annotations": ["summary": "Clinic uncovered"], "endsAt": endsAt,
        ]
        let accepted = try await CurlTransport().perform(
            HTTPRequest(
                method: "POST", url: daemon.base + "/api/v2/alerts",
                headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(daemon.token)")],
                body: Array(try JSONSerialization.data(withJSONObject: [alert]))))
        try #require(accepted.status == 200, "\(accepted.bodyText)")
        var incidents: [[String: Any]] = []
        for _ in 0..<10 where incidents.isEmpty {
            await settle(daemon)
            incidents =
                try JSONBody.data(try await daemon.get("/api/v1/incidents?state=open"))["incidents"]
                as? [[String: Any]] ?? []
        }
        return try #require(incidents.first?["id"] as? String)
    }

    @Test func notificationsDeliveredAndFailedLandOnTheTimelineOnce() async throws {
        try await WebhookGateway.run { gateway in
            gateway.set(.refuse, for: "down")
            let directory = TestDirectory()
            try directory.write("etc/escalation.yml", Self.escalation)
            let config = """
                global:
                  evaluation_interval: 15s
                schedule:
                  path: program.json
                  horizon: 7d
                  as_of: 2026-07-06
                escalation_files: [escalation.yml]
                receivers:
                  - name: on_call_admin
                    webhook_configs:
                      - {url: "\(gateway.url("up"))"}
                      - {url: "\(gateway.url("down"))"}
                """
            let daemon = try await ScheduleTestDaemon.start(
                directory: directory, schedule: TestPrograms.base, config: config)
            let id = try await Self.fireAndOpen(daemon)
            // The webhook that answers 503 fails its first attempt and stays queued; the other delivers.
            var timeline: [[String: Any]] = []
            func entries(_ kind: String) -> [[String: Any]] { timeline.filter { $0["kind"] as? String == kind } }
            for _ in 0..<20 where entries("notification_sent").isEmpty || entries("notification_failed").isEmpty {
                await Self.settle(daemon)
                timeline =
                    try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))["timeline"]
                    as? [[String: Any]] ?? []
            }
            let sent = try #require(entries("notification_sent").first, "\(timeline)")
            #expect((sent["text"] as? String)?.hasPrefix("firing notification to on_call_admin (webhook") == true)
            #expect((sent["details"] as? [String: String])?["receiver"] == "on_call_admin")
            let failed = try #require(entries("notification_failed").first, "\(timeline)")
            let details = try #require(failed["details"] as? [String: String])
            #expect((Int(details["attempts"] ?? "") ?? 0) >= 1, "\(details)")
            #expect(details["error"]?.contains("503") == true, "\(details)")
            #expect((failed["text"] as? String)?.contains("stays queued and is retried") == true)
            #expect(gateway.requests.contains { $0.hook == "up" })

            // Once each: every later attempt is one more entry, never the same attempt twice.
            await Self.settle(daemon)
            await Self.settle(daemon)
            timeline =
                try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))["timeline"]
                as? [[String: Any]] ?? []
            let marks = timeline.compactMap { entry -> String? in
                guard let details = entry["details"] as? [String: String], let message = details["message"] else {
                    return nil
                }
                return "\(message)/\(entry["kind"] ?? "")/\(details["attempts"] ?? "")"
            }
            #expect(Set(marks).count == marks.count, "\(marks)")
            #expect(entries("notification_sent").count == 1, "\(marks)")
            let postmortem = try await daemon.get("/api/v1/incidents/\(id)/postmortem")
            #expect(postmortem.bodyText.contains("notification attempt(s) failed during the incident (on_call_admin)"))
            try await daemon.stop()
        }
    }

    /// f1 away from the clinic she alone covers: a mass absence.
    static let absenceProgram = IncidentPrograms.absence

    @Test func aMassAbsenceIsDecidedApprovedAndActedOnWithARecoveryPoint() async throws {
        let directory = TestDirectory()
        try directory.write("etc/escalation.yml", Self.escalation)
        let daemon = try await ScheduleTestDaemon.start(
            directory: directory, schedule: Self.absenceProgram, config: Self.config)
        let id = try #require(
            try JSONBody.data(
                try await Self.post(
                    daemon, "/api/v1/incidents", ["title": "Clinic uncovered", "severity": "P1", "by": "coordinator"])
            )["id"] as? String)
        let oriented = try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))
        let hypotheses = (oriented["orientation"] as? [String: Any])?["hypotheses"] as? [[String: Any]]
        #expect(hypotheses?.first?["mode"] as? String == "mass_absence", "\(hypotheses ?? [])")

        // Deciding: Vigil proposes, the fallback with its projected effect.
        let deciding = try JSONBody.data(
            try await Self.post(daemon, "/api/v1/incidents/\(id)/phase", ["phase": "deciding", "by": "dr.adams"]))
        let proposals = try #require(deciding["proposals"] as? [[String: Any]], "\(deciding)")
        let fallback = try #require(proposals.first { $0["strategy"] as? String == "fallback" }, "\(proposals)")
        let number = try #require(fallback["number"] as? Int)
        let scenario = try #require(fallback["fallback"] as? String)
        #expect(fallback["needsApproval"] as? Bool == true)
        #expect((fallback["expected"] as? [String: Any])?["coverageBefore"] is Double)

        // Acting before approval: 409, nothing changes.
        let early = try await Self.post(
            daemon, "/api/v1/incidents/\(id)/phase", ["phase": "acting", "proposal": number, "by": "dr.adams"])
        #expect(early.status == 409)
        #expect(early.bodyText.contains("needs approval by a named person"), "\(early.bodyText)")
        #expect(try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))["phase"] as? String == "deciding")

        let approved = try await Self.post(
            daemon, "/api/v1/incidents/\(id)/approve", ["proposal": number, "by": "dr.baker"])
        #expect(approved.status == 200, "\(approved.bodyText)")
        let acted = try await Self.post(
            daemon, "/api/v1/incidents/\(id)/phase", ["phase": "acting", "proposal": number, "by": "dr.adams"])
        #expect(acted.status == 200, "\(acted.bodyText)")
        let incident = try JSONBody.data(acted)
        #expect(incident["phase"] as? String == "acting")
        let action = try #require((incident["timeline"] as? [[String: Any]])?.last)
        #expect(action["kind"] as? String == "action")
        let details = try #require(action["details"] as? [String: String])
        #expect(details["failed"] == nil, "\(action)")
        let point = try #require(details["recovery_point"])
        #expect(FileManager.default.fileExists(atPath: point), "the recovery point is a real backup")
        #expect((action["text"] as? String)?.contains("coverage") == true)

        // The engine runs with the fallback in force, and the metrics say so.
        let state = try JSONBody.object(try await daemon.get("/api/v1/resilience/state"))
        let document = (state["data"] as? [String: Any]) ?? state
        #expect(document["active_fallback"] as? String == scenario, "\(state)")
        let metrics = try await daemon.metrics()
        #expect(metrics["resilience_fallback_activations_total{scenario=\"\(scenario)\"}"] == 1)
        #expect(metrics[#"resilience_crisis_activations_total{severity="P1"}"#] == 1, "a crisis response in force")
        #expect(
            metrics[#"resilience_crisis_activations_total{severity="P2"}"#] == 0, "at zero from the start")

        // Verifying: the fallback covers the slots but leaves r1 unsupervised (critical ACGME
        // violations), so Vigil sends the incident back to deciding with the next proposals.
        _ = try await Self.post(daemon, "/api/v1/incidents/\(id)/ack", ["by": "dr.adams"])
        let verifying = try await Self.post(
            daemon, "/api/v1/incidents/\(id)/phase", ["phase": "verifying", "by": "dr.adams"])
        #expect(verifying.status == 200)
        var verified: [String: Any] = [:]
        for _ in 0..<10 where verified["phase"] as? String ?? "verifying" == "verifying" {
            await Self.settle(daemon)
            verified = try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))
        }
        #expect(verified["phase"] as? String == "deciding", "\(verified["timeline"] ?? "")")
        let back = (verified["phases"] as? [[String: Any]])?.last
        #expect(back?["by"] as? String == "vigil")
        #expect((back?["reason"] as? String)?.contains("critical ACGME violations") == true, "\(back ?? [:])")
        #expect(verified["acknowledgement"] is NSNull, "the escalation continues")
        let again = (verified["proposals"] as? [[String: Any]]) ?? []
        #expect(again.count > proposals.count, "new proposals for the next strategy")
        #expect(
            again.dropFirst(proposals.count).allSatisfy { $0["fallback"] as? String != scenario },
            "the fallback that did not recover is not proposed again")

        // Undo: back to normal operations, an explicit step on the record.
        let undone = try JSONBody.data(try await Self.post(daemon, "/api/v1/incidents/\(id)/undo", ["by": "dr.adams"]))
        let undo = (undone["timeline"] as? [[String: Any]])?.last
        #expect(
            (undo?["text"] as? String)?.hasPrefix("back to normal operations (no load shedding, no fallback)") == true)
        let normal = try JSONBody.object(try await daemon.get("/api/v1/resilience/state"))
        #expect(((normal["data"] as? [String: Any]) ?? normal)["active_fallback"] is NSNull)
        #expect(try await Self.post(daemon, "/api/v1/incidents/INC-404/undo", ["by": "x"]).status == 404)
        try await daemon.stop()
    }
}
