import Foundation
import Rules
import TimeSeries
import VigilCore

/// An email notification as RFC 5322 text: `Date`, `From`, `To`, `Subject` (RFC 2047-encoded when
/// not ASCII), `Message-ID`, and a `multipart/alternative` body with plain text and HTML, both
/// quoted-printable. The subject is Alertmanager's default (`[FIRING:2] CriticalCoverageGap (…)`);
/// each alert shows its summary, description, labels and runbook link.
public enum EmailMessage {
    public static func render(
        _ data: NotificationData, config: EmailConfig, id: String, at time: Int64,
        templates: TemplateLibrary = .defaults
    ) -> [UInt8] {
        let boundary = "vigil-" + id.replacingOccurrences(of: "-", with: "")
        var templates = TemplateExpander(data, library: templates)
        var headers: [(String, String)] = [
            ("Date", rfc5322Date(time)),
            ("From", config.from ?? ""),
            ("To", config.to),
            ("Subject", subject(data)),
            ("Message-ID", "<\(id)@vigil>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""),
            ("X-Vigil-Delivery", id),
        ]
        for (name, value) in config.headers.sorted(by: { $0.key < $1.key }) {
            let expanded = templates.expand(value, name: "headers.\(name)", default: value)
            if let index = headers.firstIndex(where: { $0.0.lowercased() == name.lowercased() }) {
                headers[index].1 = expanded
            } else {
                headers.append((name, expanded))
            }
        }
        let plain = templates.expand(config.text, name: "text", default: plainBody(data))
        let html = templates.expand(config.html, name: "html", default: htmlBody(data))
        if !templates.errors.isEmpty {
            headers.append(("X-Vigil-Template-Error", templates.errors.joined(separator: "; ")))
        }
        var text = ""
        for (name, value) in headers {
            text += "\(name): \(encodedHeader(value))\r\n"
        }
        text += "\r\n"
        for (type, body) in [("text/plain", plain), ("text/html", html)] {
            text += "--\(boundary)\r\n"
            text += "Content-Type: \(type); charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            text += quotedPrintable(crlf(body)) + "\r\n"
        }
        text += "--\(boundary)--\r\n"
        return Array(text.utf8)
    }

    /// The notification as Alertmanager's templates see it.
    static func templateData(_ data: NotificationData) -> NotificationTemplate.Data {
        data.templateData
    }

    /// Go's `time.Time.String()` in UTC: `2026-12-04 15:13:48.576 +0000 UTC`.
    static func goTime(_ milliseconds: Int64) -> String {
        let text = GoTime.rfc3339(milliseconds).dropLast()  // without the Z
        return text.replacingOccurrences(of: "T", with: " ") + " +0000 UTC"
    }

    /// Alertmanager's default `__subject`: `[FIRING:2] <group label values> (<other common label values>)`.
    public static func subject(_ data: NotificationData) -> String {
        DefaultText.subject(data)
    }

    static func plainBody(_ data: NotificationData) -> String {
        var lines: [String] = []
        for (title, alerts) in [("Firing", data.firing), ("Resolved", data.resolved)] where !alerts.isEmpty {
            lines.append("\(alerts.count) \(title.lowercased()) alert\(alerts.count == 1 ? "" : "s"):")
            lines.append("")
            for alert in alerts {
                lines.append(
                    "* \(alert.labels["alertname"] ?? "") (\(title.lowercased()) since \(GoTime.rfc3339(alert.startsAt)))"
                )
                for name in ["summary", "description"] {
                    if let text = alert.annotations[name] { lines.append("  \(name.capitalized): \(text)") }
                }
                if let runbook = alert.annotations["runbook_url"] { lines.append("  Runbook: \(runbook)") }
                lines.append("  Labels: " + alert.labels.pairs.map { "\($0.name)=\($0.value)" }.joined(separator: ", "))
                if !alert.generatorURL.isEmpty { lines.append("  Source: \(alert.generatorURL)") }
                lines.append("")
            }
        }
        if let ackURL = data.ackURL { lines.append("Acknowledge (stops the escalation): \(ackURL)") }
        if !data.externalURL.isEmpty { lines.append("Vigil: \(data.externalURL)") }
        return lines.joined(separator: "\r\n")
    }

    static func htmlBody(_ data: NotificationData) -> String {
        var html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
        html += "<h2>\(escape(subject(data)))</h2>"
        for (title, alerts) in [("Firing", data.firing), ("Resolved", data.resolved)] where !alerts.isEmpty {
            html += "<h3>\(alerts.count) \(title.lowercased())</h3><ul>"
            for alert in alerts {
                html += "<li><strong>\(escape(alert.labels["alertname"] ?? ""))</strong>"
                for name in ["summary", "description"] {
                    if let text = alert.annotations[name] { html += "<br>\(escape(text))" }
                }
                if let runbook = alert.annotations["runbook_url"] {
                    html += "<br><a href=\"\(escape(runbook))\">Runbook</a>"
                }
                html +=
                    "<br><small>" + alert.labels.pairs.map { escape("\($0.name)=\($0.value)") }.joined(separator: ", ")
                html += "</small></li>"
            }
            html += "</ul>"
        }
        if let ackURL = data.ackURL {
            html += "<p><a href=\"\(escape(ackURL))\"><strong>Acknowledge</strong></a> (stops the escalation)</p>"
        }
        if !data.externalURL.isEmpty {
            html += "<p><a href=\"\(escape(data.externalURL))\">Open Vigil</a></p>"
        }
        return html + "</body></html>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// RFC 2047 `=?UTF-8?B?…?=` for a header value that is not plain ASCII; ASCII as it is.
    static func encodedHeader(_ value: String) -> String {
        let clean = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard clean.unicodeScalars.contains(where: { $0.value > 126 }) else { return clean }
        // Encoded words hold at most 75 characters: split the UTF-8 on character boundaries.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in clean {
            let bytes = Array(String(character).utf8)
            // 39 bytes make a 62-character word: with "Subject: " the first line stays within 76.
            if chunk.count + bytes.count > 39 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// Line ends as CRLF, as a MIME text part wants them (templates write plain LF).
    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// Quoted-printable (RFC 2045): lines of at most 76 characters, CRLF line ends kept.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        var lineLength = 0
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                output += [0x0D, 0x0A]
                lineLength = 0
                index += 2
                continue
            }
            let isLast = index + 1 == bytes.count || bytes[index + 1] == 0x0D
            var encoded: [UInt8]
            if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || (byte == 0x20 && !isLast) {
                encoded = [byte]
            } else {
                encoded = [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
            if lineLength + encoded.count > 75 {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
            }
            output += encoded
            lineLength += encoded.count
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `Fri, 04 Dec 2026 15:00:00 +0000`.
    static func rfc5322Date(_ milliseconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: Date(unixMilliseconds: milliseconds))
    }
}
