import PromQL
import Rules
import Testing
import TimeSeries
import VigilCore

/// Alert templates against promtool 2.42's own expansions (observed with `promtool test rules` on a rule
/// whose annotations are these templates, series x{instance="h1", job="j"} = 123.456).
@Suite struct TemplateTests {
    static let data = TemplateData(
        labels: Labels(["__name__": "x", "instance": "h1", "job": "j"]), value: 123.456, externalLabels: Labels(),
        externalURL: "", evaluationTime: 0)
    static func query(_ text: String) throws -> [VectorSample] {
        [VectorSample(labels: Labels(["__name__": "x", "instance": "h1", "job": "j"]), timestamp: 0, value: 123.456)]
    }

    func expand(_ text: String) throws -> String {
        try AlertTemplate(text, name: "__alert_T").expand(Self.data, query: Self.query)
    }

    @Test(
        arguments: [
            (
                "{{ $value }} {{ $labels.instance }} {{ $labels.missing }} {{ .Value | humanize }}",
                "123.456 h1  123.5"
            ),
            (
                "{{ humanize 1234567 }} {{ humanize 0.000123 }} {{ humanize1024 1048576 }} {{ humanizeDuration 3661 }} {{ humanizeDuration 0.25 }} {{ humanizePercentage 0.12345 }}",
                "1.235M 123u 1Mi 1h 1m 1s 250ms 12.35%"
            ),
            (
                #"{{ humanizeTimestamp 1789387200.5 }} {{ printf "%.2f|%5.1f|%e|%g|%s|%d|%q|%v" 3.14159 2.0 1234.5 0.00001 "s" 42 "q" 1.5 }}"#,
                #"2026-09-14 12:00:00.5 +0000 UTC 3.14|  2.0|1.234500e+03|1e-05|s|42|"q"|1.5"#
            ),
            (
                #"{{ toUpper "ab" }} {{ title "hello world" }} {{ reReplaceAll "(a+)b" "<$1>" "xaab" }} {{ match "^a" "abc" }} {{- "  trimmed" }}"#,
                "AB Hello World x<aa> true  trimmed"
            ),
            (
                #"{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }} {{ with $labels.instance }}[{{ . }}]{{ end }} {{ len $labels }} {{ index $labels "job" }}"#,
                "__name__=x;instance=h1;job=j; [h1] 3 j"
            ),
            (
                #"{{ with query "x" }}{{ . | first | value }} {{ (first .).Labels.instance }}{{ end }} {{ $externalURL }} {{ printf "%d" 1.5 }}"#,
                "123.456 h1  %!d(float64=1.5)"
            ),
            ("{{ if gt $value 100.0 }}high{{ else }}low{{ end }}", "high"),
            ("{{ if lt $value 1.0 }}a{{ else if lt $value 200.0 }}b{{ else }}c{{ end }}", "b"),
            ("{{/* a comment */}}x{{ $v := 2.5 }}{{ $v }}", "x2.5"),
        ] as [(String, String)])
    func expandsAsPromtoolDoes(template: String, expected: String) throws {
        #expect(try expand(template) == expected)
    }

    @Test func syntaxErrorsAreReportedAtParse() {
        #expect(throws: TemplateError.self) { try AlertTemplate("{{ if $value }}x", name: "__alert_T") }
        #expect(throws: TemplateError.self) { try AlertTemplate("{{ $value", name: "__alert_T") }
        #expect(throws: TemplateError.self) { try AlertTemplate(#"{{ "unterminated }}"#, name: "__alert_T") }
    }

