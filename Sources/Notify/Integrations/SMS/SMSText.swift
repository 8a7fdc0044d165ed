import Foundation
import Rules
import TimeSeries
import VigilCore

/// The text of an SMS and how many segments it takes. A segment holds 160 characters of the GSM
/// 7-bit alphabet (153 when the message is split; `^{}\[~]|€` count twice) or 70 UTF-16 units of
/// anything else (67 when split), so one emoji in a page halves what fits.
public enum SMSText {
    /// The GSM 03.38 basic characters.
    static let basic = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    )
    /// The extension characters, sent with an escape: two septets each.
    static let extended = Set("^{}\\[~]|€\u{0C}")

    /// Septets when every character is GSM 7-bit; nil when the text needs UCS-2.
    static func septets(_ text: String) -> Int? {
        var count = 0
        for character in text {
            if basic.contains(character) {
                count += 1
            } else if extended.contains(character) {
                count += 2
            } else {
                return nil
            }
        }
        return count
    }

    /// How many segments `text` is sent as.
    public static func segments(_ text: String) -> Int {
        if let septets = septets(text) { return septets <= 160 ? 1 : (septets + 152) / 153 }
        let units = text.utf16.count
        return units <= 70 ? 1 : (units + 66) / 67
    }

    /// The ellipsis in GSM 7-bit: "…" is not in the alphabet and would turn the text into UCS-2.
    static let ellipsis = "..."

    /// `text` cut (with an ellipsis) to fit `maxSegments`.
    public static func fitted(_ text: String, maxSegments: Int) -> String {
        guard segments(text) > maxSegments else { return text }
        // No segment holds more than 160 characters: start from there, not from the whole text.
        var characters = Array(text.prefix(maxSegments * 160))
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters) + ellipsis
            if segments(candidate) <= maxSegments { return candidate }
        }
        return ""
    }

    /// Vigil's default: `[FIRING:2] CoverageGap critical: <first summary> <ack link>`, the summary cut
    /// so the link always fits whole.
    static func defaultText(_ data: NotificationData, maxSegments: Int) -> String {
        let first = data.firing.first ?? data.alerts.first
        var head = "[\(data.status.uppercased())"
        if data.status == "firing" { head += ":\(data.firing.count)" }
        head += "] " + (first?.labels["alertname"] ?? "")
        if let severity = first?.labels["severity"] { head += " " + severity }
        let summary = String(
            (first?.annotations["summary"] ?? first?.annotations["description"] ?? "").prefix(maxSegments * 160))
        let link = data.ackURL.map { " " + $0 } ?? ""
        var cut = Array(summary)
        var candidate = head + (summary.isEmpty ? "" : ": " + summary) + link
        while segments(candidate) > maxSegments && !cut.isEmpty {
            cut.removeLast()
            candidate = head + ": " + String(cut) + ellipsis + link
        }
        if cut.isEmpty && !summary.isEmpty { candidate = head + link }
        return fitted(candidate, maxSegments: maxSegments)
    }
}

/// An SMS gateway request's body: a form or a JSON object of the number, the text and the
/// configured fields.
public enum SMSMessage {
    public static func render(
        _ data: NotificationData, config: SMSConfig, to number: String, templates library: TemplateLibrary = .defaults
    ) -> [UInt8] {
        var templates = TemplateExpander(data, library: library)
        let text = SMSText.fitted(
            templates.expand(
                config.text, name: "text", default: SMSText.defaultText(data, maxSegments: config.maxSegments)),
            maxSegments: config.maxSegments)
        var pairs = [(config.toField, number), (config.textField, text)]
        for (name, template) in config.fields.sorted(by: { $0.key < $1.key }) {
            pairs.append((name, templates.expand(template, name: "fields.\(name)", default: "")))
        }
        switch config.format {
        case .form:
            let form = pairs.map { URLQueryEscape.escape($0.0) + "=" + URLQueryEscape.escape($0.1) }
            return Array(form.joined(separator: "&").utf8)
        case .json:
            var json = GoJSONWriter(capacity: 256)
            json.beginObject()
            for (name, value) in pairs { json.member(name, string: value) }
            json.end("}")
            return json.bytes
        }
    }
}
