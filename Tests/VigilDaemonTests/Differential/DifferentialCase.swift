import Foundation

/// One generated case of the differential test: a PromQL expression evaluated at a few times, or
/// an alerting rule checked at a few times, written as its own promtool test file whose
/// expectations are all empty, so both tools print everything they got.
///
/// One file per case keeps an evaluation error (which ends a promtool test group) from hiding the
/// other cases, and lets a report be cut into one section per case.
struct DifferentialCase: Sendable {
    /// An alerting rule as it appears in the rule file.
    struct AlertRule: Sendable {
        var name: String
        var expr: String
        var forDuration: String?
        var keepFiringFor: String?
        var labels: [(String, String)]
        var annotations: [(String, String)]
    }

    enum Kind: Sendable {
        case expression(String)
        case alert(AlertRule)
    }

    let index: Int
    let kind: Kind
    /// Evaluation times in promtool's notation (as `model.Duration` prints them, so `7m30s`, not `450s`).
    let times: [String]

    var testFileName: String { String(format: "case-%05d.yml", index) }
    var ruleFileName: String { String(format: "case-%05d.rules.yml", index) }

    static let evaluationTimes = ["0s", "1m", "3m", "5m", "7m30s", "10m", "12m", "15m", "20m", "25m"]
    static let alertTimes = ["1m", "2m", "3m", "4m", "5m", "6m", "8m", "10m", "13m", "16m", "20m", "24m"]

    /// Case `index` of the run seeded with `seed`.
    static func generate(seed: UInt64, index: Int) -> DifferentialCase {
        var grammar = PromQLGrammar(random: SplitMix64(seed: seed, case: index))
        if grammar.random.chance(0.25) {
            let times = grammar.random.subset(of: alertTimes, atMost: 3)
            return DifferentialCase(
                index: index, kind: .alert(alertRule(index: index, grammar: &grammar)),
                times: times.isEmpty ? ["5m"] : times)
        }
        let expression = grammar.vector(depth: grammar.random.pick([1, 2, 2, 3, 3, 4]))
        let times = grammar.random.subset(of: evaluationTimes, atMost: 2)
        return DifferentialCase(
            index: index, kind: .expression(grammar.random.chance(0.1) ? grammar.scalar(depth: 2) : expression),
            times: times.isEmpty ? ["10m"] : times)
    }

    private static func alertRule(index: Int, grammar: inout PromQLGrammar) -> AlertRule {
        let family = grammar.random.pick(DifferentialDataSet.families)
        let left = grammar.vector(depth: grammar.random.pick([0, 1, 1, 2, 2, 3]), family: family)
        let expr: String
        switch grammar.random.weighted([6, 2, 1]) {
        case 0:
            let threshold = grammar.random.pick(["0", "0.1", "0.5", "1", "5", "20", "100"])
            expr = "\(left) \(grammar.random.pick(PromQLGrammar.comparisons)) \(threshold)"
        case 1: expr = grammar.vectorBinary(depth: 1, family: family)
        default: expr = left
        }
        let pieces = [
            "{{ $value | humanize }}", "{{ $labels.job }}", #"{{ printf "%.2f" $value }}"#, "{{ $value }}",
            "{{ $labels.instance }}", "{{ $value | humanizePercentage }}", "{{ $value | humanizeDuration }}",
            "{{ humanize1024 $value }}", "{{ $labels }}", "{{ if gt $value 1.0 }}high{{ else }}low{{ end }}",
            "{{ $labels.room }}", "{{ $value | humanizeTimestamp }}",
        ]
        var summary = "v="
        for _ in 0..<grammar.random.pick([1, 2, 3]) { summary += " " + grammar.random.pick(pieces) }
        var annotations = [("summary", summary)]
        if grammar.random.chance(0.3) { annotations.append(("description", grammar.random.pick(pieces))) }
        var labels = [("severity", grammar.random.pick(["page", "ticket"]))]
        if grammar.random.chance(0.2) { labels.append(("team", "{{ $labels.job }}")) }
        if grammar.random.chance(0.1) { labels.append(("job", "overridden")) }
        return AlertRule(
            name: String(format: "Case%05d", index), expr: expr,
            forDuration: grammar.random.chance(0.5) ? grammar.random.pick(["1m", "2m", "5m"]) : nil,
            keepFiringFor: grammar.random.chance(0.3) ? grammar.random.pick(["1m", "3m"]) : nil,
            labels: labels, annotations: annotations)
    }

    /// The files this case needs, by name: its test file and, for an alert, its rule file.
    var files: [String: String] {
        switch kind {
        case .expression(let expression):
            let tests = times.map { "      - {expr: \(Self.quoted(expression)), eval_time: \($0), exp_samples: []}" }
            return [
                testFileName: Self.testFile(
                    rules: "[]", body: "    promql_expr_test:\n" + tests.joined(separator: "\n"))
            ]
        case .alert(let rule):
            let tests = times.map { "      - {eval_time: \($0), alertname: \(rule.name), exp_alerts: []}" }
            return [
                testFileName: Self.testFile(
                    rules: "[\(ruleFileName)]", body: "    alert_rule_test:\n" + tests.joined(separator: "\n")),
                ruleFileName: Self.ruleFile(rule, group: String(format: "case-%05d", index)),
            ]
        }
    }

    /// The PromQL the case evaluates: its expression, or its rule's `expr`.
    var expression: String {
        switch kind {
        case .expression(let expression): return expression
        case .alert(let rule): return rule.expr
        }
    }

    /// What a failure message shows of the case: the expression, or the whole rule.
    var description: String {
        switch kind {
        case .expression(let expression): return "expr \(expression) at \(times.joined(separator: ", "))"
        case .alert(let rule):
            return "alerting rule (checked at \(times.joined(separator: ", "))):\n"
                + Self.ruleFile(rule, group: String(format: "case-%05d", index))
        }
    }

    static func testFile(rules: String, body: String) -> String {
        """
        rule_files: \(rules)
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
        \(DifferentialDataSet.inputSeriesYAML)
        \(body)

        """
    }

    static func ruleFile(_ rule: AlertRule, group: String) -> String {
        var lines = [
            "groups:", "  - name: \(group)", "    interval: 1m", "    rules:", "      - alert: \(rule.name)",
            "        expr: \(quoted(rule.expr))",
        ]
        if let duration = rule.forDuration { lines.append("        for: \(duration)") }
        if let duration = rule.keepFiringFor { lines.append("        keep_firing_for: \(duration)") }
        lines.append("        labels:")
        lines += rule.labels.map { "          \($0.0): \(quoted($0.1))" }
        lines.append("        annotations:")
        lines += rule.annotations.map { "          \($0.0): \(quoted($0.1))" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML single-quoted scalar: nothing is an escape inside but `''`.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
