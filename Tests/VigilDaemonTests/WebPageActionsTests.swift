import Foundation
import HummingbirdBcrypt
import Storage
import TestSupport
import Testing
import Transport

@testable import VigilDaemon

/// Acting from the pages: only a web user of `web.basic_auth_users` may, as the actor on the
/// record, and only with the token of a form the daemon gave them; a refused request changes
/// nothing. Acknowledge, silence, expire and the incident's approve and act work end to end in
/// headless Chromium, as a coordinator would press them; without web users the pages are read-only.
@Suite("acting from the web pages", .serialized)
struct WebPageActionsTests {
    static let password = "hallway phone"

    static func start(users: Bool) async throws -> ScheduleTestDaemon {
        let directory = TestDirectory()
        try directory.write("etc/escalation.yml", IncidentDaemonTests.escalation)
        var extra = "escalation_files: [escalation.yml]"
        if users {
            try directory.write(
                "etc/web.yml", "basic_auth_users:\n  coordinator: '\(Bcrypt.hash(Self.password, cost: 4))'\n")
            extra += "\nweb:\n  config_file: web.yml"
        }
        return try await ScheduleTestDaemon.start(
            directory: directory, schedule: IncidentPrograms.absence, config: ScheduleTestDaemon.config(extra: extra))
    }

    static var login: (name: String, value: String) {
        WebSecurityDaemonTests.basic("coordinator", Self.password)
    }

    static func get(_ daemon: ScheduleTestDaemon, _ path: String) async throws -> Transport.HTTPResponse {
        try await CurlTransport().perform(HTTPRequest(url: daemon.base + path, headers: [Self.login]))
    }

    static func post(_ daemon: ScheduleTestDaemon, _ path: String, _ form: [(String, String)], login: Bool = true)
        async throws -> Transport.HTTPResponse
    {
        let body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        var headers: [(name: String, value: String)] = [("Content-Type", "application/x-www-form-urlencoded")]
        if login { headers.append(Self.login) }
        return try await CurlTransport().perform(
            HTTPRequest(method: "POST", url: daemon.base + path, headers: headers, body: Array(body.utf8)))
    }

    /// The value of the hidden `name` field of the first form in `html` that has it.
    static func field(_ name: String, in html: String) throws -> String {
        let marker = "name=\"\(name)\" value=\""
        let start = try #require(html.range(of: marker), "no \(name) field")
        return String(html[start.upperBound...].prefix { $0 != "\"" }).replacingOccurrences(of: "&quot;", with: "\"")
    }

