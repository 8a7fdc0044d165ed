import Alerting
import Foundation
import Rules
import TimeSeries

/// `/alerts`: the alert groups as Alertmanager's UI shows them — filtered by matchers
/// (`filter=severity="critical"`, Alertmanager's syntax) and by state (firing, silenced,
/// inhibited, acknowledged) — with each alert's labels, summary, runbook, escalation step and
/// acknowledgement.
public enum AlertsPage {
    /// Which alerts to show.
    public struct Filter: Sendable, Equatable {
        public var matchers: String
        /// `firing`, `pending`, `silenced`, `inhibited`, `acknowledged`; empty: firing and
        /// acknowledged (Alertmanager's default view).
        public var states: Set<String>

        /// A label value as it goes between double quotes in a matcher.
        static func quoted(_ value: String) -> String {
            value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
        }

        public init(matchers: String = "", states: Set<String> = []) {
            self.matchers = matchers
            self.states = states
        }

        /// From a query string's parameters (`filter`, `state` repeated or comma-separated,
        /// `severity` as a shorthand from the status board).
        public init(query: [(name: String, value: String)]) {
            var matchers = query.first { $0.name == "filter" }?.value ?? ""
            if let severity = query.first(where: { $0.name == "severity" })?.value, !severity.isEmpty {
                let escaped = Self.quoted(severity)
                matchers = matchers.isEmpty ? "severity=\"\(escaped)\"" : matchers + ",severity=\"\(escaped)\""
            }
            self.matchers = matchers
            states = Set(
                query.filter { $0.name == "state" }.flatMap { $0.value.split(separator: ",").map(String.init) }
                    .filter { ["firing", "pending", "silenced", "inhibited", "acknowledged"].contains($0) })
        }
    }

    /// `pending`: the rules' alerts waiting out their `for:` (not yet sent to the pipeline), shown
    /// when the filter asks for them, as Prometheus' alerts page shows them.
    public static func render(
        groups: [GroupView], pending: [Rules.Alert] = [], filter: Filter, now: Int64, timeZone: TimeZone,
        session: PageSession = PageSession()
    ) -> String {
        var body = "<h1>Alerts</h1>" + form(filter)
        let matchers: [LabelMatcher]
        do {
            matchers = try MatcherParser.parse(filter.matchers)
        } catch {
            body +=
                "<p class=\"sev-critical\" id=\"filter-error\">The filter does not parse: \(HTML.escape("\(error)"))</p>"
            return PageLayout.document(title: "Alerts", path: "/alerts", session: session, body: body)
        }
        var shown = 0
        var sections = ""
        for group in groups.sorted(by: { $0.groupKey < $1.groupKey }) {
            let alerts = group.alerts.filter { view in
                !view.isResolved && matchers.allSatisfy { $0.matches(view.alert.labels[$0.name] ?? "") }
                    && included(view, group: group, states: filter.states)
            }
            guard !alerts.isEmpty else { continue }
            shown += alerts.count
            sections += groupSection(group, alerts: alerts, timeZone: timeZone, session: session)
        }
        if filter.states.contains("pending") {
            let waiting = pending.filter { alert in
                alert.state == .pending && matchers.allSatisfy { $0.matches(alert.labels[$0.name] ?? "") }
            }
            if !waiting.isEmpty {
                shown += waiting.count
                sections += "<section class=\"card group\" id=\"pending\"><h2>Pending</h2><ul class=\"plain\">"
                for alert in waiting {
                    let name = alert.labels["alertname"] ?? ""
                    let labels = alert.labels.pairs.filter { $0.name != "alertname" }.map {
                        "\($0.name)=\"\($0.value)\""
                    }
                    sections += """
                        <li class="alert" data-state="pending"><strong>\(HTML.escape(name))</strong> \
                        <span class="badge">pending</span><div class="labels">\(HTML.escape(labels.joined(separator: ", ")))\
                        </div><div class="meta">active since \(PageLayout.time(alert.activeAt, zone: timeZone))</div></li>
                        """
                }
                sections += "</ul></section>"
            }
        }
        body += "<p class=\"meta\" id=\"count\">\(shown) alert\(shown == 1 ? "" : "s") shown.</p>"
        body += sections.isEmpty ? "<p>No alerts match.</p>" : sections
        return PageLayout.document(title: "Alerts", path: "/alerts", session: session, body: body)
    }