    /// Found by the template fuzzer (`make fuzz`): a backslash ending an action inside a quoted
    /// string made the lexer step past the end of the text and trap, which at rule load would have
    /// ended the daemon.
    @Test(arguments: [#"{{"\"#, #"{{'\"#, #"x {{ printf "%s\"#, #"{{ "a\"b" }}"#])
    func aBackslashAtTheEndOfAQuotedStringIsAnErrorNotATrap(text: String) throws {
        if text == #"{{ "a\"b" }}"# {
            #expect(try expand(text) == #"a"b"#)
        } else {
            #expect(throws: TemplateError.self) { try AlertTemplate(text, name: "__alert_T") }
        }
    }

    /// Also found by the fuzzer: an integer constant past Int64 trapped at expansion (Go reports
    /// "overflows int"), and a printf width or precision of billions would have allocated them.
    @Test func hugeNumbersAreErrorsAndHugeWidthsAreRefusedAsGoRefusesThem() throws {
        #expect(throws: TemplateError.self) { try expand("{{ 10000000000000000000 }}") }
        #expect(throws: TemplateError.self) { try expand("{{ 0xFFFFFFFFFFFFFFFFFF }}") }
        #expect(try expand(#"{{ printf "%999999999d" 1 }}"#) == "%!(BADWIDTH)1")
        #expect(try expand(#"{{ printf "%.999999999f" 1.5 }}"#) == "%!(BADPREC)1.500000")
        #expect(try expand(#"{{ printf "%5.1f|%.f" 1.25 2.5 }}"#) == "  1.2|2")
    }

    /// And: thousands of nested parentheses or blocks overflowed the stack; past 100 they are an error.
    @Test func deeplyNestedParenthesesAreAnErrorNotAStackOverflow() throws {
        let deep = "{{ " + String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000) + " }}"
        #expect(throws: TemplateError.self) { try AlertTemplate(deep, name: "__alert_T") }
        let fine = "{{ " + String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100) + " }}"
        #expect(try expand(fine) == "1")
        for block in ["{{if 1}}", "{{with 1}}", "{{range $labels}}"] {
            let nested = String(repeating: block, count: 5_000) + "x" + String(repeating: "{{end}}", count: 5_000)
            #expect(throws: TemplateError.self) { try AlertTemplate(nested, name: "__alert_T") }
        }
        let ninetyNine = String(repeating: "{{if 1}}", count: 99) + "x" + String(repeating: "{{end}}", count: 99)
        #expect(try expand(ninetyNine) == "x")
    }

    @Test func expansionErrorsNameTheProblem() throws {
        #expect(throws: TemplateError("template: __alert_T:1: function \"nope\" not defined")) {
            try AlertTemplate("{{ nope 1 }}", name: "__alert_T")
        }
        #expect(throws: TemplateError("error calling first: first() called on vector with no elements")) {
            try AlertTemplate(#"{{ query "y" | first }}"#, name: "t").expand(Self.data) { _ in [] }
        }
        #expect(throws: TemplateError("error calling gt: incompatible types for comparison")) {
            try expand("{{ if gt $value 1 }}x{{ end }}")
        }
    }

    @Test func alertingRulesExpandLabelsAndAnnotationsAndShowErrorsInline() throws {
        let store = SeriesStore()
        store.append(Labels(["__name__": "x", "instance": "h1"]), Sample(timestamp: 0, value: 0.9))
        var rule = AlertingRule(
            RuleDefinition(
                kind: .alerting, name: "High", expression: try PromQLParser.parse("x > 0.5"), expressionText: "x > 0.5",
                labels: Labels(["severity": "{{ if gt $value 0.8 }}critical{{ else }}warning{{ end }}"]),
                annotations: Labels([
                    "summary": "{{ $labels.instance }} at {{ $value | humanizePercentage }}", "bad": "{{ nope }}",
                ]),
                location: .wholeFile("r.yml")))
        _ = try rule.evaluate(at: 0, in: RuleEvaluationContext(store: store))
        let alert = try #require(rule.activeAlerts.first)
        #expect(alert.labels["severity"] == "critical")
        #expect(alert.annotations["summary"] == "h1 at 90%")
        #expect(
            alert.annotations["bad"]
                == "<error expanding template: template: __alert_High:1: function \"nope\" not defined>")
    }
}
