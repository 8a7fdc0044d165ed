import Alerting
import Foundation
import TimeSeries

/// `/silences`: active, pending and recently expired silences (who made each and why, until
/// when), a form to make one — prefilled from an alert group's "Silence…" link — and a button to
/// expire each, for a logged-in web user.
public enum SilencesPage {
    /// The durations the form offers.
    static let durations = ["1h", "2h", "4h", "8h", "1d", "3d", "1w"]

    public static func render(
        _ silences: [Silence], prefill: String, now: Int64, timeZone: TimeZone, session: PageSession = PageSession()
    ) -> String {
        var body = "<h1>Silences</h1>"
        if session.canAct {
            let options = durations.map { "<option value=\"\($0)\"\($0 == "2h" ? " selected" : "")>\($0)</option>" }
            body += """
                <form method="post" action="/ui/silences" class="card stack" id="new-silence">\(session.tokenField)
                <label>Matchers <input type="text" name="matchers" value="\(HTML.escape(prefill))" size="40" \
                required placeholder="alertname=&quot;CriticalCoverageGap&quot;"></label>
                <label>For <select name="duration">\(options.joined())</select></label>
                <label>Why <input type="text" name="comment" required size="40" \
                placeholder="what is being done, and by whom"></label>
                <button type="submit">Silence</button>
                </form>
                """
        }
        let ordered = silences.sorted { lhs, rhs in
            let (left, right) = (lhs.state(at: now), rhs.state(at: now))
            return left != right ? rank(left) < rank(right) : lhs.endsAt > rhs.endsAt
        }
        let shown =
            ordered.filter { $0.state(at: now) != .expired }
            + ordered.filter { $0.state(at: now) == .expired }
            .prefix(20)
        guard !shown.isEmpty else {
            return PageLayout.document(
                title: "Silences", path: "/silences", refresh: nil, session: session,
                body: body + "<p id=\"silences\">No silences.</p>")
        }
        body += "<ul class=\"plain\" id=\"silences\">"
        for silence in shown {
            let state = silence.state(at: now)
            let matchers = silence.matchers.map(\.description).joined(separator: ", ")
            body += """
                <li data-silence="\(HTML.escape(silence.id))" data-state="\(state.rawValue)">\
                <span class="badge">\(state.rawValue)</span> <span class="labels">{\(HTML.escape(matchers))}</span>\
                <div class="meta">by \(HTML.escape(silence.createdBy)): \(HTML.escape(silence.comment)); \
                \(PageLayout.time(silence.startsAt, zone: timeZone)) – \(PageLayout.time(silence.endsAt, zone: timeZone))</div>
                """
            if session.canAct, state != .expired {
                body += session.button("Expire", action: "/ui/silences/\(HTML.query(silence.id))/expire")
            }
            body += "</li>"
        }
        body += "</ul>"
        return PageLayout.document(title: "Silences", path: "/silences", refresh: nil, session: session, body: body)
    }

    static func rank(_ state: SilenceState) -> Int {
        switch state {
        case .active: 0
        case .pending: 1
        case .expired: 2
        }
    }
}
