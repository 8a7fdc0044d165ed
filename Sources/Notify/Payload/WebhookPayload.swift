import Alerting
import TimeSeries
import VigilCore

/// Alertmanager's webhook message, version 4, byte for byte as Alertmanager 0.25 writes it (Go's
/// field order and escaping), so existing receivers work unchanged; plus a `vigil` object with the
/// delivery id and receiver, where escalation and acknowledgements add their fields.
public enum WebhookPayload {
    /// Vigil's additions, written after Alertmanager's fields.
    public struct Extra: Sendable, Equatable {
        public var deliveryID: String
        public var integration: String
        /// More string fields (the ack URL, …), written in order.
        public var fields: [(name: String, value: String)]
        /// `escalation` (`policy`, `step`, `next_at`) and `acknowledged` (`by`, `at`, `via`).
        public var escalation: NotificationEscalation?

        public init(
            deliveryID: String, integration: String, fields: [(name: String, value: String)] = [],
            escalation: NotificationEscalation? = nil
        ) {
            self.deliveryID = deliveryID
            self.integration = integration
            self.fields = fields
            self.escalation = escalation
        }

        public static func == (lhs: Extra, rhs: Extra) -> Bool {
            lhs.deliveryID == rhs.deliveryID && lhs.integration == rhs.integration
                && lhs.fields.map(\.name) == rhs.fields.map(\.name)
                && lhs.fields.map(\.value) == rhs.fields.map(\.value) && lhs.escalation == rhs.escalation
        }
    }

    /// The JSON body, ending in a newline as Go's `json.Encoder` ends it.
    public static func encode(_ data: NotificationData, extra: Extra?) -> [UInt8] {
        func pairs(_ labels: Labels) -> [(name: String, value: String)] {
            labels.pairs.map { ($0.name, $0.value) }
        }
        var json = GoJSONWriter(capacity: 512 + data.alerts.count * 512)
        json.beginObject()
        // Alertmanager writes the receiver's name regexp-quoted (`wh.a+b` → `wh\\.a\\+b`).
        json.member("receiver", string: quoteMeta(data.receiver))
        json.member("status", string: data.status)
        json.member("alerts")
        json.beginArray()
        for alert in data.alerts {
            json.element()
            json.beginObject()
            json.member("status", string: alert.status)
            json.member("labels", map: pairs(alert.labels))
            json.member("annotations", map: pairs(alert.annotations))
            json.member("startsAt", time: alert.startsAt)
            json.member("endsAt", time: alert.endsAt)
            json.member("generatorURL", string: alert.generatorURL)
            json.member("fingerprint", string: alert.fingerprint)
            json.end("}")
        }
        json.end("]")
        json.member("groupLabels", map: pairs(data.groupLabels))
        json.member("commonLabels", map: pairs(data.commonLabels))
        json.member("commonAnnotations", map: pairs(data.commonAnnotations))
        json.member("externalURL", string: data.externalURL)
        json.member("version", string: "4")
        json.member("groupKey", string: data.groupKey)
        json.member("truncatedAlerts", raw: String(data.truncatedAlerts))
        if let extra {
            json.member("vigil")
            json.beginObject()
            json.member("deliveryId", string: extra.deliveryID)
            json.member("receiver", string: data.receiver)
            json.member("integration", string: extra.integration)
            for field in extra.fields { json.member(field.name, string: field.value) }
            if let escalation = extra.escalation { write(escalation, into: &json) }
            json.end("}")
        }
        json.end("}")
        json.raw("\n")
        return json.bytes
    }

    /// `"escalation":{"policy","step","next_at"}` when a policy applies, `"acknowledged":{"by","at","via"}`
    /// when someone has acknowledged the group.
    static func write(_ escalation: NotificationEscalation, into json: inout GoJSONWriter) {
        if let policy = escalation.policy {
            json.member("escalation")
            json.beginObject()
            json.member("policy", string: policy)
            if let step = escalation.step {
                json.member("step", string: step)
            } else {
                json.member("step", raw: "null")
            }
            if let next = escalation.nextStepAt {
                json.member("next_at", time: next)
            } else {
                json.member("next_at", raw: "null")
            }
            json.end("}")
        }
        if let acknowledgement = escalation.acknowledgement {
            json.member("acknowledged")
            json.beginObject()
            json.member("by", string: acknowledgement.by)
            json.member("at", time: acknowledgement.at)
            json.member("via", string: acknowledgement.via)
            json.end("}")
        }
    }

    /// Go's `regexp.QuoteMeta`.
    static func quoteMeta(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\.+*?()|[]{}^$".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
