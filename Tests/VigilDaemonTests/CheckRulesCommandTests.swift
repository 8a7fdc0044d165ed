import Foundation
import TestSupport
import Testing

/// `vigil check rules` and the rule files `vigil check config` follows, run as the built binary.
@Suite struct CheckRulesCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/testdata/promtool-v2.42").standardized.path

    @Test func validFilesPrintTheirRuleCountsAsPromtoolDoes() async throws {
        let directory = TestDirectory()
        let result = try await VigilProcess.runToCompletion(
            ["check", "rules", "\(Self.fixtures)/rules.yml", "\(Self.fixtures)/bad-rules-error.yml"],
            directory: directory.path)
        #expect(result.status == 0, "\(result.output)")
        // promtool check rules 2.42 on the same files: 5 and 1 rules.
        #expect(result.output.contains("Checking \(Self.fixtures)/rules.yml\n  SUCCESS: 5 rules found\n"))
        #expect(result.output.contains("  SUCCESS: 1 rules found"))
    }

    @Test func duplicateRulesAreAWarningNotAFailure() async throws {
        let directory = TestDirectory()
        let result = try await VigilProcess.runToCompletion(
            ["check", "rules", "\(Self.fixtures)/rules_duplicates.yml"], directory: directory.path)
        #expect(result.status == 0)
        #expect(result.output.contains("WARNING: lint: 1 duplicate rule(s) found.\nMetric: job:test:count_over_time1m"))
    }

    @Test func anInvalidFileFailsWithItsPosition() async throws {
        let path = "\(Self.fixtures)/bad-rules-syntax.yml"
        let directory = TestDirectory()
        let result = try await VigilProcess.runToCompletion(
            ["check", "rules", "\(Self.fixtures)/rules.yml", path], directory: directory.path)
        #expect(result.status == 1)
        #expect(result.output.contains("FAILED"))
        #expect(result.output.contains("\(path):7:15: group \"bad-syntax\", rule 1, \"x\": could not parse expression"))
        let none = try await VigilProcess.runToCompletion(["check", "rules"], directory: directory.path)
        #expect(none.status == 2)
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
}
