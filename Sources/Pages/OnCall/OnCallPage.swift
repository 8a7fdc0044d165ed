import Alerting
import Foundation

/// `/oncall`: every rotation's shift now and the next one, with overrides named, so a phone can
/// answer "who do I call" without a spreadsheet.
public enum OnCallPage {
    public static func render(_ rotations: [OnCallView], timeZone: TimeZone, session: PageSession = PageSession())
        -> String
    {
        var body = "<h1>On call</h1>"
        guard !rotations.isEmpty else {
            return PageLayout.document(
                title: "On call", path: "/oncall", session: session,
                body: body + "<p>No rotations are configured (<code>rotations:</code> in the escalation files).</p>")
        }
        body += "<div class=\"scroll\"><table id=\"rotations\"><tr><th>Rotation</th><th>Now</th><th>Next</th></tr>"
        for view in rotations {
            body += "<tr><td>\(HTML.escape(view.rotation))</td><td>\(shift(view.now, timeZone))</td>"
            body += "<td>\(shift(view.next, timeZone))</td></tr>"
        }
        body += "</table></div>"
        return PageLayout.document(title: "On call", path: "/oncall", session: session, body: body)
    }

    static func shift(_ shift: OnCallShift?, _ zone: TimeZone) -> String {
        guard let shift else { return "nobody" }
        var text = "<strong>\(HTML.escape(shift.member))</strong> \(PageLayout.time(shift.start, zone: zone))"
        text += " – \(PageLayout.time(shift.end, zone: zone))"
        if shift.isOverride {
            text += " (override" + (shift.replacing.map { " for \(HTML.escape($0))" } ?? "") + ")"
        }
        return text
    }
}
