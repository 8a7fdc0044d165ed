import Foundation
import Resilience
import Schedule

/// `/schedule`: the engine's last report as a page — the window and the state in force, coverage
/// by day and session, who the program hinges on (N-1 and N-2), the static-stability fallbacks
/// with what each keeps, and the forecast.
public enum SchedulePage {
    public static func render(
        _ report: ResilienceReport?, names: [String: String], evaluatedAt: Int64?, timeZone: TimeZone,
        session: PageSession = PageSession()
    ) -> String {
        guard let report else {
            return PageLayout.document(
                title: "Schedule", path: "/schedule", session: session,
                body: "<h1>Schedule</h1><p>No schedule is loaded.</p>")
        }
        var body = "<h1>\(HTML.escape(report.program))</h1>"
        var meta = "Window \(report.window.from) for \(report.window.days) days; defense \(report.defense.level); "
        meta +=
            "load shedding \(report.state.sheddingLevel); fallback \(report.state.activeFallback?.rawValue ?? "none")"
        if let at = evaluatedAt { meta += "; evaluated \(PageLayout.time(at, zone: timeZone))" }
        body += "<p class=\"meta\">\(HTML.escape(meta)).</p>"
        let window = report.forecast.days.filter { report.window.contains($0.day) }
        body += "<h2>Coverage by day and session</h2>" + CoverageHeatmap.svg(window)
        body += "<div class=\"two\"><section>" + StatusBoard.contingency(report, names: names) + "</section><section>"
        body += fallbacks(report) + "</section></div>"
        body += "<h2>Forecast</h2><p id=\"forecast\">\(HTML.escape(report.forecast.summary))</p>"
        body += DailyStrip.svg(report.forecast.days.filter { $0.day >= report.window.from })
        return PageLayout.document(title: "Schedule", path: "/schedule", session: session, body: body)
    }

    static func fallbacks(_ report: ResilienceReport) -> String {
        var html = "<h2>Fallbacks</h2>"
        guard !report.fallbacks.isEmpty else { return html + "<p>None computed.</p>" }
        html +=
            "<div class=\"scroll\"><table id=\"fallbacks\"><tr><th>Scenario</th><th>Keeps</th><th>Suspends</th></tr>"
        for plan in report.fallbacks {
            let inForce = report.state.activeFallback == plan.scenario ? " <strong>(in force)</strong>" : ""
            html += """
                <tr><td>\(HTML.escape(plan.scenario.rawValue))\(inForce)</td>\
                <td>\(HTML.percent(plan.coverageKept)) \(plan.healthy ? "healthy" : "NOT healthy")</td>\
                <td>\(plan.suspendedActivities) activities, \(plan.reassignments.count) reassignments</td></tr>
                """
        }
        return html + "</table></div>"
    }
}
