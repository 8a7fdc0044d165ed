import Foundation
import TestSupport
import Testing
import Transport

/// `vigil alerts` and `vigil silence add|list|expire` against a running daemon, as a coordinator
/// would use them from a terminal.
@Suite("vigil alerts and vigil silence", .serialized)
struct ClientCommandsTests {
    static let token = "client-test-token-0123456789abcdefghijklmnop"

    static func run(_ arguments: [String], token: String? = Self.token, in directory: TestDirectory) async throws -> (
        status: Int32, output: String
    ) {
        let process = try VigilProcess(
            arguments: arguments, environment: token.map { ["VIGIL_API_TOKEN": $0] } ?? [:], directory: directory.path)
        let status = try #require(await process.waitForExit(timeout: .seconds(60)))
        _ = try? await process.waitForLine("end of output", timeout: .seconds(5)) { _ in false }
        return (status, process.everything)
    }

    @Test func incidentsAreOpenedAdvancedNotedAcknowledgedAndShown() async throws {
        let directory = TestDirectory()
        let config = try directory.write("vigil.yml", VigilProcessTests.goodConfig)
        try directory.write("data/secrets/api_token", Self.token)
        let (vigil, base) = try await VigilProcessTests.startDaemon(config: config, in: directory)
        let opened = try await Self.run(
            [
                "incident", "open", "Night float called in sick", "--severity", "P2", "--by", "coordinator", "--server",
                base,
            ],
            in: directory)
        #expect(opened.status == 0, "\(opened.output)")
        #expect(opened.output.contains("opened INC-1 (P2)"), "\(opened.output)")

        let skipped = try await Self.run(
            ["incident", "advance", "INC-1", "verifying", "--by", "coordinator", "--server", base], in: directory)
        #expect(skipped.status == 1)
        #expect(
            skipped.output.contains("409") && skipped.output.contains("may move to: observing, deciding, resolved"),
            "\(skipped.output)")

