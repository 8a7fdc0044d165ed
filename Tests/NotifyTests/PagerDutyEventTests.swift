import Alerting
import Foundation
import Notify
import Testing

/// The Events API v2 body as PagerDuty documents it, for the observed group: the summary is
/// Alertmanager's subject cut to 1,024 characters, a severity PagerDuty does not know is sent as
/// `error` (and said so), the routing key is spliced in at the front, and an acknowledgement is only
/// the action and the dedup key.
@Suite struct PagerDutyEventTests {
    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func aTriggerCarriesTheSubjectTheDefaultDetailsAndTheDedupKey() throws {
        let config = PagerDutyConfig(routingKey: "k")
        let event = try Self.json(PagerDutyEvent.render(Fixtures.data(), config: config, action: "trigger"))
        #expect(event["routing_key"] == nil, "the stored body holds no secret")
        #expect(event["event_action"] as? String == "trigger")
        #expect(event["dedup_key"] as? String == PagerDutyEvent.dedupKey(groupKey: Fixtures.groupKey))
        #expect((event["dedup_key"] as? String)?.count == 64)
        let payload = try #require(event["payload"] as? [String: Any])
        #expect(payload["summary"] as? String == "[FIRING:2] G x (b)")
        #expect(payload["severity"] as? String == "error")
        #expect(payload["source"] as? String == "Vigil")
        let details = try #require(payload["custom_details"] as? [String: String])
        #expect(details["num_firing"] == "2")
        #expect(details["num_resolved"] == "1")
        #expect(details["firing"]?.hasPrefix("Labels:\n - alertname = G\n - instance = x\n - n = 2\n") == true)
        #expect(event["client_url"] as? String == Fixtures.externalURL + "/#/alerts?receiver=hook")
    }

    @Test func templatesAreExpandedAndAnUnknownSeverityIsSentAsError() throws {
        var config = PagerDutyConfig(routingKey: "k")
        config.severity = "{{ .CommonLabels.team }}"
        config.description = String(repeating: "x", count: 2000)
        config.details = ["team": "{{ .CommonLabels.team }}"]
        config.links = [PagerDutyConfig.Link(href: "https://runbooks.example/{{ .GroupLabels.alertname }}", text: "R")]
        let event = try Self.json(PagerDutyEvent.render(Fixtures.data(), config: config, action: "trigger"))
        let payload = try #require(event["payload"] as? [String: Any])
        #expect(payload["severity"] as? String == "error")
        let summary = try #require(payload["summary"] as? String)
        #expect(summary.count == 1024)
        #expect(summary.hasSuffix("…"))
        let details = try #require(payload["custom_details"] as? [String: String])
        #expect(details["team"] == "b")
        #expect(details["num_firing"] == "2", "configured details add to the defaults, as Alertmanager")
        #expect(details["vigil_template_errors"]?.contains(#"severity "b" is not one of"#) == true)
        #expect((event["links"] as? [[String: String]])?.first?["href"] == "https://runbooks.example/G")
    }

    @Test func anEventOverPagerDutysLimitIsSentWithoutItsDetails() throws {
        var config = PagerDutyConfig(routingKey: "k")
        config.details = ["dump": String(repeating: "x", count: 600_000)]
        let bytes = PagerDutyEvent.render(Fixtures.data(), config: config, action: "trigger")
        #expect(bytes.count <= 512_000)
        let event = try Self.json(bytes)
        let payload = try #require(event["payload"] as? [String: Any])
        #expect(payload["summary"] as? String == "[FIRING:2] G x (b)", "the page itself still goes")
        let details = try #require(payload["custom_details"] as? [String: String])
        #expect(details.keys.sorted() == ["error"])
        #expect(details["error"]?.hasPrefix("Custom details have been removed") == true)
    }

    @Test func anAcknowledgementIsTheActionAndTheKeyAndTheRoutingKeyComesFirst() throws {
        let body = PagerDutyEvent.render(Fixtures.data(), config: PagerDutyConfig(), action: "acknowledge")
        let sent = PagerDutyEvent.withRoutingKey(body, key: "0123\"key")
        let event = try Self.json(sent)
        #expect(Set(event.keys) == ["routing_key", "event_action", "dedup_key"])
        #expect(event["routing_key"] as? String == "0123\"key")
        #expect(String(decoding: sent, as: UTF8.self).hasPrefix(#"{"routing_key":"0123\"key","event_action""#))
        #expect(PagerDutyEvent.action(status: "firing", acknowledges: true) == "acknowledge")
        #expect(PagerDutyEvent.action(status: "resolved", acknowledges: false) == "resolve")
    }
}
