import Foundation
import TestSupport
import Testing
import Transport

/// `pagerduty_configs` against a local stand-in for PagerDuty's Events API v2 that checks events as
/// PagerDuty documents them: a firing group triggers an incident, an acknowledgement in Vigil
/// acknowledges it and the resolve resolves it, all under one `dedup_key`; the routing key comes
/// from its file at each attempt and is never written to the database; PagerDuty's 400 dead-letters
/// at once with its message, its 429 is retried.
@Suite("PagerDuty delivery", .serialized)
struct PagerDutyDeliveryTests {
    static let routingKey = "0123456789abcdef0123456789abcdef"
    static let escalation = """
        route:
          receiver: pager
          group_by: [alertname]
          group_wait: 0s
          group_interval: 1s
        """
    static let groupKey = #"{}:{alertname="CoverageGap"}"#
    /// SHA-256 of the group key (hashlib), as Alertmanager's dedup_key.
    static let dedupKey = "7530efe68d14680f0c940681b6aa5da12da9292c88dace0238de056adafee983"

    static func receivers(_ service: PagerDutyService, key: String = "routing_key_file: pd.key") -> String {
        """
          - name: pager
            pagerduty_configs:
              - \(key)
                url: "\(service.url)"
                severity: '{{ .CommonLabels.severity }}'
                component: '{{ .CommonLabels.component }}'
        """
    }

    @Test func anIncidentIsTriggeredAcknowledgedInVigilAndResolvedUnderOneDedupKey() async throws {
        try await PagerDutyService.run { service in
            let harness = try AlertingDaemonHarness(escalation: Self.escalation, receivers: Self.receivers(service))
            try harness.directory.write("pd.key", Self.routingKey + "\n")
            let daemon = try await harness.start()
            let labels = ["alertname": "CoverageGap", "severity": "critical", "component": "clinic"]
            try await daemon.postAlerts([labels], summary: "Clinic uncovered")
            let trigger = try await waitUntil("the trigger event") { service.accepted.first }
            #expect(trigger.action == "trigger")
            #expect(trigger.routingKey == Self.routingKey, "the key from routing_key_file")
            #expect(trigger.dedupKey == Self.dedupKey)
            let payload = try #require(trigger.payload)
            #expect(payload["summary"] as? String == "[FIRING:1] CoverageGap (clinic critical)")
            #expect(payload["severity"] as? String == "critical")
            #expect(payload["component"] as? String == "clinic")
            #expect(payload["source"] as? String == "Vigil")
            #expect(trigger.json["client"] as? String == "Vigil")
            let details = try #require(payload["custom_details"] as? [String: Any])
            #expect(details["num_firing"] as? String == "1")
            #expect((details["firing"] as? String)?.contains(" - summary = Clinic uncovered") == true)
            #expect((details["acknowledge_in_vigil"] as? String)?.contains("/ack/") == true)

            // Acknowledged in Vigil: PagerDuty's incident is acknowledged too.
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let path =
                "/api/v1/groups/" + (Self.groupKey.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "/ack"
            let acked = try await daemon.post(path, body: Array(#"{"by":"dr.adams"}"#.utf8))
            #expect(acked.status == 200, "\(acked.bodyText)")
            let acknowledge = try await waitUntil("the acknowledge event") {
                service.accepted.first { $0.action == "acknowledge" }
            }
            #expect(acknowledge.dedupKey == Self.dedupKey)
            #expect(acknowledge.routingKey == Self.routingKey)

            // Resolved: the same incident is resolved.
            let now = ISO8601DateFormatter().string(from: Date())
            let body = try JSONSerialization.data(withJSONObject: [["labels": labels, "endsAt": now]])
            #expect(try await daemon.post("/api/v2/alerts", body: Array(body)).status == 200)
            let resolve = try await waitUntil("the resolve event") {
                service.accepted.first { $0.action == "resolve" }
            }
            #expect(resolve.dedupKey == Self.dedupKey)
            #expect(service.events.map(\.action) == ["trigger", "acknowledge", "resolve"])
            #expect(service.events.allSatisfy { $0.status == 202 })
            // The gateway's answer reaches the outbox just after the gateway has it.
            let outbox = try await waitUntil("three deliveries recorded") {
                let outbox = try await daemon.notifications()
                return outbox.count == 3 && outbox.allSatisfy { $0.state == "delivered" } ? outbox : nil
            }
            #expect(outbox.map(\.integration) == ["pagerduty[0]", "pagerduty[0]", "pagerduty[0]"])
            #expect(await daemon.stop() == 0)

            // The routing key never reached the database.
            for file in ["data/vigil.db", "data/vigil.db-wal"] {
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: harness.directory.file(file)))) ?? Data()
                #expect(bytes.range(of: Data(Self.routingKey.utf8)) == nil, "the routing key is in \(file)")
            }
        }
    }

    @Test func pagerDutysRefusalDeadLettersAtOnceWithItsMessageAndItsThrottleIsRetried() async throws {
        try await PagerDutyService.run { service in
            let harness = try AlertingDaemonHarness(
                escalation: Self.escalation,
                receivers: Self.receivers(service, key: "routing_key: not-a-valid-key")
                    + "\n  - name: throttled\n    pagerduty_configs:\n      - routing_key: \(Self.routingKey)\n"
                    + "        url: \"\(service.url)\"\n")
            try harness.directory.write(
                "escalation.yml",
                Self.escalation
                    + "\n  routes:\n    - matchers: ['team=\"nights\"']\n      receiver: throttled\n")
            let daemon = try await harness.start()
            try await daemon.postAlerts([["alertname": "CoverageGap", "severity": "critical"]])
            let dead = try await waitUntil("the refused event dead-lettered") {
                try await daemon.notifications("dead").first
            }
            #expect(dead.attempts == 1, "a 400 is not retried")
            #expect(dead.lastError?.contains("HTTP 400") == true, "\(dead.lastError ?? "")")
            #expect(dead.lastError?.contains("Event object is invalid") == true, "\(dead.lastError ?? "")")

            service.throttleNext(2)
            try await daemon.postAlerts([["alertname": "NightShift", "team": "nights", "severity": "warning"]])
            let delivered = try await waitUntil("the throttled event delivered") {
                try await daemon.notifications("delivered").first { $0.receiver == "throttled" }
            }
            #expect(delivered.attempts == 3)
            #expect(service.events.suffix(3).map(\.status) == [429, 429, 202])
            #expect(service.events.last?.payload?["severity"] as? String == "error", "Alertmanager's default severity")
            #expect(await daemon.stop() == 0)
        }
    }
}
