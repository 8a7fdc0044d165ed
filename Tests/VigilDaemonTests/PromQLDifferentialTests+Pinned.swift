import Foundation
import TestSupport
import Testing

/// The differences the differential test found, each pinned as a small promtool test file with
/// what promtool 2.42 prints for it. Where Vigil does not print that yet the test is disabled, so
/// the suite stays green; `KnownDifference.all` lets the generated cases that show it pass meanwhile.
/// Enable the test (and drop its entry there) with the fix.
extension PromQLDifferentialTests {
    /// Runs `vigil test rules pinned.yml` beside `rules` and, where promtool 2.42 is installed, checks
    /// that promtool still prints one of `expected` (so the pin itself stays true).
    static func expectVigilPrints(
        oneOf expected: [String], status: Int32, for test: String, rules: [String: String] = [:]
    ) async throws {
        let directory = TestDirectory()
        try directory.write("pinned.yml", test)
        for (name, text) in rules { try directory.write(name, text) }
        if let promtool = Self.promtool {
            let reference = try await RuleTestRun.run(promtool, files: ["pinned.yml"], directory: directory.path)
            #expect(expected.contains(reference.output), "promtool now prints:\n\(reference.output)")
            #expect(reference.status == status)
        }
        let result = try await VigilProcess.runToCompletion(["test", "rules", "pinned.yml"], directory: directory.path)
        #expect(expected.contains(result.output), "vigil prints:\n\(result.output)")
        #expect(result.status == status)
    }

    static let success = "Unit Testing:  pinned.yml\n  SUCCESS\n\n"

    /// What both tools print when `pinned.yml` fails with the report `lines`.
    static func failed(_ lines: String...) -> String {
        (["Unit Testing:  pinned.yml", "  FAILED:"] + lines).joined(separator: "\n") + "\n\n\n"
    }

    static let counter = """
        rule_files: [pinned.rules.yml]
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - {series: 'x', values: '0+1x20'}

        """

    /// Values for the template functions: a timestamp with microseconds, one too large for int64
    /// nanoseconds, and a duration of more than 2^63 seconds.
    static let templateValues = """
        rule_files: [pinned.rules.yml]
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - {series: 'stamp{at="fraction"}', values: '1700000000.123456'}
              - {series: 'stamp{at="overflow"}', values: '123456789012'}
              - {series: 'huge', values: '1e19'}

        """

    /// Rooms whose first samples come at different times: `attic` is created a minute after the others.
    static let rooms = """
        rule_files: []
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - {series: 'temperature{room="attic"}', values: '_ 0'}
              - {series: 'temperature{room="lab"}', values: '1 1'}
              - {series: 'temperature{room="office"}', values: '3 3'}
              - {series: 'temperature{room="server"}', values: '3 3'}

        """

    static let rules = """
        groups:
          - name: pinned
            interval: 1m
            rules:
              - alert: AheadOfTime
                expr: x offset -2m > 3
              - alert: EmptyDescription
                expr: x > 1
                annotations:
                  summary: 'x is {{ $value }}'
                  description: '{{ $labels.missing }}'
              - alert: AbsentTwice
                expr: absent(nothing{le="+Inf", le!~".*"})
              - alert: IgnoringNothing
                expr: x atan2 ignoring() group_right abs(x)
                annotations:
                  name: '{{ $labels.__name__ }}'
              - alert: Timestamp
                expr: stamp > 0
                annotations:
                  at: '{{ $value | humanizeTimestamp }}'
              - alert: HugeDuration
                expr: huge > 0
                annotations:
                  lasted: '{{ $value | humanizeDuration }}'

        """

    // MARK: Samples after the evaluation time

    /// promtool loads a test group's input samples step by step, only up to the time being
    /// evaluated (for `promql_expr_test`, up to the group's last evaluation time, here 5m): a
    /// negative `offset` or an `@` in the future sees the last sample loaded, not the later one.
    @Test
    func samplesAfterTheGroupsLastEvaluationTimeAreNotLoaded() async throws {
        try await Self.expectVigilPrints(
            oneOf: [Self.success], status: 0,
            for: Self.counter + """
                    promql_expr_test:
                      - {expr: x offset -5m, eval_time: 5m, exp_samples: [{labels: 'x', value: 5}]}
                      - {expr: x @ 600, eval_time: 5m, exp_samples: [{labels: 'x', value: 5}]}

                """,
            rules: ["pinned.rules.yml": Self.rules])
    }

