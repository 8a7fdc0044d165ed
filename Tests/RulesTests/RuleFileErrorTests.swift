import Rules
import Testing

/// Every kind of problem rulefmt finds, each at its `FILE:LINE:COL` and in promtool 2.42's words.
///
/// Where promtool prints a position the expected one is promtool's, observed on the same text; where it
/// prints none (label and template problems) the position is counted by hand in the YAML (columns are
/// 1-based: the offending key or value starts after the indentation and the text before it).
@Suite struct RuleFileErrorTests {
    @Test func recordingRuleRestrictionsAreReportedAtTheRecordName() {
        // promtool: 4:17 (the value of `record:` on line 4) three times, then 9:17.
        let text = """
            groups:
              - name: g
                rules:
                  - record: a
                    expr: up
                    for: 5m
                    keep_firing_for: 1m
                    annotations: {a: b}
                  - record: 1bad
                    expr: up
            """
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:4:17: group \"g\", rule 1, \"a\": invalid field 'annotations' in recording rule",
                "r.yml:4:17: group \"g\", rule 1, \"a\": invalid field 'for' in recording rule",
                "r.yml:4:17: group \"g\", rule 1, \"a\": invalid field 'keep_firing_for' in recording rule",
                "r.yml:9:17: group \"g\", rule 2, \"1bad\": invalid recording rule name: 1bad",
            ])
    }

    @Test func zeroForAndEmptyAnnotationsAreAllowedOnARecordingRule() {
        // rulefmt tests `r.For != 0` and `len(r.Annotations) > 0`; promtool: "SUCCESS: 1 rules found".
        let text =
            "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: up\n        for: 0s\n        annotations: {}\n"
        #expect(RuleFileProblems.of(text).isEmpty)
    }

    @Test func bothRecordAndAlertNamesBothPositionsAsPromtoolDoes() {
        // promtool: both.yml: 5:17: 4:16: group "g", rule 1, "A": only one of 'record' and 'alert' must be set
        let text = "groups:\n  - name: g\n    rules:\n      - alert: A\n        record: b\n        expr: up\n"
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:5:17: 4:16: group \"g\", rule 1, \"A\": only one of 'record' and 'alert' must be set"
            ])
    }

    @Test func aNullRecordNextToAnAlertIsARecordNamedTilde() {
        // promtool on `alert: A` + `record: ~`: the "only one" error and "invalid recording rule name: ~".
        let text = "groups:\n  - name: g\n    rules:\n      - alert: A\n        record: ~\n        expr: up\n"
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:5:17: 4:16: group \"g\", rule 1, \"A\": only one of 'record' and 'alert' must be set",
                "r.yml:5:17: group \"g\", rule 1, \"A\": invalid recording rule name: ~",
            ])
    }

    @Test func neitherRecordNorAlertIsReportedAtTheRule() {
        // promtool says 0:0 (the absent record node) with the same words; the rule starts at 4:9.
        let text = "groups:\n  - name: g\n    rules:\n      - expr: up\n"
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:4:9: group \"g\", rule 1, \"\": one of 'record' or 'alert' must be set"
            ])
    }

    @Test(arguments: [("expr: \"\"", "5:15"), ("expr: [up]", "5:15"), ("labels: {}", "4:9")])
    func aMissingOrEmptyExpressionIsReported(line: String, position: String) {
        // promtool: 5:15 for an empty string and for a list (Go reads a list's text as ""); an absent
        // expr has no node (promtool: 0:0), so the rule's own position 4:9 is used.
        let text = "groups:\n  - name: g\n    rules:\n      - record: x\n        \(line)\n"
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:\(position): group \"g\", rule 1, \"x\": field 'expr' must be set in rule"
            ])
    }

    @Test func aMultiLineExpressionErrorIsAtTheBlockIndicatorWithTheLineInsideTheExpression() {
        // promtool: 5:15: group "g", rule 1, "x": could not parse expression: 3:1: parse error: unclosed
        // left parenthesis
        let text =
            "groups:\n  - name: g\n    rules:\n      - record: x\n        expr: |\n          sum(\n            up\n\n"
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:5:15: group \"g\", rule 1, \"x\": could not parse expression: 3:1: parse error: unclosed left parenthesis"
            ])
    }

    @Test func groupNamesMustBePresentAndUnique() {
        // promtool, positions of the group entries included: 4:5 repeated, 6:5 empty, 7:5 empty and repeated.
        let text = """
            groups:
              - name: g
                rules: []
              - name: g
                rules: []
              - rules: []
              - rules: []
            """
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:4:5: groupname: \"g\" is repeated in the same file",
                "r.yml:6:5: Groupname must not be empty",
                "r.yml:7:5: Groupname must not be empty",
                "r.yml:7:5: groupname: \"\" is repeated in the same file",
            ])
    }

    @Test func invalidLabelAndAnnotationNamesAreReportedAtTheKey() {
        // promtool (no positions): invalid label name: __name__, bad-name; invalid annotation name: a b.
        // Line 6 is `        labels: {__name__: x, "bad-name": y}`: `__name__` at column 18, `"bad-name"` at
        // 31; line 7 `        annotations: {"a b": c}`: `"a b"` at 23.
        let text = """
            groups:
              - name: g
                rules:
                  - alert: A
                    expr: up
                    labels: {__name__: x, "bad-name": y}
                    annotations: {"a b": c}
            """
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:6:18: group \"g\", rule 1, \"A\": invalid label name: __name__",
                "r.yml:6:31: group \"g\", rule 1, \"A\": invalid label name: bad-name",
                "r.yml:7:23: group \"g\", rule 1, \"A\": invalid annotation name: a b",
            ])
    }

    @Test func alertTemplatesThatDoNotParseAreReportedAtTheirValue() {
        // promtool: label "ok": template: __alert_A:1: unclosed action; annotation "s": template:
        // __alert_A:1: unexpected {{end}}. Line 6 `        labels: {ok: "{{ .Foo "}`: the value at column 22;
        // line 7 `        annotations: {s: "{{ end }}"}`: at 26.
        let text = """
            groups:
              - name: g
                rules:
                  - alert: A
                    expr: up
                    labels: {ok: "{{ .Foo "}
                    annotations: {s: "{{ end }}"}
            """
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:6:22: group \"g\", rule 1, \"A\": label \"ok\": template: __alert_A:1: unclosed action",
                "r.yml:7:26: group \"g\", rule 1, \"A\": annotation \"s\": template: __alert_A:1: unexpected {{end}}",
            ])
    }

    @Test func unknownFieldsAreReportedAtEveryLevel() {
        // promtool: field foo not found in type rulefmt.RuleGroup (line 3), fore in RuleNode (line 7),
        // bar in RuleGroups (line 8); columns are where the keys start.
        let text = """
            groups:
              - name: g
                foo: 1
                rules:
                  - alert: A
                    expr: up
                    fore: 5m
            bar: 2
            """
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:3:5: groups[0].foo: unknown key \"foo\" (known keys: interval, limit, name, rules)",
                "r.yml:7:9: groups[0].rules[0].fore: unknown key \"fore\"; did you mean \"for\"?",
                "r.yml:8:1: bar: unknown key \"bar\" (known keys: groups)",
            ])
    }

    @Test func badDurationsAndLimitsAreEachReported() {
        // promtool stops at the first ("not a valid duration string: \"5x\""); every one is shown here:
        // interval's value at 3:15, limit's at 4:12, for's at 8:14.
        let text = """
            groups:
              - name: g
                interval: 5x
                limit: abc
                rules:
                  - alert: A
                    expr: up
                    for: 5
                    keep_firing_for: 1q
            """
        let found = RuleFileProblems.of(text)
        #expect(
            found.map { $0.split(separator: ":").prefix(4).joined(separator: ":") } == [
                "r.yml:3:15: groups[0].interval", "r.yml:4:12: groups[0].limit", "r.yml:8:14: groups[0].rules[0].for",
                "r.yml:9:26: groups[0].rules[0].keep_firing_for",
            ])
    }

    @Test func aQuotedLimitIsNotAnInteger() {
        // promtool: cannot unmarshal !!str `5` into int (line 3).
        let text = "groups:\n  - name: g\n    limit: \"5\"\n    rules: []\n"
        #expect(RuleFileProblems.of(text) == ["r.yml:3:12: groups[0].limit: expected an integer, got \"5\""])
    }

    @Test func yamlSyntaxErrorsArePositioned() {
        // promtool: "yaml: line 1: did not find expected '-' indicator"; libyaml's mark is line 3, column 4.
        let found = RuleFileProblems.of("groups:\n  - name: g\n   rules: [\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("r.yml:3:4: YAML syntax error: did not find expected '-' indicator") == true)
    }

    @Test func wrongShapesAreReported() {
        // promtool rejects each: a list at the top, groups as a mapping, a rule that is a string.
        #expect(RuleFileProblems.of("- a\n") == ["r.yml:1:1: expected a mapping, got a list"])
        #expect(RuleFileProblems.of("groups: {}\n") == ["r.yml:1:9: groups: expected a list, got a mapping"])
        #expect(
            RuleFileProblems.of("groups:\n  - name: g\n    rules: [foo]\n")
                == ["r.yml:3:13: groups[0].rules[0]: expected a mapping, got \"foo\""])
    }

    @Test func problemsFromSeveralRulesAndGroupsAreAllCollected() {
        let text = """
            groups:
              - name: g
                rules:
                  - record: x
                    expr: up +
                  - alert: B
              - name: g
                rules:
                  - record: y
                    expr: up
                    for: 1m
            """
        // promtool prints the same four, in this order, with 0:0 for the absent expr of rule 2 (the rule
        // starts at 6:9).
        #expect(
            RuleFileProblems.of(text) == [
                "r.yml:5:15: group \"g\", rule 1, \"x\": could not parse expression: 1:5: parse error: unexpected end of input",
                "r.yml:6:9: group \"g\", rule 2, \"B\": field 'expr' must be set in rule",
                "r.yml:7:5: groupname: \"g\" is repeated in the same file",
                "r.yml:9:17: group \"g\", rule 1, \"y\": invalid field 'for' in recording rule",
            ])
    }
}
