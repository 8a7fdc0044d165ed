import Foundation

/// `/runbooks/{name}.md`: a shipped runbook, rendered from its Markdown, so the runbook link on an
/// alert or an incident opens on a phone.
public enum RunbookPage {
    public static func render(name: String, markdown: String, session: PageSession = PageSession()) -> String {
        PageLayout.document(
            title: name, path: "/runbooks", refresh: nil, session: session,
            body: "<article class=\"runbook\">" + MarkdownHTML.render(markdown) + "</article>")
    }

    /// A runbook link as written in a rule (`runbooks/X.md`, relative to wherever the alert is
    /// shown) made absolute on Vigil (`/runbooks/X.md`); an `http(s)` address or a path on Vigil
    /// as it is; anything else (a `javascript:` URL from a label value, say) is no link: nil.
    public static func href(_ link: String) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("runbooks/") { return "/" + trimmed }
        if trimmed.hasPrefix("/"), !trimmed.hasPrefix("//") { return trimmed }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return trimmed }
        return nil
    }

    /// A link to the runbook, or its text when it is no safe link.
    static func link(_ text: String, to runbook: String) -> String {
        guard let href = href(runbook) else { return "\(HTML.escape(text)) (\(HTML.escape(runbook)))" }
        return "<a href=\"\(HTML.escape(href))\">\(HTML.escape(text))</a>"
    }
}
