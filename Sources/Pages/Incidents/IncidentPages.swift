import Alerting
import Foundation
import Incidents

/// `/incidents` and `/incidents/{id}`: where each incident stands in the method, against its
/// response target; what Vigil observed and how it oriented; what it proposes and what was
/// approved and done; the timeline; and the post-mortem rendered from its Markdown.
public enum IncidentPages {
    public static func list(_ incidents: [Incident], timeZone: TimeZone, session: PageSession = PageSession()) -> String
    {
        var body = "<h1>Incidents</h1>"
        let figures = IncidentFigures(incidents, timeZone: timeZone).overall
        body += """
            <p class="meta" id="figures">\(figures.count) incident\(figures.count == 1 ? "" : "s"), \(figures.open) open; \
            MTTA \(duration(figures.meanTimeToAcknowledge)) (\(figures.targetsMet) of \(figures.acknowledged) \
            acknowledged within target); MTTR \(duration(figures.meanTimeToResolve)).</p>
            """
        guard !incidents.isEmpty else {
            return PageLayout.document(
                title: "Incidents", path: "/incidents", session: session, body: body + "<p>No incidents.</p>")
        }
        let ordered = incidents.sorted { lhs, rhs in
            lhs.isOpen != rhs.isOpen ? lhs.isOpen : lhs.detectedAt > rhs.detectedAt
        }
        body += "<div class=\"scroll\"><table id=\"incidents\"><tr><th>Incident</th><th>Phase</th><th>Detected</th>"
        body += "<th>Acknowledged</th></tr>"
        for incident in ordered {
            let ack = incident.acknowledgement.map { "\(HTML.escape($0.by)) \(target(incident, timeZone))" } ?? "no"
            body += """
                <tr><td><a href="/incidents/\(HTML.query(incident.id))">\(HTML.escape(incident.id))</a> \
                <span class="badge">\(incident.severity.rawValue)</span> \(HTML.escape(incident.title))</td>\
                <td>\(incident.phase.rawValue)</td><td>\(PageLayout.time(incident.detectedAt, zone: timeZone))</td>\
                <td>\(ack)</td></tr>
                """
        }
        body += "</table></div>"
        return PageLayout.document(title: "Incidents", path: "/incidents", session: session, body: body)
    }

    public static func detail(_ incident: Incident, timeZone: TimeZone, session: PageSession = PageSession()) -> String
    {
        var body = """
            <h1>\(HTML.escape(incident.id)): \(HTML.escape(incident.title))</h1>
            <p id="phase"><span class="badge">\(incident.severity.rawValue)</span> phase \
            <strong>\(incident.phase.rawValue)</strong>\
            \(incident.falseAlarm.map { " — closed as a false alarm: \(HTML.escape($0))" } ?? "")</p>
            """
        let deadline = ResponseTarget.deadline(incident.severity, detectedAt: incident.detectedAt, timeZone: timeZone)
        body += "<p class=\"meta\">Detected \(PageLayout.time(incident.detectedAt, zone: timeZone)); "
        body += "respond within \(ResponseTarget.description(incident.severity)) "
        body += "(by \(PageLayout.time(deadline, zone: timeZone))); "
        if let ack = incident.acknowledgement {
            body += "acknowledged by \(HTML.escape(ack.by)) at \(PageLayout.time(ack.at, zone: timeZone)) "
            body += target(incident, timeZone) + ".</p>"
        } else {
            body += "not acknowledged.</p>"
        }
        if !incident.runbooks.isEmpty {
            body += "<p>Runbooks: "
            body += incident.runbooks.sorted { $0.key < $1.key }.map {
                RunbookPage.link($0.key, to: $0.value)
            }.joined(separator: ", ")
            body += "</p>"
        }
        body += phaseForm(incident, session)
        body += observation(incident.observation) + orientation(incident.orientation)
        body += proposals(incident, timeZone, session)
        body +=
            "<h2>Timeline</h2><div class=\"scroll\"><table id=\"timeline\"><tr><th>Time</th><th>Who</th><th>What</th></tr>"
        for entry in incident.timeline {
            body += """
                <tr data-kind="\(entry.kind.rawValue)"><td>\(PageLayout.time(entry.at, zone: timeZone))</td>\
                <td>\(HTML.escape(entry.actor))</td><td>\(HTML.escape(entry.text))</td></tr>
                """
        }
        body += "</table></div>"
        body += "<h2>Post-mortem</h2><details id=\"postmortem\"><summary>The post-mortem as it stands</summary>"
        body += MarkdownHTML.render(PostMortem.markdown(incident, timeZone: timeZone))
        body += "<p><a href=\"/api/v1/incidents/\(HTML.query(incident.id))/postmortem\">Markdown</a></p></details>"
        return PageLayout.document(title: incident.id, path: "/incidents", refresh: nil, session: session, body: body)
    }

    static func target(_ incident: Incident, _ zone: TimeZone) -> String {
        guard let ack = incident.acknowledgement else { return "" }
        let deadline = ResponseTarget.deadline(incident.severity, detectedAt: incident.detectedAt, timeZone: zone)
        return ack.at <= deadline ? "(within target)" : "(beyond target)"
    }

