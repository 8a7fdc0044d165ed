import Foundation
import TestSupport
import Testing

/// `vigil check rules` and the rule files `vigil check config` follows, run as the built binary.
@Suite struct CheckRulesCommandTests {
    static let fixtures = SharedFiles.promtoolFixtures ?? SharedFiles.absent

    @Test(.enabled(if: SharedFiles.promtoolFixtures != nil, Comment(rawValue: SharedFiles.promtoolFixturesReason)))
    func validFilesPrintTheirRuleCountsAsPromtoolDoes() async throws {
        let directory = TestDirectory()
        let result = try await VigilProcess.runToCompletion(
            ["check", "rules", "\(Self.fixtures)/rules.yml", "\(Self.fixtures)/bad-rules-error.yml"],
            directory: directory.path)
        #expect(result.status == 0, "\(result.output)")
        // promtool check rules 2.42 on the same files: 5 and 1 rules.
        #expect(result.output.contains("Checking \(Self.fixtures)/rules.yml\n  SUCCESS: 5 rules found\n"))
        #expect(result.output.contains("  SUCCESS: 1 rules found"))
    }

    @Test(.enabled(if: SharedFiles.promtoolFixtures != nil, Comment(rawValue: SharedFiles.promtoolFixturesReason)))
    func duplicateRulesAreAWarningInPromtoolsWordsNotAFailure() async throws {
        let directory = TestDirectory()
        let result = try await VigilProcess.runToCompletion(
            ["check", "rules", "\(Self.fixtures)/prometheus-rules.lint.yml"], directory: directory.path)
        // promtool 2.42 exits 0 on this file and prints the lint below (after "  FAILED:", where we warn).
        #expect(result.status == 0, "\(result.output)")
        #expect(
            result.output.contains(
                """
                  SUCCESS: 2 rules found
                  WARNING:
                lint error 1 duplicate rule(s) found.
                Metric: HighRequestLatency
                Label(s):
                \tseverity: page
                Might cause inconsistency while recording expressions

                """), "\(result.output)")
    }

    @Test(.enabled(if: SharedFiles.promtoolFixtures != nil, Comment(rawValue: SharedFiles.promtoolFixturesReason)))
    func anInvalidFileFailsWithEveryProblemWhileTheOthersAreStillChecked() async throws {
        let directory = TestDirectory()
        let bad = try directory.write(
            "bad.yml",
            "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: up\n        for: 5m\n  - name: g\n")
        let result = try await VigilProcess.runToCompletion(
            ["check", "rules", bad, "\(Self.fixtures)/rules.yml"], directory: directory.path)
        #expect(result.status == 1)
        // promtool on the same text: "4:17: … invalid field 'for' in recording rule" and
        // "7:5: groupname: \"g\" is repeated in the same file"; then the next file is still checked.
        #expect(
            result.output.contains(
                """
                Checking \(bad)
                  FAILED:
                \(bad):4:17: group "g", rule 1, "a": invalid field 'for' in recording rule
                \(bad):7:5: groupname: "g" is repeated in the same file

                Checking \(Self.fixtures)/rules.yml
                  SUCCESS: 5 rules found

                """), "\(result.output)")
    }

    @Test func checkConfigAlsoChecksTheRuleFilesItNames() async throws {
        let directory = TestDirectory()
        try directory.write(
            "rules/good.yml", "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: '1'\n")
        try directory.write("rules/bad.yml", "groups:\n  - name: g\n    rules:\n      - record: a\n")
        let config = try directory.write("vigil.yml", "rule_files: [\"rules/*.yml\"]\n")
        let result = try await VigilProcess.runToCompletion(["check", "config", config], directory: directory.path)
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("  SUCCESS: 2 rule files found"))
        #expect(result.output.contains("good.yml\n  SUCCESS: 1 rules found"))
        #expect(result.output.contains("bad.yml:4:9: group \"g\", rule 1, \"a\": field 'expr' must be set in rule"))
    }

    @Test func checkConfigChecksTheEscalationFilesAgainstTheReceivers() async throws {
        let directory = TestDirectory()
        try directory.write(
            "escalation.yml",
            "route:\n  receiver: oncall\n  routes:\n    - matchers: ['severity=\"critical\"']\n      receiver: pager\n")
        let config = try directory.write(
            "vigil.yml", "escalation_files: [\"escalation.yml\"]\nreceivers:\n  - name: oncall\n")
        let result = try await VigilProcess.runToCompletion(["check", "config", config], directory: directory.path)
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("Checking escalation files: "))
        #expect(result.output.contains("escalation.yml:5:17: route.routes[0].receiver: undefined receiver \"pager\""))

        try directory.write(
            "vigil.yml", "escalation_files: [\"escalation.yml\"]\nreceivers:\n  - name: oncall\n  - name: pager\n")
        let fixed = try await VigilProcess.runToCompletion(["check", "config", config], directory: directory.path)
        #expect(fixed.status == 0, "\(fixed.output)")
        #expect(fixed.output.contains("  SUCCESS: 2 routes, 0 inhibit rules, 0 time intervals"))
    }

    @Test func theShippedConfigurationAndEscalationFileAreValid() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../..").standardized.path
        let result = try await VigilProcess.runToCompletion(
            ["check", "config", "etc/vigil.yml"], directory: repository)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("rules/escalation.yml"))
        #expect(result.output.contains("  SUCCESS: 5 routes, 2 inhibit rules, 1 time intervals"))
    }
}
