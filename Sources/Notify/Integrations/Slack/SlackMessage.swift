import Rules
import TimeSeries
import VigilCore

/// A Slack incoming-webhook message as Alertmanager 0.25 sends it: one attachment with the title
/// (Alertmanager's subject) linking to the alerts, a colour, the text, fields and buttons, empty
/// members left out. Vigil's defaults differ from Alertmanager's in three places, all additions: the
/// text lists each alert's summary (Alertmanager's is empty), the colour follows the severity as well
/// as the status, and a firing message carries an "Acknowledge" button opening the signed link.
public enum SlackMessage {
    public static func render(
        _ data: NotificationData, config: SlackConfig, templates library: TemplateLibrary = .defaults
    ) -> [UInt8] {
        var templates = TemplateExpander(data, library: library)
        func optional(_ text: String?, _ name: String) -> String {
            text.map { templates.expand($0, name: name, default: "") } ?? ""
        }
        let title = templates.expand(
            config.title, name: "title", default: DefaultText.subject(data), named: "slack.default.title")
        let titleLink = templates.expand(
            config.titleLink, name: "title_link", default: DefaultText.alertsURL(data), named: "slack.default.titlelink"
        )
        let username = templates.expand(
            config.username, name: "username", default: DefaultText.client, named: "slack.default.username")
        let color = templates.expand(config.color, name: "color", default: defaultColor(data))
        let text = templates.expand(config.text, name: "text", default: defaultText(data), named: "slack.default.text")
        let fallback = templates.expand(
            config.fallback, name: "fallback", default: title + " | " + titleLink, named: "slack.default.fallback")
        let fields = config.fields.map { field in
            (
                title: templates.expand(field.title, name: "fields.title", default: ""),
                value: templates.expand(field.value, name: "fields.value", default: ""),
                short: field.short ?? config.shortFields
            )
        }
        var actions = config.actions.map { action in
            SlackConfig.Action(
                type: action.type, text: templates.expand(action.text, name: "actions.text", default: ""),
                url: templates.expand(action.url, name: "actions.url", default: ""),
                style: templates.expand(action.style, name: "actions.style", default: ""),
                name: templates.expand(action.name, name: "actions.name", default: ""),
                value: templates.expand(action.value, name: "actions.value", default: ""))
        }
        if let ackURL = data.ackURL {
            actions.append(SlackConfig.Action(text: "Acknowledge", url: ackURL, style: "primary"))
        }
        let header = [
            ("channel", optional(config.channel, "channel")), ("username", username),
            ("icon_emoji", optional(config.iconEmoji, "icon_emoji")),
            ("icon_url", optional(config.iconURL, "icon_url")),
        ]
        let attachment = [
            ("title", title), ("title_link", titleLink), ("pretext", optional(config.pretext, "pretext")),
            ("text", text), ("fallback", fallback), ("callback_id", optional(config.callbackID, "callback_id")),
        ]
        let imageURL = optional(config.imageURL, "image_url")
        let thumbURL = optional(config.thumbURL, "thumb_url")
        var footer = optional(config.footer, "footer")
        if !templates.errors.isEmpty {
            footer += (footer.isEmpty ? "" : " · ") + "template error: " + templates.errors.joined(separator: "; ")
        }
        let trailer = [("image_url", imageURL), ("thumb_url", thumbURL), ("footer", footer), ("color", color)]

        var json = GoJSONWriter(capacity: 1024)
        json.beginObject()
        for (name, value) in header where !value.isEmpty { json.member(name, string: value) }
        if config.linkNames { json.member("link_names", raw: "true") }
        json.member("attachments")
        json.beginArray()
        json.element()
        json.beginObject()
        for (name, value) in attachment where !value.isEmpty { json.member(name, string: value) }
        if !fields.isEmpty {
            json.member("fields")
            json.beginArray()
            for field in fields {
                json.element()
                json.beginObject()
                json.member("title", string: field.title)
                json.member("value", string: field.value)
                json.member("short", raw: field.short ? "true" : "false")
                json.end("}")
            }
            json.end("]")
        }
        if !actions.isEmpty {
            json.member("actions")
            json.beginArray()
            for action in actions {
                json.element()
                json.beginObject()
                json.member("type", string: action.type)
                json.member("text", string: action.text)
                for (name, value) in [
                    ("url", action.url), ("style", action.style), ("name", action.name), ("value", action.value),
                ]
                where !value.isEmpty {
                    json.member(name, string: value)
                }
                json.end("}")
            }
            json.end("]")
        }
        for (name, value) in trailer where !value.isEmpty { json.member(name, string: value) }
        if !config.mrkdwnIn.isEmpty {
            json.member("mrkdwn_in")
            json.beginArray()
            for name in config.mrkdwnIn {
                json.element()
                json.string(name)
            }
            json.end("]")
        }
        json.end("}")
        json.end("]")
        json.end("}")
        return json.bytes
    }

    /// `good` once resolved; while firing `danger` for critical alerts (and by default, as
    /// Alertmanager), `warning` when every firing alert is a warning.
    static func defaultColor(_ data: NotificationData) -> String {
        guard data.status == "firing" else { return "good" }
        let severities = Set(data.firing.map { $0.labels["severity"] ?? "" })
        return severities == ["warning"] ? "warning" : "danger"
    }

    /// One line per alert: the alert name in bold and its summary (or description).
    static func defaultText(_ data: NotificationData) -> String {
        var lines: [String] = []
        for alert in data.firing + data.resolved {
            let name = alert.labels["alertname"] ?? ""
            let summary = alert.annotations["summary"] ?? alert.annotations["description"] ?? ""
            let state = alert.status == "resolved" ? " (resolved)" : ""
            lines.append("*\(name)*\(state)" + (summary.isEmpty ? "" : ": \(summary)"))
        }
        return lines.joined(separator: "\n")
    }
}