    static func groups(_ daemon: ScheduleTestDaemon) async throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(try await daemon.get("/api/v2/alerts/groups").body))
            as? [[String: Any]] ?? []
    }

    static func acknowledgement(_ daemon: ScheduleTestDaemon) async throws -> [String: Any]? {
        let alerts = try await groups(daemon).first?["alerts"] as? [[String: Any]]
        return (alerts?.first?["vigil"] as? [String: Any])?["acknowledged"] as? [String: Any]
    }

    @Test func aWebUserActsWithTheFormsTokenAndNothingElseChangesAnything() async throws {
        let daemon = try await Self.start(users: true)
        _ = try await IncidentDaemonTests.fireAndOpen(daemon)
        let page = try await Self.get(daemon, "/alerts")
        #expect(page.status == 200)
        #expect(page.bodyText.contains("Signed in as coordinator."))
        let csrf = try Self.field("csrf", in: page.bodyText)
        let key = try Self.field("group_key", in: page.bodyText)

        // Refused: no login, no token, a wrong token, the API token instead of a user. Nothing changes.
        #expect(
            try await Self.post(daemon, "/ui/ack", [("group_key", key), ("csrf", csrf)], login: false).status == 401)
        #expect(try await Self.post(daemon, "/ui/ack", [("group_key", key)]).status == 403)
        #expect(try await Self.post(daemon, "/ui/ack", [("group_key", key), ("csrf", csrf + "x")]).status == 403)
        let withToken = try await CurlTransport().perform(
            HTTPRequest(
                method: "POST", url: daemon.base + "/ui/ack",
                headers: [("Authorization", "Bearer \(daemon.token)")], body: Array("csrf=\(csrf)".utf8)))
        #expect(withToken.status == 401, "the pages' actions need a person, not the API token")
        #expect(try await Self.acknowledgement(daemon) == nil)

        // The form's token: acknowledged as the web user, and sent back to the page with a message.
        let acked = try await Self.post(daemon, "/ui/ack", [("group_key", key), ("csrf", csrf)])
        #expect(acked.status == 303)
        #expect(acked.header("Location")?.hasPrefix("/alerts?done=Acknowledged%20by%20coordinator") == true)
        let acknowledgement = try #require(try await Self.acknowledgement(daemon))
        #expect(acknowledgement["by"] as? String == "coordinator")
        #expect(acknowledgement["via"] as? String == "web")

        // A silence, then its expiry.
        let silenced = try await Self.post(
            daemon, "/ui/silences",
            [("matchers", "alertname=\"CoverageGap\""), ("duration", "2h"), ("comment", "fixing it"), ("csrf", csrf)])
        #expect(silenced.status == 303)
        let silences =
            try JSONSerialization.jsonObject(with: Data(try await daemon.get("/api/v2/silences").body))
            as? [[String: Any]] ?? []
        let silence = try #require(silences.first)
        #expect(silence["createdBy"] as? String == "coordinator")
        #expect(silence["comment"] as? String == "fixing it")
        let id = try #require(silence["id"] as? String)
        let bad = try await Self.post(
            daemon, "/ui/silences", [("matchers", "a=~\"(\""), ("duration", "2h"), ("comment", "x"), ("csrf", csrf)])
        #expect(bad.status == 303)
        #expect(bad.header("Location")?.contains("done=Not%20silenced") == true, "the form says why, nothing made")
        #expect(try await Self.post(daemon, "/ui/silences/\(id)/expire", [("csrf", csrf)]).status == 303)
        let after =
            try JSONSerialization.jsonObject(with: Data(try await daemon.get("/api/v2/silences").body))
            as? [[String: Any]] ?? []
        #expect(after.count == 1)
        #expect((after.first?["status"] as? [String: Any])?["state"] as? String == "expired")

        try await daemon.stop()
        let database = try VigilDatabase(path: daemon.directory.file("data/vigil.db"))
        let audit = try AuditLog(database: database).recent(limit: 100)
        #expect(audit.contains { $0.action == "silence.create" && $0.actor == "coordinator" })
        #expect(audit.contains { $0.action == "silence.expire" && $0.actor == "coordinator" })
        try database.close()
    }

    @Test func withoutWebUsersThePagesAreReadOnly() async throws {
        let daemon = try await Self.start(users: false)
        _ = try await IncidentDaemonTests.fireAndOpen(daemon)
        let page = try await daemon.get("/alerts")
        #expect(page.status == 200)
        #expect(!page.bodyText.contains("name=\"csrf\""), "no forms")
        #expect(page.bodyText.contains("Read-only: acting from the pages needs a web user"))
        let refused = try await Self.post(daemon, "/ui/ack", [("group_key", "x"), ("csrf", "y")], login: false)
        #expect(refused.status == 403)
        #expect(refused.bodyText.contains("the pages are read-only"))
        try await daemon.stop()
    }

    @Test(.enabled(if: WebDriver.isInstalled, "needs chromium and chromium-driver (make test-deps)"))
    func theButtonsWorkInABrowser() async throws {
        let daemon = try await Self.start(users: true)
        let incident = try await IncidentDaemonTests.fireAndOpen(daemon)
        let base = daemon.base.replacingOccurrences(of: "http://", with: "http://coordinator:hallway%20phone@")
        try await WebDriver.session { browser in
            // Acknowledge from the alerts page.
            try await browser.open(base + "/alerts")
            try await browser.click("form[action='/ui/ack'] button")
            try await browser.waitForText("p.done", "the acknowledgement") { $0 == "Acknowledged by coordinator." }
            #expect(try await Self.acknowledgement(daemon)?["via"] as? String == "web")

            // Silence… from the group: the form comes prefilled with its labels.
            try await browser.click(".group .actions a")
            try await browser.waitForText("h1", "the silences page") { $0 == "Silences" }
            try await browser.type("covering the clinic", into: "#new-silence input[name=comment]")
            try await browser.click("#new-silence button")
            try await browser.waitForText("p.done", "the silence") { $0 == "Silenced for 2h by coordinator." }
            #expect(try await browser.text(of: "#silences li .badge") == "active")
            try await browser.click("#silences form button")
            try await browser.waitForText("p.done", "the expiry") { $0 == "Silence expired by coordinator." }

            // The incident (Vigil observed and oriented it): going back without a reason is refused
            // and says why; on to deciding; approve the proposal that needs it; act on it.
            try await browser.open(base + "/incidents/\(incident)")
            try await browser.click("#phase-form button")  // the first phase offered: back to observing
            try await browser.waitForText("p.done", "the refusal") { $0.hasPrefix("Not moved:") }
            #expect(try await browser.text(of: "#phase").contains("orienting"))
            _ = try await browser.execute(
                "document.querySelector('#phase-form select').value = 'deciding'; return true;")
            try await browser.click("#phase-form button")
            try await browser.waitForText("p.done", "the move to deciding") {
                $0 == "Moved to deciding by coordinator."
            }
            try await browser.click("#proposals form[action$='/approve'] button")
            try await browser.waitForText("p.done", "the approval") { $0.contains("approved by coordinator") }
            try await browser.click("#proposals form[action$='/phase'] button")
            try await browser.waitForText("#phase", "acting") { $0.contains("acting") }
            #expect(try await browser.consoleErrors().isEmpty)
        }
        let record = try JSONBody.data(try await daemon.get("/api/v1/incidents/\(incident)"))
        let actors = (record["timeline"] as? [[String: Any]] ?? []).compactMap { $0["actor"] as? String }
        #expect(actors.contains("coordinator"), "the web user is the actor on the record")
        #expect(record["phase"] as? String == "acting")
        try await daemon.stop()
    }
}