    /// The same for alerting rules: at 2m, `x offset -2m` reads the sample at 2m (2), so
    /// `x offset -2m > 3` does not fire yet.
    @Test
    func alertingRulesSeeNoSamplesAfterTheirEvaluationStep() async throws {
        try await Self.expectVigilPrints(
            oneOf: [Self.success], status: 0,
            for: Self.counter + """
                    alert_rule_test:
                      - {eval_time: 2m, alertname: AheadOfTime, exp_alerts: []}

                """,
            rules: ["pinned.rules.yml": Self.rules])
    }

    /// promtool evaluates an alerting rule's expression in its printed form (Prometheus' rules
    /// query `expr.String()`), which is not always the same query:
    /// - a selector's matchers are sorted: `{le="+Inf", le!~".*"}` becomes `{le!~".*", le="+Inf"}`,
    ///   and `absent` keeps `le="+Inf"` from that order, though nothing from the order as written
    ///   (which the expression test shows, and Vigil already prints);
    /// - `ignoring()` with no labels is not printed, and its `group_right` with it: the rule runs
    ///   `x atan2 abs(x)`, one-to-one, whose result keeps the left side's `__name__`.
    @Test
    func alertingRulesEvaluateTheirExpressionAsPrinted() async throws {
        try await Self.expectVigilPrints(
            oneOf: [Self.success], status: 0,
            for: Self.counter + """
                    alert_rule_test:
                      - eval_time: 1m
                        alertname: AbsentTwice
                        exp_alerts:
                          - exp_labels: {le: '+Inf'}
                      - eval_time: 1m
                        alertname: IgnoringNothing
                        exp_alerts:
                          - exp_annotations: {name: x}
                    promql_expr_test:
                      - {expr: 'absent(nothing{le="+Inf", le!~".*"})', eval_time: 1m, exp_samples: [{labels: '{}', value: 1}]}

                """,
            rules: ["pinned.rules.yml": Self.rules])
    }

    // MARK: Error messages

    @Test
    func anInvalidRegexIsReportedWithGosMessage() async throws {
        try await Self.expectVigilPrints(
            oneOf: [
                Self.failed(
                    #"    expr: "x{a=~\"+Inf\"}", time: 5m, err: 1:3: parse error: error parsing regexp: "#
                        + "missing argument to repetition operator: `+`")
            ], status: 1,
            for: Self.counter + """
                    promql_expr_test:
                      - {expr: 'x{a=~"+Inf"}', eval_time: 5m, exp_samples: []}

                """,
            rules: ["pinned.rules.yml": Self.rules])
    }

    // MARK: Annotations

    /// An annotation whose template expands to "" stays on the alert as `description=""`, so a
    /// test that leaves it out of `exp_annotations` fails in promtool.
    @Test
    func anAnnotationThatExpandsToNothingIsKept() async throws {
        try await Self.expectVigilPrints(
            oneOf: [
                Self.failed(
                    "    alertname: EmptyDescription, time: 2m, ",
                    "        exp:[",
                    "            0:",
                    #"              Labels:{alertname="EmptyDescription"}"#,
                    #"              Annotations:{summary="x is 2"}"#,
                    "            ], ",
                    "        got:[",
                    "            0:",
                    #"              Labels:{alertname="EmptyDescription"}"#,
                    #"              Annotations:{description="", summary="x is 2"}"#,
                    "            ]")
            ], status: 1,
            for: Self.counter + """
                    alert_rule_test:
                      - eval_time: 2m
                        alertname: EmptyDescription
                        exp_alerts:
                          - exp_annotations: {summary: 'x is 2'}

                """,
            rules: ["pinned.rules.yml": Self.rules])
    }

    // MARK: Template functions

