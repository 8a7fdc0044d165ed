import Crypto
import Rules
import VigilCore

/// A PagerDuty Events API v2 event as Alertmanager 0.25 sends it: `trigger` while the group fires,
/// `resolve` once it has resolved, and (Vigil's own) `acknowledge` when someone acknowledges the
/// group in Vigil, all under one `dedup_key` (the SHA-256 of the group key, as Alertmanager), so
/// they act on one PagerDuty incident.
///
/// The body is stored without `routing_key`: the key is a secret, spliced in at each attempt by
/// ``withRoutingKey(_:key:)``, so it is never written to SQLite nor shown by the outbox API.
public enum PagerDutyEvent {
    /// The severities PagerDuty accepts; anything else is sent as `error` (Alertmanager's default).
    static let severities: Set<String> = ["critical", "error", "warning", "info"]
    /// `payload.summary`'s limit, in characters.
    static let summaryLimit = 1024

    /// The event's `dedup_key`: the group key's SHA-256, in hex.
    public static func dedupKey(groupKey: String) -> String {
        SHA256.hash(data: Array(groupKey.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// `trigger`, `resolve` or `acknowledge`.
    public static func action(status: String, acknowledges: Bool) -> String {
        acknowledges ? "acknowledge" : status == "firing" ? "trigger" : "resolve"
    }

    /// The event for `data` (`action` as ``action(status:acknowledges:)`` says), without the routing key.
    public static func render(
        _ data: NotificationData, config: PagerDutyConfig, action: String,
        templates library: TemplateLibrary = .defaults
    ) -> [UInt8] {
        var json = GoJSONWriter(capacity: 1024)
        json.beginObject()
        json.member("event_action", string: action)
        json.member("dedup_key", string: dedupKey(groupKey: data.groupKey))
        if action == "acknowledge" {
            json.end("}")
            return json.bytes
        }
        var templates = TemplateExpander(data, library: library)
        let client = templates.expand(
            config.client, name: "client", default: DefaultText.client, named: "pagerduty.default.client")
        let clientURL = templates.expand(
            config.clientURL, name: "client_url", default: DefaultText.alertsURL(data),
            named: "pagerduty.default.clientURL")
        let summary = truncated(
            templates.expand(
                config.description, name: "description", default: DefaultText.subject(data),
                named: "pagerduty.default.description"))
        var severity = templates.expand(config.severity, name: "severity", default: "error")
        if !severities.contains(severity) {
            templates.errors.append(
                "severity \"\(severity)\" is not one of critical, error, warning, info: sent as error")
            severity = "error"
        }
        let source = templates.expand(config.source, name: "source", default: client)
        // As Alertmanager: the configured details, plus the defaults they do not name.
        var byName: [String: String] = [
            "firing": DefaultText.alertList(data.firing), "num_firing": String(data.firing.count),
            "num_resolved": String(data.resolved.count), "resolved": DefaultText.alertList(data.resolved),
        ]
        if let ackURL = data.ackURL { byName["acknowledge_in_vigil"] = ackURL }
        for (name, text) in (config.details ?? [:]).sorted(by: { $0.key < $1.key }) {
            byName[name] = templates.expand(text, name: "details.\(name)", default: "")
        }
        let images = config.images.map { image in
            (
                src: templates.expand(image.src, name: "images.src", default: ""),
                alt: templates.expand(image.alt, name: "images.alt", default: ""),
                href: templates.expand(image.href, name: "images.href", default: "")
            )
        }.filter { !$0.src.isEmpty }
        let links = config.links.map { link in
            (
                href: templates.expand(link.href, name: "links.href", default: ""),
                text: templates.expand(link.text, name: "links.text", default: "")
            )
        }.filter { !$0.href.isEmpty }
        let optional = [
            ("class", config.class.map { templates.expand($0, name: "class", default: "") }),
            ("component", config.component.map { templates.expand($0, name: "component", default: "") }),
            ("group", config.group.map { templates.expand($0, name: "group", default: "") }),
        ]
        if !templates.errors.isEmpty { byName["vigil_template_errors"] = templates.errors.joined(separator: "; ") }
        let details = byName.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        let head = json
        func write(_ details: [(name: String, value: String)]) -> [UInt8] {
            var json = head

            if !images.isEmpty {
                json.member("images")
                json.beginArray()
                for image in images {
                    json.element()
                    json.beginObject()
                    json.member("src", string: image.src)
                    if !image.href.isEmpty { json.member("href", string: image.href) }
                    if !image.alt.isEmpty { json.member("alt", string: image.alt) }
                    json.end("}")
                }
                json.end("]")
            }
            if !links.isEmpty {
                json.member("links")
                json.beginArray()
                for link in links {
                    json.element()
                    json.beginObject()
                    json.member("href", string: link.href)
                    if !link.text.isEmpty { json.member("text", string: link.text) }
                    json.end("}")
                }
                json.end("]")
            }
            json.member("client", string: client)
            json.member("client_url", string: clientURL)
            json.member("payload")
            json.beginObject()
            json.member("summary", string: summary)
            json.member("source", string: source)
            json.member("severity", string: severity)
            for (name, value) in optional {
                if let value, !value.isEmpty { json.member(name, string: value) }
            }
            json.member("custom_details", map: details)
            json.end("}")
            json.end("}")
            return json.bytes
        }
        let event = write(details)
        guard event.count > maxEventSize else { return event }
        // PagerDuty refuses events over 512 KB: send the page without its details, as Alertmanager.
        return write([(name: "error", value: Self.detailsRemoved)])
    }

    /// PagerDuty's limit on one event, in bytes.
    static let maxEventSize = 512_000
    static let detailsRemoved =
        "Custom details have been removed because the original event exceeds the maximum size of 512KB"

    /// At most ``summaryLimit`` characters, the last an ellipsis when cut (as Alertmanager).
    static func truncated(_ text: String) -> String {
        text.count <= summaryLimit ? text : String(text.prefix(summaryLimit - 1)) + "…"
    }

    /// `body` (a JSON object) with `"routing_key"` as its first member.
    public static func withRoutingKey(_ body: [UInt8], key: String) -> [UInt8] {
        var json = GoJSONWriter(capacity: body.count + key.count + 20)
        json.raw("{")
        json.key("routing_key")
        json.string(key)
        if body.count > 2 { json.raw(",") }
        return json.bytes + body.dropFirst()
    }
}
