import Rules
import TimeSeries
import VigilCore

/// Expands an integration's configured templates against one notification, falling back to the
/// default text when a template is not set or fails (and remembering why it failed, so the message
/// can say so): a broken template never keeps a page from going out.
struct TemplateExpander {
    let data: NotificationTemplate.Data
    var errors: [String] = []

    let library: TemplateLibrary

    init(_ data: NotificationData, library: TemplateLibrary = .defaults) {
        self.data = data.templateData
        self.library = library
    }

    /// `text` expanded; when it is nil, the default: Alertmanager's named template `defaultTemplate`
    /// when the template files redefine it (as Alertmanager, where that changes every receiver
    /// leaving the field unset), else `fallback`.
    mutating func expand(
        _ text: String?, name: String, default fallback: @autoclosure () -> String, named defaultTemplate: String? = nil
    ) -> String {
        guard let text else {
            if let defaultTemplate, library.defined.contains(defaultTemplate) {
                return expand("{{ template \"\(defaultTemplate)\" . }}", name: name, default: fallback())
            }
            return fallback()
        }
        do {
            return try NotificationTemplate(text, name: name, library: library).expand(data)
        } catch {
            errors.append("\(error)")
            return fallback()
        }
    }
}

/// Vigil's rendering of Alertmanager's default templates (`default.tmpl`), shared by the integrations.
enum DefaultText {
    /// `__subject`: `[FIRING:2] <group label values> (<other common label values>)`.
    static func subject(_ data: NotificationData) -> String {
        var subject = "[\(data.status.uppercased())"
        if data.status == "firing" { subject += ":\(data.firing.count)" }
        subject += "] " + data.groupLabels.pairs.map(\.value).joined(separator: " ")
        if data.commonLabels.count > data.groupLabels.count {
            let others = data.commonLabels.removing(Set(data.groupLabels.pairs.map(\.name)))
            subject += " (" + others.pairs.map(\.value).joined(separator: " ") + ")"
        }
        return subject
    }

    /// `__text_alert_list`: each alert's labels, annotations and source.
    static func alertList(_ alerts: [NotificationData.Alert]) -> String {
        var text = ""
        for alert in alerts {
            text += "Labels:\n"
            for pair in alert.labels.pairs { text += " - \(pair.name) = \(pair.value)\n" }
            text += "Annotations:\n"
            for pair in alert.annotations.pairs { text += " - \(pair.name) = \(pair.value)\n" }
            text += "Source: \(alert.generatorURL)\n"
        }
        return text
    }

    /// `__alertmanagerURL`: where the receiver's alerts are listed.
    static func alertsURL(_ data: NotificationData) -> String {
        data.externalURL + "/#/alerts?receiver=" + URLQueryEscape.escape(data.receiver)
    }

    /// The name integrations sign with (`__alertmanager`).
    static let client = "Vigil"
}
