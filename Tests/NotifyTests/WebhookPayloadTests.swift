import Alerting
import Notify
import Rules
import Testing
import TimeSeries

/// The webhook body is Alertmanager 0.25's version-4 payload byte for byte (Go's field order, HTML
/// escaping, zero time for firing alerts, trailing newline), with Vigil's `vigil` object appended.
@Suite struct WebhookPayloadTests {
    /// Alertmanager's captured body for the observed group (§5), with times at Vigil's millisecond
    /// precision.
    static let observedBody =
        #"{"receiver":"hook","status":"firing","alerts":[{"status":"resolved","labels":{"alertname":"G","instance":"x","n":"1","team":"b"},"annotations":{"desc":"d1","summary":"s"},"startsAt":"2026-12-04T15:02:15.151Z","endsAt":"2026-12-04T15:02:21.157Z","generatorURL":"","fingerprint":"82ab4e57049876d6"},{"status":"firing","labels":{"alertname":"G","instance":"x","n":"2","team":"b"},"annotations":{"desc":"d2","summary":"s"},"startsAt":"2026-12-04T15:02:15.151Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"688c772c10635a9b"}],"groupLabels":{"alertname":"G","instance":"x"},"commonLabels":{"alertname":"G","instance":"x","team":"b"},"commonAnnotations":{"summary":"s"},"externalURL":"http://am.example:9093/prefix","version":"4","groupKey":"{}/{team=\"b\"}:{alertname=\"G\", instance=\"x\"}","truncatedAlerts":1}"#
        + "\n"

    @Test func observedGroupEncodesToAlertmanagersBytes() {
        let body = WebhookPayload.encode(Fixtures.data(maxAlerts: 2), extra: nil)
        #expect(String(decoding: body, as: UTF8.self) == Self.observedBody)
        #expect(body.last == 0x0A)
    }

    @Test func vigilObjectFollowsTruncatedAlerts() {
        let extra = WebhookPayload.Extra(
            deliveryID: "0f0e-11", integration: "webhook[0]",
            fields: [("step", "2"), ("ackURL", "http://v/a?x=1&y=<2>")])
        let text = String(decoding: WebhookPayload.encode(Fixtures.data(maxAlerts: 2), extra: extra), as: UTF8.self)
        let expectedTail =
            #""truncatedAlerts":1,"vigil":{"deliveryId":"0f0e-11","receiver":"hook","integration":"webhook[0]","step":"2","ackURL":"http://v/a?x=1\u0026y=\u003c2\u003e"}}"#
            + "\n"
        #expect(text.hasSuffix(expectedTail))
        #expect(text.hasPrefix(String(Self.observedBody.dropLast(2))))
    }

