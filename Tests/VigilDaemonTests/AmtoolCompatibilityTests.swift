import Foundation
import TestSupport
import Testing
import Transport

/// Alertmanager's own command-line client, unchanged, against a running `vigil` process: what an
/// operator who already knows Alertmanager types must just work.
@Suite(
    "amtool against a running vigil", .serialized,
    .enabled(
        if: Amtool.isInstalled,
        "needs amtool 0.25 at /usr/bin/amtool (Debian's prometheus-alertmanager package: apt-get install prometheus-alertmanager)"
    ))
struct AmtoolCompatibilityTests {
    static let escalation = """
        route:
          receiver: team
          group_by: [alertname]
          group_wait: 0s
          group_interval: 1s
          routes:
            - matchers: ['severity="critical"']
              receiver: pager
              continue: true
            - matchers: ['team="db"']
              receiver: dba
              routes:
                - matchers: ['env=~"prod|staging"']
                  receiver: pager
        """
    static let receivers = """
          - name: team
          - name: pager
          - name: dba
        """

    static func harness() throws -> AlertingDaemonHarness {
        try AlertingDaemonHarness(escalation: escalation, receivers: receivers)
    }

    @Test func alertAddedWithAmtoolIsListedActiveWithItsSummary() async throws {
        let harness = try Self.harness()
        let daemon = try await harness.start()
        let amtool = try Amtool(harness, daemon)

        let added = try await amtool.run(
            "alert", "add", "DiskFull", "severity=critical", "instance=db1", "--annotation=summary=disk is full")
        #expect(added.status == 0, "\(added)")

        let listed = try await amtool.run("alert", "query")
        #expect(listed.status == 0, "\(listed)")
        #expect(listed.lines.first?.split(separator: " ", omittingEmptySubsequences: true).first == "Alertname")
        let row = try #require(listed.lines.first { $0.hasPrefix("DiskFull ") }, "no DiskFull row in:\n\(listed)")
        #expect(row.contains("disk is full"))
        #expect(row.hasSuffix(" active"))

        let json = try await amtool.run("alert", "query", "-o", "json")
        let alerts = try JSONDecoder().decode([Amtool.Alert].self, from: Data(json.stdout.utf8))
        let alert = try #require(alerts.first { $0.labels["alertname"] == "DiskFull" })
        #expect(alert.labels == ["alertname": "DiskFull", "severity": "critical", "instance": "db1"])
        #expect(alert.annotations["summary"] == "disk is full")
        #expect(alert.status.state == "active")
        #expect(alert.receivers.map(\.name) == ["pager"])
        #expect(await daemon.stop() == 0)
    }

    @Test func silencingWithAmtoolSuppressesTheAlertUntilTheSilenceIsExpired() async throws {
        let harness = try Self.harness()
        let daemon = try await harness.start()
        let amtool = try Amtool(harness, daemon)
        #expect(try await amtool.run("alert", "add", "DiskFull", "severity=critical").status == 0)

        let added = try await amtool.run(
            "silence", "add", "alertname=DiskFull", "-c", "comment", "-a", "author", "-d", "1h")
        #expect(added.status == 0, "\(added)")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(UUID(uuidString: id) != nil && id == id.lowercased(), "amtool printed \(added.stdout.debugDescription)")

        let silences = try await amtool.run("silence", "query")
        let silence = try #require(silences.lines.first { $0.hasPrefix(id) }, "silence \(id) not listed:\n\(silences)")
        #expect(silence.contains("alertname=\"DiskFull\""))
        #expect(silence.contains("author"))
        #expect(silence.contains("comment"))

        let active = try await amtool.run("alert", "query")
        #expect(active.status == 0)
        #expect(
            !active.lines.contains { $0.hasPrefix("DiskFull") },
            "a silenced alert is still listed as active:\n\(active)")
        let suppressed = try await amtool.run("alert", "query", "-s")
        let row = try #require(suppressed.lines.first { $0.hasPrefix("DiskFull ") }, "not in -s:\n\(suppressed)")
        #expect(row.hasSuffix(" suppressed"))

