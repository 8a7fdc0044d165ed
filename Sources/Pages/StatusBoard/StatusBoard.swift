import Alerting
import Foundation
import Incidents
import Resilience
import TimeSeries

/// `/`: the status board a coordinator opens on a phone. One glance answers how bad it is (the
/// defense level as a large tile, in words, with what drives it), who is affected (single points
/// of failure, residents with ACGME violations), what is going on (firing alerts by severity, open
/// incidents and their phase), who is on call now and next, and the next 28 days. It reads what
/// the last evaluation left; it never runs the engine.
public enum StatusBoard {
    public struct Input: Sendable {
        public var report: ResilienceReport?
        /// Person id → name, for people the report names by id.
        public var names: [String: String]
        /// When the engine last evaluated (ms).
        public var evaluatedAt: Int64?
        public var groups: [GroupView]
        public var incidents: [Incident]
        public var onCall: [OnCallView]
        public var now: Int64
        public var timeZone: TimeZone
        public var session = PageSession()

        public init(
            report: ResilienceReport?, names: [String: String], evaluatedAt: Int64?, groups: [GroupView],
            incidents: [Incident], onCall: [OnCallView], now: Int64, timeZone: TimeZone
        ) {
            self.report = report
            self.names = names
            self.evaluatedAt = evaluatedAt
            self.groups = groups
            self.incidents = incidents
            self.onCall = onCall
            self.now = now
            self.timeZone = timeZone
        }
    }

    public static func render(_ input: Input) -> String {
        var body = "<h1>Status</h1>"
        if let report = input.report {
            body += defense(report)
            body += figures(report)
        } else {
            body += """
                <div class="tile level-black"><div class="level">NO SCHEDULE</div>\
                <p>No schedule is loaded, so there are no resilience figures yet.</p></div>
                """
        }
        body +=
            "<div class=\"two\"><section>" + alerts(input) + incidents(input) + onCall(input) + "</section><section>"
        if let report = input.report {
            body += contingency(report, names: input.names) + acgme(report, names: input.names)
        }
        body += "</section></div>"
        if let report = input.report {
            body += "<h2>Next 28 days</h2>" + DailyStrip.svg(report.forecast.days)
            var meta = "Window \(report.window.from) for \(report.window.days) days"
            if let at = input.evaluatedAt { meta += "; evaluated \(PageLayout.time(at, zone: input.timeZone))" }
            body += "<p class=\"meta\" id=\"evaluated\">\(HTML.escape(meta)).</p>"
        }
        return PageLayout.document(title: "Status", path: "/", session: input.session, body: body)
    }

    static func defense(_ report: ResilienceReport) -> String {
        let level = "\(report.defense.level)"
        var drivers = ""
        for driver in report.defense.drivers.sorted(by: { $0.contribution > $1.contribution }) {
            drivers += "<li>\(HTML.escape(dimension(driver.dimension, driver.value))) (score \(driver.score))</li>"
        }
        if drivers.isEmpty { drivers = "<li>nothing pushes it up</li>" }
        return """
            <section class="tile level-\(level.lowercased())" id="defense" aria-label="Defense level">
            <div class="muted" style="color:inherit">Defense level</div>
            <div class="level">\(level)</div>
            <ul>\(drivers)</ul>
            </section>
            """
    }

    static func dimension(_ dimension: DefenseDimension, _ value: Double) -> String {
        switch dimension {
        case .utilization: "utilization \(HTML.percent(value))"
        case .n1SinglePointsOfFailure: "\(Int(value)) single points of failure"
        case .n2FatalPairs: "\(Int(value)) fatal pairs"
        case .coverageGapSlots: "\(Int(value)) slots short of faculty"
        case .acgmeCriticalViolations: "\(Int(value)) critical ACGME violations"
        }
    }

    static func figures(_ report: ResilienceReport) -> String {
        func card(_ id: String, _ value: String, _ label: String) -> String {
            "<div class=\"card\" id=\"\(id)\"><div class=\"value\">\(HTML.escape(value))</div>"
                + "<div class=\"label\">\(HTML.escape(label))</div></div>"
        }
        return "<h2>Figures</h2><div class=\"grid\">"
            + card(
                "utilization", HTML.percent(report.utilization.rate),
                "faculty utilization (\(report.utilization.level))")
            + card("coverage", HTML.percent(report.coverage.rate), "coverage")
            + card("gaps", "\(report.coverage.gapSlots)", "slots short of faculty")
            + card("on-duty", "\(report.faculty.onDuty) of \(report.faculty.total)", "faculty on duty")
            + card("shedding", "\(report.state.sheddingLevel)", "load shedding")
            + card("fallback", report.state.activeFallback?.rawValue ?? "none", "fallback in force")
            + "</div>"
    }

    static func name(_ id: String, _ names: [String: String]) -> String {
        guard let name = names[id], name != id else { return id }
        return "\(name) (\(id))"
    }

    static func slots(_ count: Int) -> String {
        count == 1 ? "1 slot" : "\(count) slots"
    }