    /// `humanizeTimestamp` goes through Prometheus' millisecond `model.Time`, so it drops what is
    /// below a millisecond, and it reports a value whose nanoseconds overflow int64 as an error in
    /// the annotation (Vigil traps on it instead).
    @Test(
        .disabled(
            "difference found by the differential test: the overflow error lacks Go's 'error executing template …: template: …:1:124: executing … at <humanizeTimestamp>:' prefix (Vigil's templates keep no column positions); milliseconds and the error itself match, and the trap is fixed"
        ))
    func humanizeTimestampKeepsMillisecondsAndReportsOverflow() async throws {
        try await Self.expectVigilPrints(
            oneOf: [
                Self.failed(
                    "    alertname: Timestamp, time: 0s, ",
                    "        exp:[], ",
                    "        got:[",
                    "            0:",
                    #"              Labels:{alertname="Timestamp", at="fraction"}"#,
                    #"              Annotations:{at="2023-11-14 22:13:20.123 +0000 UTC"},"#,
                    "            1:",
                    #"              Labels:{alertname="Timestamp", at="overflow"}"#,
                    #"              Annotations:{at="<error expanding template: error executing template __alert_Timestamp: "#
                        + #"template: __alert_Timestamp:1:124: executing \"__alert_Timestamp\" at <humanizeTimestamp>: "#
                        + #"error calling humanizeTimestamp: 1.23456789012e+11 cannot be represented as a nanoseconds "#
                        + #"timestamp since it overflows int64>"}"#,
                    "            ]")
            ], status: 1,
            for: Self.templateValues + """
                    alert_rule_test:
                      - {eval_time: 0m, alertname: Timestamp, exp_alerts: []}

                """,
            rules: ["pinned.rules.yml": Self.rules])
    }

    /// `humanizeDuration` converts seconds to int64 as Go does on amd64, where a value of 2^63 or
    /// more becomes math.MinInt64: promtool prints `-106751991167300d -15h -30m -8s`. Vigil's
    /// conversion traps, which also ends the daemon when such an alert fires.
    @Test
    func humanizeDurationOfAHugeValueWrapsAsGoDoes() async throws {
        try await Self.expectVigilPrints(
            oneOf: [Self.success], status: 0,
            for: Self.templateValues + """
                    alert_rule_test:
                      - eval_time: 0m
                        alertname: HugeDuration
                        exp_alerts:
                          - exp_annotations: {lasted: '-106751991167300d -15h -30m -8s'}

                """,
            rules: ["pinned.rules.yml": Self.rules])
    }

    // MARK: Series order

    /// promtool hands series to an aggregation in the order the test group created them (by first
    /// sample; those created in the same step in an order that varies from run to run), not in
    /// label order. `stddev` is order-sensitive in its last bits: every order promtool can take
    /// here (attic last) gives 1.299038105676658, label order gives 1.2990381056766578.
    @Test(
        .disabled(
            "difference found by the differential test: vigil aggregates in label order and prints stddev 1.2990381056766578E+00"
        ))
    func seriesAreAggregatedInTheOrderTheyWereCreated() async throws {
        try await Self.expectVigilPrints(
            oneOf: [Self.success], status: 0,
            for: Self.rooms + """
                    promql_expr_test:
                      - {expr: stddev(temperature), eval_time: 1m, exp_samples: [{labels: '{}', value: 1.299038105676658}]}

                """)
    }

    /// Of equal series, `topk` keeps one promtool created first: lab, office or server (which one
    /// varies from run to run), never attic, created a minute later.
    @Test(
        .disabled(
            "difference found by the differential test: vigil's topk keeps the first of equal series in label order, attic, which promtool never keeps"
        ))
    func topkOfEqualSeriesKeepsOneCreatedFirst() async throws {
        try await Self.expectVigilPrints(
            oneOf: ["lab", "office", "server"].map { room in
                Self.failed(
                    #"    expr: "topk(1, temperature * 0)", time: 1m,"#,
                    "        exp: nil",
                    #"        got: {room="\#(room)"} 0E+00"#)
            }, status: 1,
            for: Self.rooms + """
                    promql_expr_test:
                      - {expr: 'topk(1, temperature * 0)', eval_time: 1m, exp_samples: []}

                """)
    }
}
