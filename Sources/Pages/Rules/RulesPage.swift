import Foundation
import Rules

/// `/rules`: the rule groups as Prometheus' rules page shows them — each group's file, interval,
/// last evaluation and how long it took; each rule's name or record, expression, health and last
/// error.
public enum RulesPage {
    public static func render(_ groups: [RuleGroup], timeZone: TimeZone, session: PageSession = PageSession()) -> String
    {
        var body = "<h1>Rules</h1>"
        let failing = groups.flatMap(\.rules).filter { $0.status.health == .err }.count
        body += "<p class=\"meta\" id=\"summary\">\(groups.count) groups, \(groups.flatMap(\.rules).count) rules"
        body += failing > 0 ? ", <strong>\(failing) failing</strong>.</p>" : ", none failing.</p>"
        for group in groups {
            body += "<section class=\"card\"><h2>\(HTML.escape(group.name))</h2>"
            body += "<p class=\"meta\">\(HTML.escape(group.file)); every \(group.interval / 1000)s; "
            if let last = group.lastEvaluation {
                body += "last evaluated \(PageLayout.time(last, zone: timeZone)) in \(seconds(group.lastDuration))"
            } else {
                body += "not evaluated yet"
            }
            body += "</p><div class=\"scroll\"><table><tr><th>Rule</th><th>Health</th></tr>"
            for rule in group.rules {
                let definition = rule.definition
                let label = definition.kind == .alerting ? "alert: " : "record: "
                var health = rule.status.health.rawValue
                if let error = rule.status.lastError { health += " — " + error }
                body += """
                    <tr data-health="\(rule.status.health.rawValue)"><td><strong>\(label)\(HTML.escape(definition.name))\
                    </strong><div><code>\(HTML.escape(definition.expressionText))</code></div></td>\
                    <td>\(HTML.escape(health))</td></tr>
                    """
            }
            body += "</table></div></section>"
        }
        return PageLayout.document(title: "Rules", path: "/rules", session: session, body: body)
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return milliseconds < 1000
            ? String(format: "%.1f ms", milliseconds) : String(format: "%.2f s", milliseconds / 1000)
    }
}
