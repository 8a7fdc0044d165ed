import Foundation
import TestSupport
import Testing

/// `vigil test rules` run as the built binary on promtool's own fixtures and on the shipped rule tests:
/// it must end as promtool 2.42 does (exit status; and, where promtool is installed, the same report).
@Suite struct TestRulesCommandTests {
    static let fixtures = SharedFiles.promtoolFixtures ?? SharedFiles.absent
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized.path

    /// The outcomes ../shared/testdata/README.md lists for promtool 2.42 (0 pass, 1 fail).
    @Test(
        .enabled(if: SharedFiles.promtoolFixtures != nil, Comment(rawValue: SharedFiles.promtoolFixturesReason)),
        arguments: [
            ("unittest.yml", Int32(0)), ("long-period.yml", 0), ("at-modifier-test.yml", 0),
            ("negative-offset-test.yml", 0), ("bad-input-series.yml", 1), ("bad-promql.yml", 1),
            ("bad-rules-syntax-test.yml", 1), ("bad-rules-error-test.yml", 1), ("failing.yml", 1),
        ])
    func endsAsPromtoolDoesOnItsFixtures(file: String, status: Int32) async throws {
        let result = try await VigilProcess.runToCompletion(["test", "rules", file], directory: Self.fixtures)
        #expect(result.status == status, "\(result.output)")
        #expect(result.output.hasPrefix("Unit Testing:  \(file)\n"))
        #expect(result.output.contains(status == 0 ? "  SUCCESS\n" : "  FAILED:\n"))
        if let promtool = VigilProcessTests.promtool {
            // promtool names the two series of a many-to-many error in either order from run to run
            // (bad-promql.yml); Vigil's one answer must be among promtool's.
            var answers: [String] = []
            for _ in 0..<10 {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: promtool)
                process.arguments = ["test", "rules", file]
                process.currentDirectoryURL = URL(fileURLWithPath: Self.fixtures)
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                try process.run()
                let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == status)
                answers.append(output)
                if output == result.output { break }
            }
            #expect(answers.contains(result.output), "vigil:\n\(result.output)\npromtool:\n\(answers.last ?? "")")
        }
    }

    @Test(.enabled(if: SharedFiles.promtoolFixtures != nil, Comment(rawValue: SharedFiles.promtoolFixturesReason)))
    func failuresShowPromtoolsExpectedAndGotBlocks() async throws {
        let result = try await VigilProcess.runToCompletion(["test", "rules", "failing.yml"], directory: Self.fixtures)
        #expect(
            result.output.contains(
                """
                    expr: "test", time: 0s,
                        exp: {__name__="test"} 1E+00
                        got: {__name__="test"} 0E+00
                """))
        #expect(result.output.contains("    name: Failing alert test,\n    alertname: InstanceDown, time: 5m, \n"))
    }

    @Test func theShippedRuleTestsPass() async throws {
        let tests = try FileManager.default.contentsOfDirectory(atPath: "\(Self.repository)/rules/tests")
            .filter { $0.hasSuffix(".yml") }.sorted()
        #expect(!tests.isEmpty)
        let result = try await VigilProcess.runToCompletion(
            ["test", "rules"] + tests.map { "rules/tests/\($0)" }, directory: Self.repository)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.components(separatedBy: "  SUCCESS").count == tests.count + 1)
    }

    @Test func noFilesIsAUsageError() async throws {
        let directory = TestDirectory()
        let result = try await VigilProcess.runToCompletion(["test", "rules"], directory: directory.path)
        #expect(result.status == 2)
    }
}