    static func state(_ view: AlertView, group: GroupView) -> String {
        if !view.silencedBy.isEmpty { return "silenced" }
        if !view.inhibitedBy.isEmpty { return "inhibited" }
        if (view.escalation ?? group.escalation)?.acknowledgement != nil { return "acknowledged" }
        return "firing"
    }

    static func included(_ view: AlertView, group: GroupView, states: Set<String>) -> Bool {
        let state = state(view, group: group)
        if states.isEmpty { return state == "firing" || state == "acknowledged" }
        return states.contains(state)
    }

    static func form(_ filter: Filter) -> String {
        var boxes = ""
        for state in ["firing", "pending", "acknowledged", "silenced", "inhibited"] {
            let checked = filter.states.contains(state) ? " checked" : ""
            boxes += "<label><input type=\"checkbox\" name=\"state\" value=\"\(state)\"\(checked)> \(state)</label> "
        }
        return """
            <form method="get" action="/alerts" class="card" id="filter">
            <label>Matchers <input type="text" name="filter" value="\(HTML.escape(filter.matchers))" \
            placeholder="severity=&quot;critical&quot;, component=~&quot;clinic|ward&quot;" size="40"></label>
            <div>\(boxes)</div>
            <button type="submit">Filter</button>
            </form>
            """
    }

    static func groupSection(_ group: GroupView, alerts: [AlertView], timeZone: TimeZone, session: PageSession)
        -> String
    {
        let labels = group.labels.pairs.map { "\($0.name)=\"\(Filter.quoted($0.value))\"" }.joined(separator: ", ")
        var html = """
            <section class="card group"><h2 class="labels">{\(HTML.escape(labels))}</h2>\
            <p class="meta">receiver \(HTML.escape(group.receiver))</p>
            """
        if session.canAct {
            html += "<div class=\"actions\">"
            if group.escalation?.acknowledgement == nil {
                html += session.button("Acknowledge", action: "/ui/ack", fields: [("group_key", group.groupKey)])
            }
            html += "<a href=\"/silences?matchers=\(HTML.query(labels))\">Silence…</a></div>"
        }
        html += "<ul class=\"plain\">"
        for view in alerts.sorted(by: { ($0.alert.name, $0.alert.startsAt) < ($1.alert.name, $1.alert.startsAt) }) {
            html += alertItem(view, group: group, timeZone: timeZone)
        }
        return html + "</ul></section>"
    }

    static func alertItem(_ view: AlertView, group: GroupView, timeZone: TimeZone) -> String {
        let alert = view.alert
        let severity = alert.labels["severity"] ?? "none"
        let state = state(view, group: group)
        var html = """
            <li class="alert" data-state="\(state)"><strong>\(HTML.escape(alert.name))</strong> \
            <span class="badge sev-\(HTML.escape(severity))">\(HTML.escape(severity))</span> \
            <span class="badge">\(state)</span>
            """
        if let summary = alert.annotations["summary"] {
            html += "<div>\(HTML.escape(summary))</div>"
        }
        // The other annotations (the runbook is a link below).
        let others = alert.annotations.pairs.filter { !["summary", "runbook_url"].contains($0.name) }
        if !others.isEmpty {
            html += "<div class=\"meta annotations\">"
            html += others.map { "\(HTML.escape($0.name)): \(HTML.escape($0.value))" }.joined(separator: "<br>")
            html += "</div>"
        }
        let labels = alert.labels.pairs.filter { $0.name != "alertname" }.map { "\($0.name)=\"\($0.value)\"" }
        html += "<div class=\"labels\">\(HTML.escape(labels.joined(separator: ", ")))</div>"
        html += "<div class=\"meta\">since \(PageLayout.time(alert.startsAt, zone: timeZone))"
        if let escalation = view.escalation ?? group.escalation {
            if let policy = escalation.policy, let step = escalation.step {
                html += "; escalation \(HTML.escape(policy)) step \(HTML.escape(step))"
            }
            if let acknowledgement = escalation.acknowledgement {
                html +=
                    "; acknowledged by \(HTML.escape(acknowledgement.by)) via \(HTML.escape(acknowledgement.via)) at "
                    + PageLayout.time(acknowledgement.at, zone: timeZone)
            } else if let next = escalation.nextStepAt {
                html += "; next step \(PageLayout.time(next, zone: timeZone))"
            }
        }
        html += "</div>"
        if let runbook = alert.annotations["runbook_url"], !runbook.isEmpty {
            html += "<div>\(RunbookPage.link("Runbook", to: runbook))</div>"
        }
        return html + "</li>"
    }
}