    static func contingency(_ report: ResilienceReport, names: [String: String]) -> String {
        var html = "<h2>Who the program hinges on</h2>"
        let n1 = report.contingency.n1
        html +=
            "<p id=\"n1\">N-1: "
            + (n1.compliant ? "compliant — nobody's absence alone leaves a slot unfilled." : "NOT compliant.") + "</p>"
        if !n1.singlePointsOfFailure.isEmpty {
            html += "<ul class=\"plain\" id=\"spof\">"
            for loss in n1.singlePointsOfFailure.sorted(by: { $0.unfillableSlots > $1.unfillableSlots }).prefix(8) {
                html +=
                    "<li>\(HTML.escape(name(loss.person, names))): \(slots(loss.unfillableSlots)) nobody could fill</li>"
            }
            html += "</ul>"
        }
        if let n2 = report.contingency.n2 {
            html +=
                "<p id=\"n2\">N-2: "
                + (n2.compliant ? "compliant." : "NOT compliant: \(n2.fatalPairs.count) fatal pairs.")
            html += "</p>"
            if !n2.fatalPairs.isEmpty {
                html += "<ul class=\"plain\">"
                for pair in n2.fatalPairs.sorted(by: { $0.unfillableSlots > $1.unfillableSlots }).prefix(5) {
                    let people = pair.people.map { name($0, names) }.joined(separator: " and ")
                    html += "<li>\(HTML.escape(people)): \(slots(pair.unfillableSlots))</li>"
                }
                html += "</ul>"
            }
        }
        return html
    }

    static func acgme(_ report: ResilienceReport, names: [String: String]) -> String {
        var html = "<h2>ACGME</h2>"
        let violations = report.acgme.violations
        guard !violations.isEmpty else { return html + "<p id=\"acgme\">No violations in the window.</p>" }
        html += "<p id=\"acgme\">\(violations.count) violations, \(report.acgme.criticalCount) critical.</p>"
        html += "<div class=\"scroll\"><table><tr><th>Resident</th><th>Violations</th><th>Worst</th></tr>"
        // A supervision violation names its slot; it counts for each resident in it.
        var byResident: [String: [ACGMEViolation]] = [:]
        for violation in violations {
            for resident in violation.residents.isEmpty ? [violation.person] : violation.residents {
                byResident[resident, default: []].append(violation)
            }
        }
        let order: [ACGMESeverity] = [.critical, .high, .warning]
        let rows = byResident.sorted { lhs, rhs in
            lhs.value.count != rhs.value.count ? lhs.value.count > rhs.value.count : lhs.key < rhs.key
        }
        for (person, list) in rows.prefix(12) {
            let worst = order.first { severity in list.contains { $0.severity == severity } } ?? .warning
            let example = list.first { $0.severity == worst }?.message ?? ""
            html += """
                <tr><td>\(HTML.escape(name(person, names)))</td><td>\(list.count)</td>\
                <td><span class="badge sev-\(worst.rawValue.lowercased())">\(worst.rawValue)</span> \
                \(HTML.escape(example))</td></tr>
                """
        }
        if rows.count > 12 {
            html += "<tr><td colspan=\"3\" class=\"muted\">and \(rows.count - 12) more residents</td></tr>"
        }
        return html + "</table></div>"
    }

    static func alerts(_ input: Input) -> String {
        var bySeverity: [String: [String]] = [:]
        for group in input.groups {
            for view in group.alerts where !view.isResolved && view.state != "suppressed" {
                bySeverity[view.alert.labels["severity"] ?? "none", default: []].append(view.alert.name)
            }
        }
        var html = "<h2>Firing alerts</h2>"
        guard !bySeverity.isEmpty else { return html + "<p id=\"alerts\">None firing.</p>" }
        let order = ["critical", "high", "warning", "info", "none"]
        let severities = bySeverity.keys.sorted {
            (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
        }
        html += "<ul class=\"plain\" id=\"alerts\">"
        for severity in severities {
            let names = bySeverity[severity] ?? []
            let counted = Dictionary(grouping: names, by: { $0 }).map { ($0.key, $0.value.count) }.sorted {
                $0.0 < $1.0
            }
            let list = counted.map { $0.1 > 1 ? "\($0.0) ×\($0.1)" : $0.0 }.joined(separator: ", ")
            html += """
                <li><a href="/alerts?severity=\(HTML.query(severity))"><span class="badge sev-\(HTML.escape(severity))">\
                \(HTML.escape(severity)) \(names.count)</span></a> \(HTML.escape(list))</li>
                """
        }
        return html + "</ul>"
    }

    static func incidents(_ input: Input) -> String {
        var html = "<h2>Open incidents</h2>"
        let open = input.incidents.filter(\.isOpen).sorted { $0.detectedAt > $1.detectedAt }
        guard !open.isEmpty else { return html + "<p id=\"incidents\">None open.</p>" }
        html += "<ul class=\"plain\" id=\"incidents\">"
        for incident in open {
            html += """
                <li><a href="/incidents/\(HTML.query(incident.id))">\(HTML.escape(incident.id))</a> \
                <span class="badge">\(incident.severity.rawValue)</span> \(HTML.escape(incident.title)) — \
                <strong>\(incident.phase.rawValue)</strong>\(incident.acknowledgement == nil ? ", not acknowledged" : "")</li>
                """
        }
        return html + "</ul>"
    }

    static func onCall(_ input: Input) -> String {
        var html = "<h2>On call</h2>"
        guard !input.onCall.isEmpty else { return html + "<p id=\"oncall\">No rotations configured.</p>" }
        html += "<ul class=\"plain\" id=\"oncall\">"
        for view in input.onCall {
            var line = "<strong>\(HTML.escape(view.rotation))</strong>: "
            if let now = view.now {
                line += "\(HTML.escape(now.member)) until \(PageLayout.time(now.end, zone: input.timeZone))"
            } else {
                line += "nobody now"
            }
            if let next = view.next { line += "; next \(HTML.escape(next.member))" }
            html += "<li>\(line)</li>"
        }
        return html + "</ul>"
    }
}
