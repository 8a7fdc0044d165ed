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
        /// More string fields (escalation step, ack URL, …), written in order.
        public var fields: [(name: String, value: String)]

        public init(deliveryID: String, integration: String, fields: [(name: String, value: String)] = []) {
            self.deliveryID = deliveryID
            self.integration = integration
            self.fields = fields
        }

        public static func == (lhs: Extra, rhs: Extra) -> Bool {
            lhs.deliveryID == rhs.deliveryID && lhs.integration == rhs.integration
                && lhs.fields.map(\.name) == rhs.fields.map(\.name)
                && lhs.fields.map(\.value) == rhs.fields.map(\.value)
        }
    }

    /// The JSON body, ending in a newline as Go's `json.Encoder` ends it.
    public static func encode(_ data: NotificationData, extra: Extra?) -> [UInt8] {
        var json = GoJSONWriter(capacity: 512 + data.alerts.count * 512)
        json.raw("{")
        json.key("receiver")
        // Alertmanager writes the receiver's name regexp-quoted (`wh.a+b` → `wh\\.a\\+b`).
        json.string(quoteMeta(data.receiver))
        json.raw(",")
        json.key("status")
        json.string(data.status)
        json.raw(",")
        json.key("alerts")
        json.raw("[")
        for (index, alert) in data.alerts.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{")
            json.key("status")
            json.string(alert.status)
            json.raw(",")
            json.key("labels")
            json.stringMap(alert.labels.pairs.map { ($0.name, $0.value) })
            json.raw(",")
            json.key("annotations")
            json.stringMap(alert.annotations.pairs.map { ($0.name, $0.value) })
            json.raw(",")
            json.key("startsAt")
            json.time(alert.startsAt)
            json.raw(",")
            json.key("endsAt")
            json.time(alert.endsAt)
            json.raw(",")
            json.key("generatorURL")
            json.string(alert.generatorURL)
            json.raw(",")
            json.key("fingerprint")
            json.string(alert.fingerprint)
            json.raw("}")
        }
        json.raw("],")
        for (name, labels) in [
            ("groupLabels", data.groupLabels), ("commonLabels", data.commonLabels),
            ("commonAnnotations", data.commonAnnotations),
        ] {
            json.key(name)
            json.stringMap(labels.pairs.map { ($0.name, $0.value) })
            json.raw(",")
        }
        json.key("externalURL")
        json.string(data.externalURL)
        json.raw(",")
        json.key("version")
        json.string("4")
        json.raw(",")
        json.key("groupKey")
        json.string(data.groupKey)
        json.raw(",")
        json.key("truncatedAlerts")
        json.raw(String(data.truncatedAlerts))
        if let extra {
            json.raw(",")
            json.key("vigil")
            json.raw("{")
            json.key("deliveryId")
            json.string(extra.deliveryID)
            json.raw(",")
            json.key("receiver")
            json.string(data.receiver)
            json.raw(",")
            json.key("integration")
            json.string(extra.integration)
            for field in extra.fields {
                json.raw(",")
                json.key(field.name)
                json.string(field.value)
            }
            json.raw("}")
        }
        json.raw("}\n")
        return json.bytes
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
