import Foundation
import TestSupport
import Testing
import Transport

/// `slack_configs` against a local stand-in for Slack's incoming webhooks that checks messages as
/// Slack documents them: Alertmanager's attachment (title, link, colour, fallback) with the alerts'
/// summaries and an Acknowledge button (pacing, one a second per webhook: SlackPacingTests), Slack's
/// `invalid_token` dead-lettered at once in Slack's words, its 429 retried.
@Suite("Slack delivery", .serialized)
struct SlackDeliveryTests {
    static let escalation = """
        route:
          receiver: coordinators
          group_by: [alertname]
          group_wait: 0s
          group_interval: 1s
          routes:
            - matchers: ['team="stale"']
              receiver: stale
        """

    static func receivers(_ service: SlackService) -> String {
        """
          - name: coordinators
            slack_configs:
              - api_url_file: slack.url
                channel: '#coordinators'
                fields: [{title: Component, value: '{{ .CommonLabels.component }}', short: true}]
          - name: stale
            slack_configs:
              - api_url: "\(service.url(token: "T000/B000/REVOKED"))"
        """
    }

    @Test func messagesCarryAlertmanagersAttachmentAndAnAckButton() async throws {
        try await SlackService.run { service in
            let harness = try AlertingDaemonHarness(escalation: Self.escalation, receivers: Self.receivers(service))
            try harness.directory.write("slack.url", service.url() + "\n")
            let daemon = try await harness.start()
            try await daemon.postAlerts(
                [
                    ["alertname": "CoverageGap", "severity": "critical", "component": "clinic"],
                    ["alertname": "DutyHours", "severity": "warning", "component": "acgme"],
                ], summary: "Clinic uncovered")
            let messages = try await waitUntil("both groups at the webhook") {
                service.delivered.count >= 2 ? service.delivered : nil
            }
            #expect(messages.count == 2)
            let byTitle = Dictionary(
                messages.compactMap { message in (message.attachment?["title"] as? String).map { ($0, message) } },
                uniquingKeysWith: { first, _ in first })
            let critical = try #require(byTitle["[FIRING:1] CoverageGap (clinic critical)"], "\(byTitle.keys)")
            #expect(critical.json["channel"] as? String == "#coordinators")
            #expect(critical.json["username"] as? String == "Vigil")
            let attachment = try #require(critical.attachment)
            #expect(attachment["color"] as? String == "danger")
            #expect(attachment["text"] as? String == "*CoverageGap*: Clinic uncovered")
            #expect((attachment["title_link"] as? String)?.hasSuffix("/#/alerts?receiver=coordinators") == true)
            #expect(
                (attachment["fallback"] as? String)?.hasPrefix("[FIRING:1] CoverageGap (clinic critical) | ") == true)
            let fields = try #require(attachment["fields"] as? [[String: Any]])
            #expect(fields.first?["value"] as? String == "clinic")
            #expect(fields.first?["short"] as? Bool == true)
            let button = try #require((attachment["actions"] as? [[String: Any]])?.last)
            #expect(button["text"] as? String == "Acknowledge")
            #expect((button["url"] as? String)?.contains("/ack/") == true)
            let warning = try #require(byTitle["[FIRING:1] DutyHours (acgme warning)"])
            #expect(warning.attachment?["color"] as? String == "warning")

            // A revoked webhook: Slack's answer, dead at once.
            try await daemon.postAlerts([["alertname": "Stale", "team": "stale"]])
            let dead = try await waitUntil("the revoked webhook's message dead-lettered") {
                try await daemon.notifications("dead").first
            }
            #expect(dead.attempts == 1)
            #expect(dead.lastError == "HTTP 403: invalid_token")

            // Slack's 429 is retried.
            service.throttleNext(1)
            try await daemon.postAlerts([["alertname": "LateAddition", "severity": "warning"]])
            let retried = try await waitUntil("the throttled message delivered") {
                try await daemon.notifications("delivered").first { $0.attempts == 2 }
            }
            #expect(retried.receiver == "coordinators")
            #expect(service.messages.map(\.status).suffix(2) == [429, 200])
            #expect(await daemon.stop() == 0)

            // The webhook URL (its token is the secret) never reached the database.
            for file in ["data/vigil.db", "data/vigil.db-wal"] {
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: harness.directory.file(file)))) ?? Data()
                #expect(bytes.range(of: Data(SlackService.token.utf8)) == nil, "the webhook URL is in \(file)")
            }
        }
    }
}