        let advanced = try await Self.run(
            ["incident", "advance", "INC-1", "deciding", "--by", "coordinator", "--server", base], in: directory)
        #expect(advanced.output.contains("INC-1 is deciding"), "\(advanced.output)")
        let proposals = try await Self.run(["incident", "show", "INC-1", "--server", base], in: directory)
        #expect(proposals.output.contains("proposal 1: "), "\(proposals.output)")
        let unknown = try await Self.run(
            ["incident", "approve", "INC-1", "99", "--by", "dr.baker", "--server", base], in: directory)
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("has no proposal 99"), "\(unknown.output)")
        let approved = try await Self.run(
            ["incident", "approve", "INC-1", "1", "--by", "dr.baker", "--server", base], in: directory)
        #expect(approved.output.contains("proposal 1 of INC-1 approved by dr.baker"), "\(approved.output)")
        let noted = try await Self.run(
            ["incident", "note", "INC-1", "backup resident paged", "--by", "coordinator", "--server", base],
            in: directory)
        #expect(noted.status == 0, "\(noted.output)")
        let acked = try await Self.run(
            ["incident", "ack", "INC-1", "--by", "dr.adams", "--server", base], in: directory)
        #expect(acked.output.contains("INC-1 acknowledged by dr.adams"), "\(acked.output)")

        let listed = try await Self.run(["incident", "list", "--state", "open", "--server", base], in: directory)
        #expect(listed.output.contains("INC-1") && listed.output.contains("acked by dr.adams"), "\(listed.output)")
        #expect(listed.output.contains("1 incident, 1 open; MTTA "), "\(listed.output)")
        #expect(listed.output.contains("(1 of 1 acknowledged within target); MTTR -"), "\(listed.output)")
        let shown = try await Self.run(["incident", "show", "INC-1", "--server", base], in: directory)
        #expect(shown.output.contains("response target: 1 hour"), "\(shown.output)")
        #expect(shown.output.contains("orienting → deciding"), "\(shown.output)")
        #expect(shown.output.contains("observed: "), "Vigil's observation is on the timeline")
        #expect(shown.output.contains("backup resident paged"))
        #expect(try await Self.run(["incident", "show", "INC-9", "--server", base], in: directory).status == 1)
        let postmortem = try await Self.run(["incident", "postmortem", "INC-1", "--server", base], in: directory)
        #expect(postmortem.output.contains("# Post-mortem: INC-1 — Night float called in sick"), "\(postmortem.output)")
        #expect(postmortem.output.contains("backup resident paged"))
        let refused = try await Self.run(
            ["incident", "open", "x", "--by", "y", "--server", base], token: nil, in: directory)
        #expect(refused.status == 1)
        vigil.send(SIGTERM)
        #expect(await vigil.waitForExit(timeout: .seconds(30)) == 0)
    }

    @Test func silencesAreAddedListedAndExpiredAndAlertsListed() async throws {
        let directory = TestDirectory()
        let config = try directory.write(
            "vigil.yml",
            VigilProcessTests.goodConfig.replacingOccurrences(of: "global:\n", with: "global:\n  resolve_timeout: 1h\n")
        )
        try directory.write("data/secrets/api_token", Self.token)
        let (vigil, base) = try await VigilProcessTests.startDaemon(config: config, in: directory)
        let posted = try await CurlTransport().perform(
            .init(
                method: "POST", url: base + "/api/v2/alerts",
                headers: [("Authorization", "Bearer \(Self.token)"), ("Content-Type", "application/json")],
                body: Array(
                    #"[{"labels":{"alertname":"CriticalCoverageGap","severity":"critical"},"annotations":{"summary":"Coverage at 80%"}}]"#
                        .utf8)))
        #expect(posted.status == 200)

        let alerts = try await Self.run(["alerts", "--server", base], in: directory)
        #expect(alerts.status == 0, "\(alerts.output)")
        #expect(alerts.output.contains("CriticalCoverageGap"))
        #expect(alerts.output.contains("Coverage at 80%"))
        #expect(alerts.output.contains("active"))

        let added = try await Self.run(
            [
                "silence", "add", "alertname=CriticalCoverageGap", "--comment", "conference week", "--author",
                "coordinator",
                "--duration", "2h", "--server", base,
            ], in: directory)
        #expect(added.status == 0, "\(added.output)")
        let id = added.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(UUID(uuidString: id) != nil, "\(added.output)")

        let listed = try await Self.run(["silence", "list", "--server", base], in: directory)
        #expect(listed.output.contains(id) && listed.output.contains("conference week"))
        #expect(listed.output.contains(#"alertname="CriticalCoverageGap""#))
        let suppressed = try await Self.run(
            ["alerts", "alertname=CriticalCoverageGap", "--server", base], in: directory)
        #expect(suppressed.output.contains("suppressed"), "\(suppressed.output)")

        let expired = try await Self.run(["silence", "expire", id, "--server", base], in: directory)
        #expect(expired.status == 0)
        #expect(try await Self.run(["silence", "list", "--server", base], in: directory).output.contains(id) == false)
        #expect(
            try await Self.run(["silence", "list", "--expired", "--server", base], in: directory).output.contains(id))

        // Without the token nothing is created, and the command says what is missing.
        let refused = try await Self.run(
            ["silence", "add", "a=b", "--comment", "x", "--server", base], token: nil, in: directory)
        #expect(refused.status == 1)
        #expect(refused.output.contains("VIGIL_API_TOKEN"))
        let wrong = try await Self.run(
            ["silence", "add", "a=b", "--comment", "x", "--server", base], token: String(repeating: "w", count: 40),
            in: directory)
        #expect(wrong.status == 1)
        #expect(wrong.output.contains("401"))
        vigil.send(SIGTERM)
        #expect(await vigil.waitForExit(timeout: .seconds(30)) == 0)
    }
}
