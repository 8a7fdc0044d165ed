import Foundation
import Rules
import TestSupport
import Testing
import TimeSeries

/// promtool's duplicate-rule lint: same name and labels anywhere in one file.
@Suite struct RuleFileLintTests {
    static let fixtures = SharedFiles.promtoolFixtures ?? SharedFiles.absent

    @Test(.enabled(if: SharedFiles.promtoolFixtures != nil, Comment(rawValue: SharedFiles.promtoolFixturesReason)))
    func promtoolsFixturesHaveTheDuplicatesPromtoolReports() throws {
        // promtool 2.42: "lint error 1 duplicate rule(s) found.\nMetric: job:test:count_over_time1m\nLabel(s):\n…"
        let recorded = try RuleFileParser.load(path: "\(Self.fixtures)/rules_duplicates.yml")
        #expect(
            RuleLint.duplicates(in: recorded) == [
                RuleLint.Duplicate(name: "job:test:count_over_time1m", labels: Labels())
            ])
        let alerts = try RuleFileParser.load(path: "\(Self.fixtures)/prometheus-rules.lint.yml")
        let duplicates = RuleLint.duplicates(in: alerts)
        #expect(duplicates == [RuleLint.Duplicate(name: "HighRequestLatency", labels: Labels(["severity": "page"]))])
        // promtool's text after its "lint error " prefix, byte for byte.
        #expect(
            RuleLint.message(for: duplicates)
                == "1 duplicate rule(s) found.\nMetric: HighRequestLatency\nLabel(s):\n\tseverity: page\n"
                + "Might cause inconsistency while recording expressions")
    }

    @Test func differentLabelsOrNamesAreNotDuplicatesAndThreeCopiesCountOnce() throws {
        let file = try RuleFileParser.parse(
            """
            groups:
              - name: a
                rules:
                  - {alert: X, expr: up, labels: {severity: page}}
                  - {alert: X, expr: up, labels: {severity: ticket}}
                  - {record: y, expr: up}
                  - {record: y, expr: down}
              - name: b
                rules:
                  - {record: y, expr: up}
                  - {record: z, expr: up}
            """, file: "r.yml")
        // y appears three times (across groups, expressions ignored): one duplicate; X differs by label.
        #expect(RuleLint.duplicates(in: file) == [RuleLint.Duplicate(name: "y", labels: Labels())])
        #expect(RuleLint.duplicates(in: RuleFile(path: "r.yml", groups: [])).isEmpty)
    }
}
