import Alerting
import Foundation
import Storage
import TestSupport
import Testing
import Transport
import VigilCore

@testable import VigilDaemon

/// The program's matrix as shipped (`rules/escalation.yml`, the receivers of `etc/vigil.yml`), run by
/// the assembled daemon in process on a manual clock over four and a half hours: each policy pages
/// every step at its time, and a critical group acknowledged by each of the three ways (the API
/// with the bearer token, the signed webhook, the signed link's button) takes no step after it.
@Suite("the shipped escalation matrix, in the daemon", .serialized)
struct ShippedMatrixDaemonTests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static let receivers = [
        "on_call_admin", "admin_team", "admin_email", "program_director", "hospital_admin", "acgme_contact",
    ]

    static var config: String {
        """
        global:
          evaluation_interval: 15s
        schedule:
          path: program.json
          horizon: 7d
          as_of: 2026-07-06
        escalation_files: [\(repository.appendingPathComponent("rules/escalation.yml").path)]
        receivers:
        \(receivers.map { "  - name: \($0)" }.joined(separator: "\n"))
        """
    }

    /// The alerts, by name: four critical (three to acknowledge, one left alone), one high, one warning.
    static let alerts: [(name: String, severity: String)] = [
        ("AckedByAPI", "critical"), ("AckedByWebhook", "critical"), ("AckedByLink", "critical"),
        ("NobodyAnswers", "critical"), ("HighNobodyAnswers", "high"), ("WarningNobodyAnswers", "warning"),
    ]

    /// One line of `data/notifications.jsonl`: which alert, which receiver, firing or resolved.
    struct Page: Hashable {
        var alert: String
        var receiver: String
        var status: String
    }

    @Test func everyPolicyPagesEveryStepAtItsTimeAndEachAckPathStopsAnEscalation() async throws {
        let daemon = try await ScheduleTestDaemon.start(schedule: TestPrograms.base, config: Self.config)
        let atRest = 1 + ScheduleTestDaemon.alertingSleepers
        let clock = daemon.clock
        let posted = clock.now()
        let endsAt = ISO8601DateFormatter().string(from: posted.addingTimeInterval(6 * 3600))
        let body = Self.alerts.map { alert in
            [
                "labels": ["alertname": alert.name, "severity": alert.severity, "component": alert.name],
                "annotations": ["summary": "\(alert.name) posted by the test"], "endsAt": endsAt,
            ] as [String: Any]
        }
        let accepted = try await CurlTransport().perform(
            HTTPRequest(
                method: "POST", url: daemon.base + "/api/v2/alerts",
                headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(daemon.token)")],
                body: Array(try JSONSerialization.data(withJSONObject: body))))
        try #require(accepted.status == 200, "\(accepted.bodyText)")

        func advance(toMinute minute: Double) async {
            while clock.now().timeIntervalSince(posted) < minute * 60 {
                await clock.waitForSleepers(count: atRest)
                clock.advance(by: 30)
                await clock.waitForSleepers(count: atRest)
            }
        }
        /// The receivers paged about each alert while it fired, from the local notification file.
        @Sendable func paged() -> [String: Set<String>] {
            var paged: [String: Set<String>] = [:]
            for line in Self.lines(daemon) {
                guard let page = try? Self.page(line), page.status == "firing" else { continue }
                paged[page.alert, default: []].insert(page.receiver)
            }
            return paged
        }

        // The critical groups' first step goes out after the route's 10 s group_wait.
        await advance(toMinute: 1)
        _ = try await waitUntil("the first step of every critical group in the notification file") {
            let paged = paged()
            return Self.alerts.filter { $0.severity == "critical" }.allSatisfy {
                paged[$0.name] == ["on_call_admin", "program_director"]
            } ? true : nil
        }

        // Acknowledged three ways, five minutes in.
        await advance(toMinute: 5)
        let byAPI = try await Self.post(
            daemon, "/api/v1/groups/" + Self.percentEncoded(try Self.groupKey("AckedByAPI", daemon)) + "/ack",
            body: Array(#"{"by":"dr.adams"}"#.utf8), headers: [("Authorization", "Bearer \(daemon.token)")])
        #expect(byAPI.status == 200, "\(byAPI.bodyText)")
        let webhookBody = Array(
            try JSONSerialization.data(withJSONObject: [
                "id": "matrix-1", "action": "ack", "group_key": try Self.groupKey("AckedByWebhook", daemon),
                "by": "dr.baker",
            ]))
        let stamp = String(Int64(clock.now().timeIntervalSince1970))
        let byWebhook = try await Self.post(
            daemon, "/api/v1/acks", body: webhookBody,
            headers: [
                ("X-Vigil-Timestamp", stamp),
                (
                    "X-Vigil-Signature",
                    RequestSignature.header(
                        secret: Array(daemon.daemon.secrets.webhookSecret.utf8), timestamp: stamp, body: webhookBody)
                ),
            ])
        #expect(byWebhook.status == 200, "\(byWebhook.bodyText)")
        let link = try #require(try Self.ackURL(of: "AckedByLink", daemon))
        let token = try #require(link.split(separator: "/ack/").last.map(String.init))
        let byLink = try await Self.post(
            daemon, "/ack/" + token, body: Array("by=Dr+Chen".utf8),
            headers: [("Content-Type", "application/x-www-form-urlencoded")])
        #expect(byLink.status == 200, "\(byLink.bodyText)")
        #expect(byLink.bodyText.contains("The escalation has stopped"), "\(byLink.bodyText)")

        await advance(toMinute: 4 * 60 + 10)
        _ = try await waitUntil("the medium policy's second step in the notification file") {
            paged()["WarningNobodyAnswers"]?.contains("on_call_admin") == true ? true : nil
        }
        let keys = try Dictionary(
            uniqueKeysWithValues: Self.alerts.map { ($0.name, try Self.groupKey($0.name, daemon)) })
        let pages = paged()
        try await daemon.stop()

        // When each step was taken, in minutes after the alerts were posted, from the audit log.
        let database = try VigilDatabase(path: daemon.directory.file("data/vigil.db"))
        defer { try? database.close() }
        let steps = try AuditLog(database: database).recent(limit: 1000, action: "escalation.step").reversed()
        func taken(_ alert: String) -> [String] {
            steps.filter { $0.details["group_key"] == keys[alert] }.map { entry in
                let minute = Int(entry.at.timeIntervalSince(posted) / 60)
                return "\(entry.details["step"] ?? "?")@\(minute): \(entry.details["receivers"] ?? "")"
            }
        }
        // Critical: the on-call admin and the director now, the hospital at 15 min, the ACGME at 1 h.
        #expect(
            taken("NobodyAnswers") == [
                "1@0: on_call_admin,program_director", "2@15: hospital_admin", "3@60: acgme_contact",
            ])
        #expect(pages["NobodyAnswers"] == ["on_call_admin", "program_director", "hospital_admin", "acgme_contact"])
        for acked in ["AckedByAPI", "AckedByWebhook", "AckedByLink"] {
            #expect(taken(acked) == ["1@0: on_call_admin,program_director"], "\(acked)")
            #expect(pages[acked] == ["on_call_admin", "program_director"], "\(acked)")
        }
        // High (the root route, group_wait 1m): the on-call admin now, the director an hour later.
        #expect(taken("HighNobodyAnswers") == ["1@1: on_call_admin", "2@61: program_director"])
        #expect(pages["HighNobodyAnswers"] == ["on_call_admin", "program_director"])
        // Warning, the medium policy (its route's group_wait 2m): the admin team now, the on-call
        // admin four hours later.
        #expect(taken("WarningNobodyAnswers") == ["1@2: admin_team", "2@242: on_call_admin"])
        #expect(pages["WarningNobodyAnswers"] == ["admin_team", "on_call_admin"])
        let acks = try AuditLog(database: database).recent(action: "alert_group.ack")
        #expect(Set(acks.compactMap { $0.details["via"] }) == ["api", "webhook", "link"])
    }

    static func lines(_ daemon: ScheduleTestDaemon) -> [Substring] {
        let text = (try? String(contentsOfFile: daemon.directory.file("data/notifications.jsonl"), encoding: .utf8))
        return text?.split(separator: "\n") ?? []
    }

    static func page(_ line: Substring) throws -> Page {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let labels = try #require(object["commonLabels"] as? [String: String])
        return Page(
            alert: labels["alertname"] ?? "", receiver: object["receiver"] as? String ?? "",
            status: object["status"] as? String ?? "")
    }

    /// The group key of the group holding `alert`, from the first notification about it.
    static func groupKey(_ alert: String, _ daemon: ScheduleTestDaemon) throws -> String {
        try #require(
            try notification(of: alert, daemon)?["groupKey"] as? String, "no notification about \(alert)")
    }

    static func ackURL(of alert: String, _ daemon: ScheduleTestDaemon) throws -> String? {
        (try notification(of: alert, daemon)?["vigil"] as? [String: Any])?["ack_url"] as? String
    }

    static func notification(of alert: String, _ daemon: ScheduleTestDaemon) throws -> [String: Any]? {
        for line in lines(daemon) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if (object?["commonLabels"] as? [String: String])?["alertname"] == alert { return object }
        }
        return nil
    }

    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func post(
        _ daemon: ScheduleTestDaemon, _ path: String, body: [UInt8], headers: [(name: String, value: String)]
    ) async throws -> HTTPResponse {
        var fields = headers
        if !fields.contains(where: { $0.name == "Content-Type" }) {
            fields.append(("Content-Type", "application/json"))
        }
        return try await CurlTransport().perform(
            HTTPRequest(method: "POST", url: daemon.base + path, headers: fields, body: body))
    }
}