    @Test func theEscalationAndTheAcknowledgementAreObjectsInTheVigilObject() {
        let escalating = WebhookPayload.Extra(
            deliveryID: "d", integration: "webhook[0]",
            escalation: NotificationEscalation(
                policy: "critical", step: "2", nextStepAt: 1_796_396_549_159, acknowledgement: nil))
        let text = String(decoding: WebhookPayload.encode(Fixtures.data(), extra: escalating), as: UTF8.self)
        #expect(
            text.hasSuffix(
                #""integration":"webhook[0]","escalation":{"policy":"critical","step":"2","next_at":"2026-12-04T15:02:29.159Z"}}}"#
                    + "\n"))
        let acknowledged = WebhookPayload.Extra(
            deliveryID: "d", integration: "webhook[0]",
            escalation: NotificationEscalation(
                policy: nil, step: nil, nextStepAt: nil,
                acknowledgement: Acknowledgement(by: "dr.adams", at: 1_796_396_549_159, via: "api")))
        let acked = String(decoding: WebhookPayload.encode(Fixtures.data(), extra: acknowledged), as: UTF8.self)
        #expect(
            acked.hasSuffix(
                #""integration":"webhook[0]","acknowledged":{"by":"dr.adams","at":"2026-12-04T15:02:29.159Z","via":"api"}}}"#
                    + "\n"))
    }

    @Test func htmlCharactersAndLineSeparatorsAreEscapedAsGoDoes() {
        let alert = Fixtures.alert(
            1, annotations: ["summary": "<b>disk & memory</b>", "description": "a\u{2028}b\u{2029}c\"\\\t\n"])
        let data = Fixtures.data(Fixtures.notification(alerts: [alert]))
        let text = String(decoding: WebhookPayload.encode(data, extra: nil), as: UTF8.self)
        #expect(text.contains(#""summary":"\u003cb\u003edisk \u0026 memory\u003c/b\u003e""#))
        #expect(text.contains(#""description":"a\u2028b\u2029c\"\\\t\n""#))
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        #expect(text.contains(#""groupKey":"{}/{team=\"b\"}:{alertname=\"G\", instance=\"x\"}""#))
    }

    @Test func statusIsResolvedWhenEveryAlertHasResolved() {
        let alerts = [Fixtures.alert(2, endsAt: 1_796_396_549_159), Fixtures.alert(3, endsAt: 1_796_396_549_159)]
        let data = Fixtures.data(Fixtures.notification(alerts: alerts, decidedAt: 1_796_396_552_170))
        let text = String(decoding: WebhookPayload.encode(data, extra: nil), as: UTF8.self)
        #expect(text.hasPrefix(#"{"receiver":"hook","status":"resolved","alerts":[{"status":"resolved","#))
        #expect(text.contains(#""endsAt":"2026-12-04T15:02:29.159Z""#))
        #expect(!text.contains("0001-01-01"))
        #expect(text.hasSuffix(#""truncatedAlerts":0}"# + "\n"))
    }

    @Test func anAlertWhoseEndIsStillAheadIsFiringWithGosZeroTime() {
        // Alertmanager zeroes endsAt of every alert not resolved at flush time.
        let alert = Fixtures.alert(1, endsAt: Fixtures.decidedAt + 60_000)
        let data = Fixtures.data(Fixtures.notification(alerts: [alert]))
        let text = String(decoding: WebhookPayload.encode(data, extra: nil), as: UTF8.self)
        #expect(text.contains(#""status":"firing","labels""#))
        #expect(text.contains(#""endsAt":"0001-01-01T00:00:00Z""#))
    }

    @Test func commonLabelsAndAnnotationsAreTheIntersection() {
        let alerts = [
            Fixtures.alert(1, labels: ["severity": "page"], annotations: ["summary": "s", "runbook": "r1"]),
            Fixtures.alert(2, labels: ["severity": "page"], annotations: ["summary": "s", "runbook": "r2"]),
            Fixtures.alert(3, labels: ["severity": "ticket"], annotations: ["summary": "s", "runbook": "r1"]),
        ]
        let data = Fixtures.data(Fixtures.notification(alerts: alerts))
        #expect(data.commonLabels == Labels(["alertname": "G", "instance": "x", "team": "b"]))
        #expect(data.commonAnnotations == Labels(["summary": "s"]))
        let text = String(decoding: WebhookPayload.encode(data, extra: nil), as: UTF8.self)
        #expect(
            text.contains(
                #""commonLabels":{"alertname":"G","instance":"x","team":"b"},"commonAnnotations":{"summary":"s"}"#))
    }

    @Test func commonLabelsAndStatusAreComputedOverTheAlertsLeftAfterMaxAlerts() {
        // Alertmanager truncates first, then builds the template data from the alerts it sends: with
        // max_alerts 1 only the resolved alert of team b is sent.
        let alerts = [
            Fixtures.alert(1, endsAt: Fixtures.resolvedAt),
            Fixtures.alert(2, labels: ["team": "c"]),
        ]
        let data = Fixtures.data(Fixtures.notification(alerts: alerts), maxAlerts: 1)
        #expect(data.alerts.count == 1)
        #expect(data.truncatedAlerts == 1)
        #expect(data.commonLabels == Labels(["alertname": "G", "instance": "x", "n": "1", "team": "b"]))
        #expect(data.commonAnnotations == Labels(["desc": "d1", "summary": "s"]))
        #expect(data.status == "resolved")
    }

    @Test func receiverNameIsQuotedAsARegularExpressionLikeAlertmanager() {
        // Alertmanager writes regexp.QuoteMeta(receiver): captured `"receiver":"wh\\.a\\+b"`.
        let data = Fixtures.data(Fixtures.notification(receiver: "wh.a+b-c"))
        let text = String(decoding: WebhookPayload.encode(data, extra: nil), as: UTF8.self)
        #expect(text.hasPrefix(#"{"receiver":"wh\\.a\\+b-c","status":"firing""#))
    }

    @Test func emptyAnnotationsAreAnEmptyObjectAndGeneratorURLIsAlwaysPresent() {
        let alert = PipelineAlert(
            labels: Labels(["alertname": "GA", "foo": "bar", "team": "a"]), startsAt: Fixtures.startedAt, endsAt: 0,
            updatedAt: Fixtures.startedAt)
        let notification = Fixtures.notification(
            alerts: [alert], groupKey: #"{}/{team="a"}:{alertname="GA", foo="bar", team="a"}"#,
            groupLabels: alert.labels)
        let text = String(decoding: WebhookPayload.encode(Fixtures.data(notification), extra: nil), as: UTF8.self)
        #expect(
            text
                == #"{"receiver":"hook","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"GA","foo":"bar","team":"a"},"annotations":{},"startsAt":"2026-12-04T15:02:15.151Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"4f043faf5390f4d7"}],"groupLabels":{"alertname":"GA","foo":"bar","team":"a"},"commonLabels":{"alertname":"GA","foo":"bar","team":"a"},"commonAnnotations":{},"externalURL":"http://am.example:9093/prefix","version":"4","groupKey":"{}/{team=\"a\"}:{alertname=\"GA\", foo=\"bar\", team=\"a\"}","truncatedAlerts":0}"#
                + "\n")
    }

    @Test func startTimesKeepTheirMillisecondsWithoutTrailingZeros() {
        var alert = Fixtures.alert(1)
        alert.startsAt = 1_796_396_535_100
        let text = String(
            decoding: WebhookPayload.encode(Fixtures.data(Fixtures.notification(alerts: [alert])), extra: nil),
            as: UTF8.self)
        #expect(text.contains(#""startsAt":"2026-12-04T15:02:15.1Z""#))
        alert.startsAt = 1_796_396_535_000
        let whole = String(
            decoding: WebhookPayload.encode(Fixtures.data(Fixtures.notification(alerts: [alert])), extra: nil),
            as: UTF8.self)
        #expect(whole.contains(#""startsAt":"2026-12-04T15:02:15Z""#))
    }
}
