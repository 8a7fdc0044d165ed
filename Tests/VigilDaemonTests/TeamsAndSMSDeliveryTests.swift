import Foundation
import TestSupport
import Testing
import Transport

/// `msteams_configs` and `sms_configs` against local stand-ins that check what they are sent: a
/// Teams MessageCard (`@type`, `@context`, `title`, `summary`, `text`, `themeColor`, the Acknowledge
/// action) answered `1` as Teams does; one SMS gateway request per number, a form with the number
/// and a one-segment text carrying the alert, its severity, its summary and the whole ack link; the
/// gateway's refusal of a number dead-letters that number's message alone.
@Suite("Teams and SMS delivery", .serialized)
struct TeamsAndSMSDeliveryTests {
    static let escalation = """
        route:
          receiver: coordinators
          group_by: [alertname]
          group_wait: 0s
          group_interval: 1s
        """

    static func receivers(_ service: RecordingService) -> String {
        """
          - name: coordinators
            msteams_configs:
              - webhook_url_file: teams.url
            sms_configs:
              - url: "\(service.url("sms"))"
                to: ["+15550000001", "+15550000002"]
                to_field: To
                text_field: Body
                fields: {From: "+15559990000"}
        """
    }

    @Test func aCardAndOneTextPerNumberEachWithTheAckLink() async throws {
        let answer: @Sendable (String, String, String) -> (Int, String) = { path, contentType, body in
            if path == "teams" {
                let card = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
                let valid =
                    card?["@type"] as? String == "MessageCard" && card?["@context"] != nil
                    && !(card?["text"] as? String ?? card?["summary"] as? String ?? "").isEmpty
                return valid ? (200, "1") : (400, "Summary or Text is required.")
            }
            // The gateway knows one of the two numbers.
            guard contentType == "application/x-www-form-urlencoded" else { return (415, "form expected") }
            return body.contains("To=%2B15550000001")
                ? (201, #"{"status":"queued"}"#) : (400, #"{"message":"unknown number"}"#)
        }
        try await RecordingService.run(answer: answer) { service in
            let harness = try AlertingDaemonHarness(escalation: Self.escalation, receivers: Self.receivers(service))
            try harness.directory.write("teams.url", service.url("teams") + "\n")
            let daemon = try await harness.start()
            try await daemon.postAlerts(
                [["alertname": "CoverageGap", "severity": "critical"]],
                summary: "Clinic uncovered on Monday morning; nobody is assigned to supervise the two PGY-1s")
            let outcomes = try await waitUntil("the card and both texts settled") { () async throws -> [OutboxEntry]? in
                let all = try await daemon.notifications()
                return all.count == 3 && !all.contains { $0.state == "pending" } ? all : nil
            }
            #expect(Set(outcomes.map(\.integration)) == ["msteams[0]", "sms[0]", "sms[1]"])
            let dead = outcomes.filter { $0.state == "dead" }
            #expect(dead.map(\.integration) == ["sms[1]"], "only the unknown number fails")
            #expect(dead.first?.lastError?.contains("unknown number") == true)

            let card = try #require(service.recorded.first { $0.path == "teams" }).json
            #expect(card["title"] as? String == "[FIRING:1] CoverageGap (critical)")
            #expect(card["themeColor"] as? String == "8C1A1A")
            #expect((card["text"] as? String)?.contains("# Alerts Firing:") == true)
            let action = try #require((card["potentialAction"] as? [[String: Any]])?.first)
            #expect(action["name"] as? String == "Acknowledge")

            let texts = service.recorded.filter { $0.path == "sms" }
            #expect(Set(texts.map { $0.form["To"] ?? "" }) == ["+15550000001", "+15550000002"])
            let sms = try #require(texts.first?.form)
            #expect(sms["From"] == "+15559990000")
            let text = try #require(sms["Body"])
            #expect(text.hasPrefix("[FIRING:1] CoverageGap critical: Clinic uncovered"), "\(text)")
            #expect(text.count <= 160, "one segment: \(text.count) characters")
            let link = try #require(text.split(separator: " ").last.map(String.init))
            #expect(link.hasPrefix(daemon.base + "/ack/") || link.contains("/ack/"), "the ack link, whole: \(text)")
            let page = try await daemon.get(String(link.drop { $0 != "/" }.drop { $0 == "/" }.drop { $0 != "/" }))
            #expect(page.status == 200, "the link in the text opens the acknowledgement page")
            #expect(await daemon.stop() == 0)
        }
    }
}
