/// Who is looking at a page and what they may do there: a logged-in web user gets forms (each
/// carrying `csrf`); anyone else reads. `done` is what the last action did, shown once.
public struct PageSession: Sendable, Equatable {
    public var user: String?
    public var csrf: String?
    public var done: String?

    public init(user: String? = nil, csrf: String? = nil, done: String? = nil) {
        self.user = user
        self.csrf = csrf
        self.done = done
    }

    /// Whether forms are shown.
    public var canAct: Bool { user != nil && csrf != nil }

    /// A form posting `fields` to `action`, with the token, as one button.
    func button(_ label: String, action: String, fields: [(String, String)] = [], id: String? = nil) -> String {
        guard let csrf else { return "" }
        var html = "<form method=\"post\" class=\"inline\" action=\"\(HTML.escape(action))\""
        if let id { html += " id=\"\(HTML.escape(id))\"" }
        html += "><input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
        for (name, value) in fields {
            html += "<input type=\"hidden\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\">"
        }
        return html + "<button type=\"submit\">\(HTML.escape(label))</button></form>"
    }

    /// The hidden token field of a larger form.
    var tokenField: String {
        csrf.map { "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape($0))\">" } ?? ""
    }
}
