import Foundation
import PromQL
import Rules
import TestSupport
import Testing
import TimeSeries
import VigilCore

/// Rule files read as Prometheus 2.42's rulefmt reads them: the fields, the fixtures promtool accepts,
/// and the shapes of file (empty, several documents, null entries) Go's yaml decoder tolerates.
@Suite struct RuleFileParserTests {
    static let fixtures = SharedFiles.promtoolFixtures ?? SharedFiles.absent
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized.path

    @Test(
        .enabled(if: SharedFiles.promtoolFixtures != nil, Comment(rawValue: SharedFiles.promtoolFixturesReason)),
        arguments: [
            ("rules.yml", 5), ("rules_duplicates.yml", 5), ("bad-rules-error.yml", 1), ("prometheus-rules.lint.yml", 2),
        ])
    func promtoolFixturesThatPromtoolAcceptsAreAccepted(file: String, rules: Int) throws {
        let parsed = try RuleFileParser.load(path: "\(Self.fixtures)/\(file)")
        // promtool check rules 2.42: "SUCCESS: 5 rules found" / "1 rules found"; the two lint fixtures
        // hold 5 and 2 rules (counted in the files).
        #expect(parsed.ruleCount == rules)
    }

    @Test(.enabled(if: SharedFiles.promtoolFixtures != nil, Comment(rawValue: SharedFiles.promtoolFixturesReason)))
    func unparsableExpressionIsReportedAtTheExprWithPromtoolsWording() {
        let path = "\(Self.fixtures)/bad-rules-syntax.yml"
        // promtool 2.42: bad-rules-syntax.yml: 7:15: group "bad-syntax", rule 1, "x": could not parse
        // expression: 1:7: parse error: unexpected end of input
        #expect(
            RuleFileProblems.of(path: path) == [
                "\(path):7:15: group \"bad-syntax\", rule 1, \"x\": could not parse expression: 1:7: parse error: unexpected end of input"
            ])
    }

    @Test func anUnreadableFileIsAnErrorNamingIt() {
        #expect(RuleFileProblems.of(path: "/nonexistent/r.yml") == ["/nonexistent/r.yml: cannot read rule file"])
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
                    labels: {severity: warning, page: true, ratio: 1.5}
                    annotations:
                      summary: "at {{ $value }}"
                  - record: job:x:sum
                    expr: sum by (job) (x)
                    labels: {team: ops}
            """, file: "r.yml")
        let group = try #require(file.groups.first)
        #expect(group.name == "g" && group.interval == 30_000 && group.limit == 10)
        #expect(group.location.line == 2 && group.location.column == 5)
        let alert = group.rules[0]
        #expect(alert.kind == .alerting && alert.name == "HighUtilization")
        #expect(alert.expressionText == "resilience_utilization_rate > 0.8")
        #expect(alert.expression.type == .vector)
        #expect(alert.holdDuration == 300_000 && alert.keepFiringFor == 600_000)
        // Go's yaml hands unquoted booleans and numbers to a string field as written.
        #expect(alert.labels == Labels(["page": "true", "ratio": "1.5", "severity": "warning"]))
        #expect(alert.annotations == Labels(["summary": "at {{ $value }}"]))
        #expect(alert.location.line == 6 && alert.location.column == 9)
        let record = group.rules[1]
        #expect(record.kind == .recording && record.name == "job:x:sum" && record.labels == Labels(["team": "ops"]))
        #expect(record.holdDuration == 0 && record.annotations.isEmpty)
    }

    @Test func anIntervalOfZeroMeansTheGlobalIntervalAndANegativeLimitIsAccepted() throws {
        // rules/manager.go uses the global interval when rg.Interval == 0; promtool accepts limit: -1.
        let file = try RuleFileParser.parse(
            "groups:\n  - name: g\n    limit: -1\n    interval: 0s\n    rules:\n      - record: x\n        expr: up\n",
            file: "r.yml")
        #expect(file.groups.first?.interval == nil)
        #expect(file.groups.first?.limit == -1)
    }

    @Test(arguments: [
        "", "# nothing\n", "groups:\n", "groups: []\n",
        "---\n---\ngroups: [{name: g, rules: [{record: x, expr: up}]}]\n",
    ])
    func filesWithoutGroupsAreValid(text: String) throws {
        // promtool check rules on each: "SUCCESS: 0 rules found" (the last has an empty first document).
        #expect(try RuleFileParser.parse(text, file: "r.yml").groups.isEmpty)
    }

    @Test func onlyTheFirstDocumentIsRead() throws {
        // promtool: "SUCCESS: 1 rules found" on both; the later documents are broken YAML and ignored.
        let plain =
            "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: up\n---\ngroups:\n  - name: h\n    rules:\n      - record: [\n"
        #expect(try RuleFileParser.parse(plain, file: "r.yml").groups.map(\.name) == ["g"])
        let marked = "%YAML 1.1\n---\ngroups:\n  - name: g\n    rules: [{record: x, expr: up}]\n...\n---\n[bad\n"
        #expect(try RuleFileParser.parse(marked, file: "r.yml").ruleCount == 1)
        // The same with Windows line ends (promtool: "SUCCESS: 1 rules found").
        let crlf = "groups:\r\n  - name: g\r\n    rules:\r\n      - record: a\r\n        expr: up\r\n---\r\n[bad\r\n"
        #expect(try RuleFileParser.parse(crlf, file: "r.yml").ruleCount == 1)
    }

    @Test func problemsInTheFirstDocumentKeepTheirLines() {
        // "---" on line 1 and the bad expression on line 5, column 15 (after "        expr: ").
        let text = "---\ngroups:\n  - name: g\n    rules:\n      - record: x\n        expr: 'up +'\n---\n"
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:6:15: group \"g\", rule 1, \"x\": could not parse expression: 1:5: parse error: unexpected end of input"
            ])
    }

    @Test func nullListEntriesAreSkippedAsGoDoes() throws {
        // promtool on "name: 5, rules: [~]": "SUCCESS: 0 rules found".
        let file = try RuleFileParser.parse("groups:\n  - name: 5\n    rules: [~]\n  - ~\n", file: "r.yml")
        #expect(file.groups.map(\.name) == ["5"])
        #expect(file.ruleCount == 0)
    }

    @Test func nullLabelValuesReadAsEmpty() throws {
        // promtool accepts `labels: {a: ~}`; an empty value is an absent label in Prometheus.
        let file = try RuleFileParser.parse(
            "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        labels: {a: ~, b: x}\n",
            file: "r.yml")
        #expect(file.groups.first?.rules.first?.labels == Labels(["b": "x"]))
    }

    @Test func recordAlertAndExprAreTakenAsWrittenLikeGosYamlNode() throws {
        // Prometheus keeps these three as yaml.Node and uses their text: `alert: ~` is an alert named "~"
        // and an `alert:` mapping next to `record:` is ignored (promtool: "SUCCESS: 1 rules found" on each).
        let null = try RuleFileParser.parse(
            "groups:\n  - name: g\n    rules:\n      - alert: ~\n        expr: up\n", file: "r.yml")
        #expect(null.groups.first?.rules.first?.name == "~")
        let mapping = try RuleFileParser.parse(
            "groups:\n  - name: g\n    rules:\n      - record: x\n        alert: {a: b}\n        expr: up\n",
            file: "r.yml")
        #expect(mapping.groups.first?.rules.first?.kind == .recording)
    }

    @Test func recordingRuleLabelsAreNotTemplates() throws {
        // promtool accepts "{{ bad" as a recording rule's label value: only alerting rules' are parsed.
        let file = try RuleFileParser.parse(
            "groups:\n  - name: g\n    rules:\n      - record: \"a:b\"\n        expr: up\n        labels: {__x: \"{{ bad\"}\n",
            file: "r.yml")
        #expect(file.groups.first?.rules.first?.labels["__x"] == "{{ bad")
    }
}

/// The problems a rule file has, as printed lines.
enum RuleFileProblems {
    static func of(_ yaml: String, file: String = "r.yml") -> [String] {
        do {
            _ = try RuleFileParser.parse(yaml, file: file)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    static func of(path: String) -> [String] {
        do {
            _ = try RuleFileParser.load(path: path)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }
}
