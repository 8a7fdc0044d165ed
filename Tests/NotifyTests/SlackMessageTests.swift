import Alerting
import Foundation
import Notify
import Testing

/// Slack's message for the observed group: Alertmanager's attachment with empty members left out,
/// the colour by status and severity, templates expanded, and a broken template said in the footer
/// while the default text still goes out.
@Suite struct SlackMessageTests {
    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func theDefaultsAreAlertmanagersAttachmentWithTheSummaries() throws {
        let message = try Self.json(SlackMessage.render(Fixtures.data(), config: SlackConfig(apiURL: "http://x")))
        #expect(message["channel"] == nil, "empty members are left out")
        #expect(message["username"] as? String == "Vigil")
        let attachment = try #require((message["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["title"] as? String == "[FIRING:2] G x (b)")
        #expect(attachment["color"] as? String == "danger")
        #expect(attachment["text"] as? String == "*G*: s\n*G*: s\n*G* (resolved): s")
        #expect(attachment["mrkdwn_in"] as? [String] == ["fallback", "pretext", "text"])
        #expect(attachment["actions"] == nil, "no ack link, no button")
        let resolved = Fixtures.data(Fixtures.notification(alerts: [Fixtures.alert(1, endsAt: Fixtures.resolvedAt)]))
        let done = try Self.json(SlackMessage.render(resolved, config: SlackConfig()))
        #expect((done["attachments"] as? [[String: Any]])?.first?["color"] as? String == "good")
    }

    @Test func templatesAreExpandedAndABrokenOneIsToldInTheFooter() throws {
        var config = SlackConfig()
        config.title = "{{ .CommonLabels.team }} needs cover"
        config.text = "{{ .Nope.Missing "
        config.linkNames = true
        var data = Fixtures.data()
        data.ackURL = "https://vigil.example/ack/t"
        let message = try Self.json(SlackMessage.render(data, config: config))
        #expect(message["link_names"] as? Bool == true)
        let attachment = try #require((message["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["title"] as? String == "b needs cover")
        #expect(attachment["text"] as? String == "*G*: s\n*G*: s\n*G* (resolved): s", "the default text instead")
        #expect((attachment["footer"] as? String)?.hasPrefix("template error: ") == true)
        let button = try #require((attachment["actions"] as? [[String: String]])?.last)
        #expect(
            button == [
                "type": "button", "text": "Acknowledge", "url": "https://vigil.example/ack/t", "style": "primary",
            ])
    }
}
