import Foundation

/// The frame every page shares: a title, the navigation (a row of links a thumb can hit), the
/// stylesheet, and a few lines of plain script (a file, so the pages need no inline script) that
/// reload the page every `refresh` seconds while it is visible. Everything works with scripts off;
/// the reload is a convenience.
public enum PageLayout {
    /// The pages in the navigation, in order: path and label.
    static let navigation: [(path: String, label: String)] = [
        ("/", "Status"), ("/alerts", "Alerts"), ("/silences", "Silences"), ("/incidents", "Incidents"),
        ("/oncall", "On call"), ("/schedule", "Schedule"), ("/rules", "Rules"),
    ]

    public static func document(
        title: String, path: String, refresh: Int? = 30, session: PageSession = PageSession(), body: String
    ) -> String {
        var nav = ""
        for item in navigation {
            let current = item.path == path ? " aria-current=\"page\"" : ""
            nav += "<a href=\"\(item.path)\"\(current)>\(HTML.escape(item.label))</a>"
        }
        let script = refresh.map { "<script src=\"/static/vigil.js\" data-refresh=\"\($0)\"></script>" } ?? ""
        let done = session.done.map { "<p class=\"done\" role=\"status\">\(HTML.escape($0))</p>" } ?? ""
        let who =
            session.user.map { "Signed in as \(HTML.escape($0))." }
            ?? "Read-only: acting from the pages needs a web user (web.basic_auth_users)."
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · Vigil</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/static/vigil.css">
            </head><body>
            <header><a class="brand" href="/">Vigil</a><nav>\(nav)</nav></header>
            <main>
            \(done)
            \(body)
            <p class="meta" id="session">\(who)</p>
            </main>
            \(script)
            </body></html>
            """
    }

    /// `2026-09-14 07:30` in `zone`.
    static func time(_ milliseconds: Int64, zone: TimeZone) -> String {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }
}
