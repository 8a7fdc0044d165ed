import Foundation
import Rules
import Testing
import TimeSeries
import VigilCore

/// Rule files judged as Prometheus 2.42's rulefmt (and promtool check rules) judges them.
@Suite struct RuleFileParserTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/testdata/promtool-v2.42").standardized.path
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized.path

    func errors(_ yaml: String) -> [String] {
        do {
            _ = try RuleFileParser.parse(yaml, file: "r.yml")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test(arguments: [("rules.yml", 5), ("rules_duplicates.yml", 5), ("bad-rules-error.yml", 1)])
    func promtoolFixturesThatPromtoolAcceptsAreAccepted(file: String, rules: Int) throws {
        let parsed = try RuleFileParser.load(path: "\(Self.fixtures)/\(file)")
        #expect(parsed.ruleCount == rules)  // promtool check rules: "SUCCESS: N rules found"
    }

    @Test func unparsableExpressionIsReportedAtTheExprWithPromtoolsWording() {
        let path = "\(Self.fixtures)/bad-rules-syntax.yml"
        #expect(throws: RuleFileError.self) { try RuleFileParser.load(path: path) }
        do {
            _ = try RuleFileParser.load(path: path)
        } catch {
            // promtool 2.42: bad-rules-syntax.yml: 7:15: group "bad-syntax", rule 1, "x": could not parse
            // expression: 1:7: parse error: unexpected end of input
            #expect(
                error.errors.map(\.description) == [
                    "\(path):7:15: group \"bad-syntax\", rule 1, \"x\": could not parse expression: 1:7: parse error: unexpected end of input"
                ])
        }
    }

    @Test func shippedRuleFilesAreValid() throws {
        let scheduler = try RuleFileParser.load(path: "\(Self.repository)/rules/alerts/scheduler_alerts.yml")
        #expect(
            scheduler.groups.map(\.name) == [
                "scheduler_resilience", "scheduler_compliance", "scheduler_tasks", "scheduler_performance",
                "scheduler_security",
            ])
        #expect(scheduler.groups.first?.interval == 30_000)
        #expect(scheduler.ruleCount == 27)
    }

    @Test func readsEveryFieldOfARule() throws {
        let file = try RuleFileParser.parse(
            """
            groups:
              - name: g
                interval: 30s
                limit: 10
                rules:
                  - alert: HighUtilization
                    expr: resilience_utilization_rate > 0.8
                    for: 5m
                    keep_firing_for: 10m
                    labels: {severity: warning, page: true}
                    annotations:
                      summary: "at {{ $value }}"
                  - record: job:x:sum
                    expr: sum by (job) (x)
                    labels: {team: ops}
            """, file: "r.yml")
        let group = try #require(file.groups.first)
        #expect(group.interval == 30_000 && group.limit == 10)
        let alert = group.rules[0]
        #expect(alert.kind == .alerting && alert.name == "HighUtilization")
        #expect(alert.holdDuration == 300_000 && alert.keepFiringFor == 600_000)
        #expect(alert.labels["page"] == "true" && alert.labels["severity"] == "warning")
        #expect(alert.annotations["summary"] == "at {{ $value }}")
        #expect(alert.location.line == 6)
        #expect(group.rules[1].kind == .recording && group.rules[1].labels["team"] == "ops")
    }

    @Test func emptyFileHasNoGroups() throws {
        #expect(try RuleFileParser.parse("", file: "r.yml").groups.isEmpty)
        #expect(try RuleFileParser.parse("groups:\n", file: "r.yml").groups.isEmpty)
    }

    @Test func everyProblemIsReportedWithItsPosition() {
        let found = errors(
            """
            groups:
              - name: g
                rules:
                  - record: 1bad
                    expr: up
                    for: 5m
                  - alert: A
                    record: b
                    expr: up
                  - alert: B
                  - alert: C
                    expr: up
                    labels: {__name__: x, "bad-name": y}
                    annotations: {"a b": c}
                    fore: 5m
              - name: g
                rules: []
              - rules: []
            """)
        #expect(
            found == [
                "r.yml:4:17: group \"g\", rule 1, \"1bad\": invalid recording rule name: 1bad",
                "r.yml:6:14: group \"g\", rule 1, \"1bad\": invalid field 'for' in recording rule",
                "r.yml:8:17: group \"g\", rule 2, \"b\": only one of 'record' and 'alert' must be set",
                "r.yml:10:9: group \"g\", rule 3, \"B\": field 'expr' must be set in rule",
                "r.yml:13:18: group \"g\", rule 4, \"C\": invalid label name: __name__",
                "r.yml:13:31: group \"g\", rule 4, \"C\": invalid label name: bad-name",
                "r.yml:14:23: group \"g\", rule 4, \"C\": invalid annotation name: a b",
                "r.yml:15:9: groups[0].rules[3].fore: unknown key \"fore\"; did you mean \"for\"?",
                "r.yml:16:11: groups[1].name: groupname: \"g\" is repeated in the same file",
                "r.yml:18:5: groups[2]: Groupname must not be empty",
            ])
    }

    @Test func badDurationIsAnError() {
        let found = errors("groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        for: 5x\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("r.yml:6:14: groups[0].rules[0].for:") == true)
    }
}
