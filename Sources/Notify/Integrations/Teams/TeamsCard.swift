import Rules
import TimeSeries
import VigilCore

/// A Microsoft Teams MessageCard as Alertmanager's `msteams_configs` sends it (`@type`, `@context`,
/// `title`, `summary`, `text`, `themeColor`: red while firing, green once resolved), with an
/// "Acknowledge" action opening the signed link on a firing card.
public enum TeamsCard {
    static let firingColor = "8C1A1A"
    static let resolvedColor = "2DC72D"

    public static func render(
        _ data: NotificationData, config: TeamsConfig, templates library: TemplateLibrary = .defaults
    ) -> [UInt8] {
        var templates = TemplateExpander(data, library: library)
        let title = templates.expand(
            config.title, name: "title", default: DefaultText.subject(data), named: "msteams.default.title")
        let summary = templates.expand(
            config.summary, name: "summary", default: DefaultText.subject(data), named: "msteams.default.summary")
        var text = templates.expand(
            config.text, name: "text", default: defaultText(data), named: "msteams.default.text")
        if !templates.errors.isEmpty {
            text += "\n\n_template error: " + templates.errors.joined(separator: "; ") + "_"
        }
        var json = GoJSONWriter(capacity: 1024)
        json.beginObject()
        json.member("@type", string: "MessageCard")
        json.member("@context", string: "http://schema.org/extensions")
        json.member("title", string: title)
        json.member("summary", string: summary)
        json.member("text", string: text)
        json.member("themeColor", string: data.status == "firing" ? firingColor : resolvedColor)
        if let ackURL = data.ackURL {
            json.member("potentialAction")
            json.beginArray()
            json.element()
            json.beginObject()
            json.member("@type", string: "OpenUri")
            json.member("name", string: "Acknowledge")
            json.member("targets")
            json.beginArray()
            json.element()
            json.beginObject()
            json.member("os", string: "default")
            json.member("uri", string: ackURL)
            json.end("}")
            json.end("]")
            json.end("}")
            json.end("]")
        }
        json.end("}")
        return json.bytes
    }

    /// Alertmanager's `msteams.default.text`: the firing and the resolved alerts as Markdown lists
    /// of their labels and annotations.
    static func defaultText(_ data: NotificationData) -> String {
        var text = ""
        for (heading, alerts) in [("Alerts Firing", data.firing), ("Alerts Resolved", data.resolved)]
        where !alerts.isEmpty {
            text += "\n# \(heading):\n"
            for alert in alerts {
                text += "Labels:\n"
                for pair in alert.labels.pairs { text += "  - \(pair.name) = \(pair.value)\n" }
                text += "Annotations:\n"
                for pair in alert.annotations.pairs { text += "  - \(pair.name) = \(pair.value)\n" }
                text += "Source: \(alert.generatorURL)\n\n"
            }
        }
        return text
    }
}