        let expired = try await amtool.run("silence", "expire", id)
        #expect(expired.status == 0, "\(expired)")
        let expiredList = try await amtool.run("silence", "query", "--expired")
        #expect(expiredList.lines.contains { $0.hasPrefix(id) }, "expired silence not listed:\n\(expiredList)")
        let current = try await amtool.run("silence", "query")
        #expect(!current.lines.contains { $0.hasPrefix(id) }, "an expired silence is still listed:\n\(current)")
        let again = try await amtool.run("alert", "query")
        let back = try #require(again.lines.first { $0.hasPrefix("DiskFull ") }, "alert not back:\n\(again)")
        #expect(back.hasSuffix(" active"))
        #expect(await daemon.stop() == 0)
    }

    @Test func silenceUpdateKeepsTheIDAndMovesTheEnd() async throws {
        let harness = try Self.harness()
        let daemon = try await harness.start()
        let amtool = try Amtool(harness, daemon)
        let added = try await amtool.run(
            "silence", "add", "alertname=DiskFull", "instance=~db.*", "-c", "disk swap", "-a", "ops", "-d", "1h")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(added.status == 0 && UUID(uuidString: id) != nil, "\(added)")
        let before = try #require(try await amtool.silences().first)

        let updated = try await amtool.run("silence", "update", id, "--duration", "2h")
        #expect(updated.status == 0, "\(updated)")
        #expect(updated.stdout.contains(id), "update printed another ID:\n\(updated)")

        let after = try await amtool.silences()
        #expect(after.map(\.id) == [id], "the update minted a new silence: \(after.map(\.id))")
        let silence = try #require(after.first)
        #expect(silence.status.state == "active")
        #expect(silence.comment == "disk swap")
        #expect(silence.createdBy == "ops")
        #expect(
            silence.matchers == [
                .init(name: "alertname", value: "DiskFull", isRegex: false, isEqual: true),
                .init(name: "instance", value: "db.*", isRegex: true, isEqual: true),
            ])
        let startsAt = try Amtool.date(silence.startsAt)
        let endsAt = try Amtool.date(silence.endsAt)
        #expect(
            abs(endsAt.timeIntervalSince(startsAt) - 7200) < 1, "ends \(silence.endsAt), starts \(silence.startsAt)")
        let moved = endsAt.timeIntervalSince(try Amtool.date(before.endsAt))
        #expect(abs(moved - 3600) < 10, "the end moved by \(moved) s, not about an hour")
        #expect(try Amtool.date(silence.updatedAt) >= Amtool.date(before.updatedAt))
        #expect(silence.startsAt == before.startsAt)
        #expect(await daemon.stop() == 0)
    }

    @Test func configRoutesPrintsTheRoutingTreeWithTheConfiguredReceivers() async throws {
        let harness = try Self.harness()
        let daemon = try await harness.start()
        let amtool = try Amtool(harness, daemon)

        let routes = try await amtool.run("config", "routes")
        #expect(routes.status == 0, "\(routes)")
        #expect(
            routes.lines == [
                "Routing tree:",
                ".",
                "└── default-route  receiver: team",
                "    ├── {severity=\"critical\"}  continue: true  receiver: pager",
                "    └── {team=\"db\"}  receiver: dba",
                "        └── {env=~\"prod|staging\"}  receiver: pager",
            ], "\(routes)")

        let dba = try await amtool.run("config", "routes", "test", "team=db", "env=dev")
        #expect(dba.lines == ["dba"], "\(dba)")
        let both = try await amtool.run("config", "routes", "test", "severity=critical", "team=db", "env=prod")
        #expect(both.lines == ["pager,pager"], "\(both)")
        let fallback = try await amtool.run("config", "routes", "test", "alertname=Other")
        #expect(fallback.lines == ["team"], "\(fallback)")
        #expect(await daemon.stop() == 0)
    }

    @Test func silenceAddWithoutTheTokenIsRefusedAndCreatesNothing() async throws {
        let harness = try Self.harness()
        let daemon = try await harness.start()
        let anonymous = try Amtool(harness, daemon, credentials: nil)
        let wrong = try Amtool(harness, daemon, credentials: "not-the-token-" + UUID().uuidString)

        for client in [anonymous, wrong] {
            let refused = try await client.run("silence", "add", "alertname=DiskFull", "-c", "sneaky", "-a", "mallory")
            #expect(refused.status != 0, "\(refused)")
            #expect(refused.stderr.contains("401"), "\(refused)")
            #expect(refused.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        }

        let listed = try await daemon.get("/api/v2/silences")
        #expect(listed.status == 200)
        #expect(listed.bodyText.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        let amtool = try Amtool(harness, daemon)
        let all = try await amtool.run("silence", "query", "--expired")
        #expect(all.lines.count == 1, "expected only the header:\n\(all)")
        #expect(await daemon.stop() == 0)
    }

    @Test func silencesSurviveARestartOnTheSameDataDirectory() async throws {
        let harness = try Self.harness()
        let first = try await harness.start()
        var amtool = try Amtool(harness, first)
        #expect(try await amtool.run("alert", "add", "DiskFull", "severity=critical").status == 0)
        let kept = try await amtool.run(
            "silence", "add", "alertname=DiskFull", "-c", "keep me", "-a", "ops", "-d", "3h")
        let keptID = kept.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let gone = try await amtool.run("silence", "add", "alertname=Other", "-c", "expire me", "-a", "ops", "-d", "3h")
        let goneID = gone.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(UUID(uuidString: keptID) != nil && UUID(uuidString: goneID) != nil, "\(kept)\n\(gone)")
        #expect(try await amtool.run("silence", "expire", goneID).status == 0)
        let before = try #require(try await amtool.silences().first { $0.id == keptID })

        #expect(await first.stop() == 0, "vigil must exit 0 on SIGTERM; output:\n\(first.process.everything)")
        let second = try await harness.start()
        amtool = try Amtool(harness, second)

        let current = try await amtool.run("silence", "query")
        #expect(
            current.lines.contains { $0.hasPrefix(keptID) }, "the active silence is gone after a restart:\n\(current)")
        #expect(!current.lines.contains { $0.hasPrefix(goneID) }, "the expired silence came back:\n\(current)")
        let expired = try await amtool.run("silence", "query", "--expired")
        #expect(expired.lines.contains { $0.hasPrefix(goneID) }, "the expired silence is gone:\n\(expired)")
        let after = try #require(try await amtool.silences().first { $0.id == keptID })
        #expect(after.status.state == "active")
        #expect(after.comment == "keep me")
        #expect(after.startsAt == before.startsAt)
        #expect(after.endsAt == before.endsAt)
        #expect(after.matchers == before.matchers)

        let suppressed = try await amtool.run("alert", "query", "-s")
        let row = try #require(
            suppressed.lines.first { $0.hasPrefix("DiskFull ") }, "the restored silence no longer mutes:\n\(suppressed)"
        )
        #expect(row.hasSuffix(" suppressed"))
        #expect(await second.stop() == 0)
    }
}

