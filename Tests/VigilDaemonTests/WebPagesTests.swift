import Foundation
import TestSupport
import Testing
import Transport

@testable import VigilDaemon

/// The pages a coordinator opens on a phone, on the shipped demo: they load in headless Chromium at
/// phone and desktop size without console errors or sideways scrolling, show the figures the API
/// shows, and filter alerts as Alertmanager's UI does. Without Chromium the same pages are checked
/// over plain HTTP, and the test says so.
@Suite("web pages, in the daemon", .serialized)
struct WebPagesTests {
    static let sizes = [(name: "phone", width: 390, height: 844), (name: "desktop", width: 1280, height: 900)]

    /// The figures the API gives for the demo: defense level, coverage as a whole percent, firing alerts.
    static func apiFigures(_ daemon: ScheduleTestDaemon) async throws -> (
        defense: String, coverage: String, alerts: Int
    ) {
        let report = try JSONBody.object(try await daemon.get("/api/v1/resilience/report"))
        let data = (report["data"] as? [String: Any]) ?? report
        let defense = try #require((data["defense_level"] as? [String: Any])?["name"] as? String)
        let rate = try #require(data["coverage_rate"] as? Double, "\(data.keys.sorted())")
        let alerts = try JSONSerialization.jsonObject(with: Data(try await daemon.get("/api/v2/alerts").body))
        let firing = (alerts as? [[String: Any]] ?? []).filter {
            ($0["status"] as? [String: Any])?["state"] as? String == "active"
        }
        return (defense, "\(Int((rate * 100).rounded()))%", firing.count)
    }