    static func observation(_ observation: Observation?) -> String {
        guard let observation else { return "" }
        var html = "<h2>Observed</h2><ul id=\"observation\">"
        if let schedule = observation.schedule {
            html += """
                <li>defense level \(HTML.escape(schedule.defenseLevel)); utilization \
                \(HTML.percent(schedule.utilization)) (\(HTML.escape(schedule.utilizationLevel))); coverage \
                \(HTML.percent(schedule.coverage)), \(schedule.gapSlots) slots short</li>
                <li>\(schedule.facultyOnLeave) of \(schedule.facultyTotal) faculty on leave; N-1 \
                \(schedule.n1Compliant ? "compliant" : "not compliant"); \(schedule.acgmeCritical) critical ACGME \
                violations</li>
                """
        } else {
            html += "<li>no schedule was loaded</li>"
        }
        html += "<li>\(observation.firingAlerts.count) alerts firing</li>"
        if !observation.failedDeliveries.isEmpty {
            html += "<li>\(observation.failedDeliveries.count) deliveries failed in the 30 minutes before</li>"
        }
        if let change = observation.lastChange, !change.isEmpty {
            html += "<li>last schedule change (\(HTML.escape(change.source))) touched "
            html += HTML.escape(change.people.prefix(8).joined(separator: ", ")) + "</li>"
        }
        return html + "</ul>"
    }

    static func orientation(_ orientation: Orientation?) -> String {
        guard let orientation, !orientation.hypotheses.isEmpty else { return "" }
        var html = "<h2>Oriented</h2><ol id=\"hypotheses\">"
        for hypothesis in orientation.hypotheses {
            html += "<li><strong>\(hypothesis.mode.rawValue)</strong> (\(HTML.percent(hypothesis.confidence)))<ul>"
            html += hypothesis.evidence.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul></li>"
        }
        html += "</ol>"
        let radius = orientation.blastRadius
        if !radius.people.isEmpty || !radius.rotations.isEmpty {
            html += "<p class=\"meta\">Blast radius: \(radius.people.count) people, "
            html +=
                "rotations \(HTML.escape(radius.rotations.joined(separator: ", "))), \(radius.dates.count) dates.</p>"
        }
        return html
    }

    /// Moving the incident on (or back), with a reason where the method asks for one.
    static func phaseForm(_ incident: Incident, _ session: PageSession) -> String {
        guard session.canAct, incident.phase != .reviewed else { return "" }
        // Acting goes through a proposal's button; the rest are offered here.
        let allowed = incident.phase.allowed.filter { $0 != .acting }
        guard !allowed.isEmpty else { return "" }
        let options = allowed.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined()
        return """
            <form method="post" action="/ui/incidents/\(HTML.query(incident.id))/phase" class="card stack" id="phase-form">\
            \(session.tokenField)<label>Move to <select name="phase">\(options)</select></label>\
            <label>Reason <input type="text" name="reason" size="40" \
            placeholder="needed to go back, or to resolve early"></label>\
            <button type="submit">Move</button></form>
            """
    }

    static func proposals(_ incident: Incident, _ zone: TimeZone, _ session: PageSession) -> String {
        guard !incident.proposals.isEmpty else { return "" }
        var html = "<h2>Proposed</h2><ul class=\"plain\" id=\"proposals\">"
        for proposal in incident.proposals {
            var status: String
            if let at = proposal.appliedAt {
                status = "acted on \(PageLayout.time(at, zone: zone))"
            } else if let approval = proposal.approval {
                status = "approved by \(HTML.escape(approval.by))"
            } else {
                status = proposal.needsApproval ? "needs approval" : "ready"
            }
            html += "<li data-proposal=\"\(proposal.number)\"><strong>\(proposal.number).</strong> "
            html += "\(HTML.escape(proposal.summary)) <span class=\"badge\">\(status)</span>"
            if let effect = proposal.expected {
                html += "<div class=\"meta\">expected: \(HTML.escape("\(effect)"))</div>"
            }
            if session.canAct, proposal.appliedAt == nil {
                var buttons = ""
                let path = "/ui/incidents/\(HTML.query(incident.id))"
                let number = [("proposal", String(proposal.number))]
                if proposal.needsApproval, proposal.approval == nil {
                    buttons += session.button("Approve", action: path + "/approve", fields: number)
                }
                if incident.phase == .deciding, proposal.isCleared {
                    buttons += session.button(
                        "Act on it", action: path + "/phase", fields: [("phase", "acting")] + number)
                }
                if !buttons.isEmpty { html += "<div class=\"actions\">\(buttons)</div>" }
            }
            html += "</li>"
        }
        return html + "</ul>"
    }

    /// `1h20m`, `12m`, `–`.
    static func duration(_ milliseconds: Int64?) -> String {
        guard let milliseconds else { return "–" }
        let minutes = milliseconds / 60_000
        if minutes >= 60 { return minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes / 60)h\(minutes % 60)m" }
        return minutes > 0 ? "\(minutes)m" : "\(milliseconds / 1000)s"
    }
}
