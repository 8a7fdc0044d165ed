/// `/runbooks/{name}.md`: a shipped runbook, rendered from its Markdown, so the runbook link on an
/// alert or an incident opens on a phone.
public enum RunbookPage {
    public static func render(name: String, markdown: String, session: PageSession = PageSession()) -> String {
        PageLayout.document(
            title: name, path: "/runbooks", refresh: nil, session: session,
            body: "<article class=\"runbook\">" + MarkdownHTML.render(markdown) + "</article>")
    }

    /// A runbook link as written in a rule (`runbooks/X.md`, relative to wherever the alert is
    /// shown) made absolute on Vigil (`/runbooks/X.md`); other links are left as they are.
    public static func href(_ link: String) -> String {
        if link.hasPrefix("runbooks/") { return "/" + link }
        return link
    }
}