/// `/usr/bin/amtool` pointed at one daemon run, with the bearer token in an `--http.config.file`.
struct Amtool: Sendable {
    static let path = "/usr/bin/amtool"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    let harness: AlertingDaemonHarness
    let base: String
    let httpConfig: String?

    /// `credentials` nil: no `--http.config.file` at all.
    init(_ harness: AlertingDaemonHarness, _ daemon: RunningDaemon, credentials: String?) throws {
        self.harness = harness
        base = daemon.base
        if let credentials {
            httpConfig = try harness.directory.write(
                "amtool-\(UUID().uuidString).yml", "authorization:\n  credentials: \(credentials)\n")
        } else {
            httpConfig = nil
        }
    }

    init(_ harness: AlertingDaemonHarness, _ daemon: RunningDaemon) throws {
        try self.init(harness, daemon, credentials: harness.token)
    }

    func run(_ arguments: String...) async throws -> ToolOutput {
        var all = ["--alertmanager.url=\(base)", "--timeout=20s"]
        if let httpConfig { all.append("--http.config.file=\(httpConfig)") }
        // HOME points into the test's directory so no ~/.config/amtool/config.yml changes the flags.
        return try await ExternalTool.run(
            Self.path, all + arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": harness.directory.path],
            in: harness.directory)
    }

    /// `amtool silence query -o json`, decoded.
    func silences() async throws -> [Silence] {
        let output = try await run("silence", "query", "-o", "json")
        try #require(output.status == 0, "\(output)")
        return try JSONDecoder().decode([Silence].self, from: Data(output.stdout.utf8))
    }

    static func date(_ text: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return try #require(formatter.date(from: text), "not an RFC 3339 time with milliseconds: \(text)")
    }

    struct Silence: Decodable, Sendable {
        struct Status: Decodable, Sendable {
            let state: String
        }

        struct Matcher: Decodable, Sendable, Equatable {
            let name: String
            let value: String
            let isRegex: Bool
            let isEqual: Bool
        }

        let id: String
        let status: Status
        let updatedAt: String
        let comment: String
        let createdBy: String
        let startsAt: String
        let endsAt: String
        let matchers: [Matcher]
    }

    struct Alert: Decodable, Sendable {
        struct Status: Decodable, Sendable {
            let state: String
            let silencedBy: [String]
            let inhibitedBy: [String]
        }

        struct Receiver: Decodable, Sendable {
            let name: String
        }

        let labels: [String: String]
        let annotations: [String: String]
        let status: Status
        let receivers: [Receiver]
        let fingerprint: String
        let startsAt: String
        let endsAt: String
        let updatedAt: String
    }
}
