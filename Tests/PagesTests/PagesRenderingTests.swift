import Alerting
import Foundation
import Rules
import Testing
import TimeSeries

@testable import Pages

/// What the page renderers promise whatever the data: text from labels, notes and names is shown,
/// never run; the post-mortem's Markdown becomes the headings, lists and tables it says; the alert
/// filter reads the query string as Alertmanager's UI writes it.
@Suite struct PagesRenderingTests {
    @Test func dataIsEscapedEverywhere() {
        #expect(
            HTML.escape(#"<script>alert("x")</script> & 'y'"#)
                == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
        #expect(HTML.query("a b/ü") == "a%20b%2F%C3%BC")
        let page = PageLayout.document(title: "<b>x</b>", path: "/", body: "")
        #expect(page.contains("<title>&lt;b&gt;x&lt;/b&gt; · Vigil</title>"))
        #expect(page.contains(#"<a href="/" aria-current="page">Status</a>"#))
    }

    @Test func theMarkdownVigilWritesBecomesHTML() {
        let html = MarkdownHTML.render(
            """
            # Post-mortem: INC-1 — <b>bad</b>

            **Severity:** P1, `critical`

            ## Timeline
            | Time | Who | What |
            |---|---|---|
            | 07:00 | vigil | a \\| b <img> |

            - [ ] follow up
            - [x] done
            - plain
            """)
        #expect(html.contains("<h2>Post-mortem: INC-1 — &lt;b&gt;bad&lt;/b&gt;</h2>"), "\(html)")
        #expect(html.contains("<p><strong>Severity:</strong> P1, <code>critical</code></p>"), "\(html)")
        #expect(html.contains("<h3>Timeline</h3>"))
        #expect(html.contains("<tr><th>Time</th><th>Who</th><th>What</th></tr>"))
        #expect(html.contains("<tr><td>07:00</td><td>vigil</td><td>a | b &lt;img&gt;</td></tr>"), "\(html)")
        #expect(!html.contains("<td>---</td>"), "the separator row is not a row")
        #expect(html.contains("<ul><li>☐ follow up</li><li>☑ done</li><li>plain</li></ul>"), "\(html)")
    }

    @Test func theAlertFilterReadsTheQueryString() {
        let filter = AlertsPage.Filter(query: [
            ("filter", #"component="clinic""#), ("severity", "critical"), ("state", "silenced,inhibited"),
            ("state", "bogus"),
        ])
        #expect(filter.matchers == #"component="clinic",severity="critical""#)
        #expect(filter.states == ["silenced", "inhibited"])
        let page = AlertsPage.render(groups: [], filter: filter, now: 0, timeZone: .gmt)
        #expect(page.contains(#"value="component=&quot;clinic&quot;,severity=&quot;critical&quot;""#))
        #expect(page.contains(#"value="silenced" checked"#))
        #expect(page.contains("0 alerts shown."))
        let broken = AlertsPage.render(groups: [], filter: .init(matchers: #"a=~"(""#), now: 0, timeZone: .gmt)
        #expect(broken.contains("id=\"filter-error\""))
    }

    @Test func pendingAlertsShowWhenAskedFor() {
        let waiting = Rules.Alert(
            labels: Labels(["alertname": "CriticalCoverageGap", "component": "clinic"]), state: .pending, value: 1,
            activeAt: 0)
        let page = AlertsPage.render(
            groups: [], pending: [waiting], filter: .init(states: ["pending"]), now: 0, timeZone: .gmt)
        #expect(page.contains("1 alert shown."))
        #expect(page.contains(#"data-state="pending"><strong>CriticalCoverageGap</strong>"#))
        let hidden = AlertsPage.render(groups: [], pending: [waiting], filter: .init(), now: 0, timeZone: .gmt)
        #expect(hidden.contains("0 alerts shown."), "the default view is Alertmanager's: firing and acknowledged")
    }

    @Test func runbookLinksAreLinksOnlyWhenSafe() {
        #expect(RunbookPage.href("runbooks/CriticalCoverageGap.md") == "/runbooks/CriticalCoverageGap.md")
        #expect(RunbookPage.href("https://wiki.example/runbook") == "https://wiki.example/runbook")
        #expect(RunbookPage.href("/runbooks/X.md") == "/runbooks/X.md")
        for unsafe in ["javascript:alert(1)", " JavaScript:alert(1)", "//evil.example/x", "data:text/html,x"] {
            #expect(RunbookPage.href(unsafe) == nil, "\(unsafe)")
        }
        let link = RunbookPage.link("Runbook", to: "javascript:alert(\"x\")")
        #expect(!link.contains("<a"), "shown as text")
        #expect(link.contains("javascript:alert(&quot;x&quot;)"))
    }

    @Test func theStripSaysEachDayInWordsAndNeverOnlyInColour() {
        #expect(DailyStrip.svg([]).contains("No days with assignments"))
    }
}