    @Test func everyPageLoadsCleanAndShowsWhatTheAPIShows() async throws {
        let daemon = try await ShippedDemo.start(ticks: 80)
        let figures = try await Self.apiFigures(daemon)
        #expect(figures.alerts > 0, "the demo has firing alerts")
        let board = try await daemon.get("/")
        #expect(board.status == 200)
        #expect(board.header("Content-Type") == "text/html; charset=utf-8")
        #expect(board.bodyText.contains("<div class=\"level\">\(figures.defense)</div>"))
        #expect(try await daemon.get("/static/vigil.css").status == 200)

        #expect(try await daemon.get("/incidents/INC-404").status == 404)
        guard WebDriver.isInstalled else {
            let alerts = try await daemon.get("/alerts").bodyText
            #expect(alerts.contains("\(figures.alerts) alert"), "\(alerts.prefix(2000))")
            print("note: chromium and chromedriver are not installed; the pages were checked over plain HTTP only")
            try await daemon.stop()
            return
        }
        try await WebDriver.session { browser in
            for size in Self.sizes {
                try await browser.resize(width: size.width, height: size.height)
                try await browser.open(daemon.base + "/")
                #expect(try await browser.title() == "Status · Vigil")
                #expect(try await browser.text(of: "#defense .level") == figures.defense, "\(size.name)")
                #expect(try await browser.text(of: "#coverage .value") == figures.coverage, "\(size.name)")
                #expect(try await browser.text(of: "#alerts").isEmpty == false)
                let overflow = try await browser.execute(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
                #expect(
                    (overflow as? Int ?? 1) <= 0,
                    "\(size.name): the status board scrolls sideways by \(overflow ?? "?")")
                let errors = try await browser.consoleErrors()
                #expect(errors.isEmpty, "\(size.name): console errors on /: \(errors)")
                try await Self.screenshot(browser, "status-\(size.name)")

                try await browser.open(daemon.base + "/alerts")
                #expect(try await browser.title() == "Alerts · Vigil")
                let count = try await browser.text(of: "#count")
                #expect(count == "\(figures.alerts) alert\(figures.alerts == 1 ? "" : "s") shown.", "\(size.name)")
                let alertErrors = try await browser.consoleErrors()
                #expect(alertErrors.isEmpty, "\(size.name): console errors on /alerts: \(alertErrors)")
                try await Self.screenshot(browser, "alerts-\(size.name)")
            }
            // Filtering as Alertmanager's UI: matchers typed into the form.
            try await browser.open(daemon.base + "/alerts")
            try await browser.type("severity=\"nonexistent\"", into: "#filter input[name=filter]")
            try await browser.click("#filter button")
            _ = try await waitUntil("the filtered page to load") { () async throws -> Bool? in
                try await browser.url().contains("filter=severity") ? true : nil
            }
            #expect(try await browser.text(of: "#count") == "0 alerts shown.")
            try await browser.open(daemon.base + "/alerts?filter=foo%3D~%22(%22")
            #expect(try await browser.text(of: "#filter-error").hasPrefix("The filter does not parse"))

            // The incident pages, the rules and on call, on a phone.
            try await browser.resize(width: 390, height: 844)
            let opened = try await IncidentDaemonTests.post(
                daemon, "/api/v1/incidents", ["title": "Clinic <uncovered>", "severity": "P1", "by": "coordinator"])
            let incident = try JSONBody.data(opened)
            let id = try #require(incident["id"] as? String)
            let timeline = try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))["timeline"] as? [Any]
            let listed = try JSONBody.data(try await daemon.get("/api/v1/incidents"))
            let overall = try #require((listed["figures"] as? [String: Any])?["overall"] as? [String: Any])
            let (count, open) = (overall["count"] as? Int ?? 0, overall["open"] as? Int ?? 0)
            #expect(count >= 1)
            try await browser.open(daemon.base + "/incidents")
            #expect(
                try await browser.text(of: "#figures").hasPrefix(
                    "\(count) incident\(count == 1 ? "" : "s"), \(open) open;"))
            try await browser.open(daemon.base + "/incidents/\(id)")
            #expect(try await browser.title() == "\(id) · Vigil")
            #expect(try await browser.text(of: "h1") == "\(id): Clinic <uncovered>", "the title is text, not markup")
            let rows = try await browser.execute("return document.querySelectorAll('#timeline tr[data-kind]').length;")
            #expect(rows as? Int == timeline?.count, "every timeline entry is on the page")
            #expect(try await browser.text(of: "#hypotheses").isEmpty == false, "Vigil's orientation")
            #expect(try await browser.consoleErrors().isEmpty, "console errors on the incident page")
            try await Self.screenshot(browser, "incident-phone")
            let rules = try JSONBody.data(try await daemon.get("/api/v1/rules"))["groups"] as? [Any] ?? []
            try await browser.open(daemon.base + "/rules")
            #expect(try await browser.text(of: "#summary").hasPrefix("\(rules.count) groups,"))
            #expect(try await browser.consoleErrors().isEmpty, "console errors on /rules")
            try await Self.screenshot(browser, "rules-phone")
            try await browser.open(daemon.base + "/oncall")
            #expect(try await browser.title() == "On call · Vigil")
            #expect(try await browser.consoleErrors().isEmpty, "console errors on /oncall")
            try await browser.open(daemon.base + "/silences")
            #expect(try await browser.title() == "Silences · Vigil")
            #expect(try await browser.consoleErrors().isEmpty, "console errors on /silences")

            // The schedule: a heatmap cell per half-day of the window, every fallback the report has.
            let report = try JSONBody.object(try await daemon.get("/api/v1/resilience/report"))
            let data = (report["data"] as? [String: Any]) ?? report
            let fallbacks = (data["fallbacks"] as? [Any])?.count ?? -1
            let days = (data["window"] as? [String: Any])?["days"] as? Int ?? -1
            try await browser.open(daemon.base + "/schedule")
            #expect(try await browser.title() == "Schedule · Vigil")
            let cells = try await browser.execute("return document.querySelectorAll('.heatmap rect').length;")
            #expect(cells as? Int == 2 * days, "a cell per half-day of the \(days)-day window")
            let fallbackRows = try await browser.execute(
                "return document.querySelectorAll('#fallbacks tr').length - 1;")
            #expect(fallbackRows as? Int == fallbacks)
            let overflow = try await browser.execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
            #expect((overflow as? Int ?? 1) <= 0, "the schedule page scrolls sideways by \(overflow ?? "?")")
            #expect(try await browser.consoleErrors().isEmpty, "console errors on /schedule")
            try await Self.screenshot(browser, "schedule-phone")

            // A runbook link from the alerts page opens the runbook, rendered.
            try await browser.open(daemon.base + "/alerts")
            try await browser.click("li.alert a[href^='/runbooks/']")
            try await browser.waitForText("article.runbook h2", "the runbook") { !$0.isEmpty }
            #expect(try await browser.consoleErrors().isEmpty, "console errors on a runbook")
            #expect(try await daemon.get("/runbooks/..%2Fetc%2Fvigil.yml").status == 404)
            #expect(try await daemon.get("/runbooks/NoSuchAlert.md").status == 404)

            // Every page, phone and desktop: no console errors, no sideways scrolling.
            let paths = [
                "/", "/alerts", "/alerts?state=pending", "/silences", "/incidents", "/incidents/\(id)", "/oncall",
                "/schedule", "/rules",
            ]
            for size in Self.sizes {
                try await browser.resize(width: size.width, height: size.height)
                for path in paths {
                    try await browser.open(daemon.base + path)
                    let errors = try await browser.consoleErrors()
                    #expect(errors.isEmpty, "\(size.name) \(path): \(errors)")
                    let sideways = try await browser.execute(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
                    #expect((sideways as? Int ?? 1) <= 0, "\(size.name) \(path) scrolls sideways by \(sideways ?? "?")")
                    if size.name == "phone", ["/silences", "/oncall", "/incidents"].contains(path) {
                        try await Self.screenshot(browser, String(path.dropFirst()) + "-phone")
                    }
                }
            }
        }
        try await daemon.stop()
    }

    /// Saves a screenshot for the README when `VIGIL_SCREENSHOTS` names a folder.
    static func screenshot(_ browser: WebDriver, _ name: String) async throws {
        guard let folder = ProcessInfo.processInfo.environment["VIGIL_SCREENSHOTS"], !folder.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try await browser.screenshot().write(to: URL(fileURLWithPath: folder).appendingPathComponent(name + ".png"))
    }
}
