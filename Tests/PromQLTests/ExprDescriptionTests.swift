import PromQL
import Testing
import TimeSeries

/// The text form of expressions, as Prometheus' `String()` writes each piece.
@Suite struct ExprDescriptionTests {
    /// Go's `fmt.Sprint` of a float64: shortest digits, exponent form below 1e-4 and from 1e+06.
    @Test(arguments: [
        ("1", "1"), ("1.50", "1.5"), ("123456", "123456"), ("1234567", "1.234567e+06"), ("1e6", "1e+06"),
        ("0.0001", "0.0001"), ("0.00001", "1e-05"), ("1e100", "1e+100"), ("0x10", "16"), ("Inf", "+Inf"),
        ("-Inf", "-Inf"), ("NaN", "NaN"), ("-0.5", "-0.5"), ("1e-300", "1e-300"),
    ])
    func numbersPrintAsGo(input: String, expected: String) throws {
        #expect(try PromQLParser.parse(input).description == expected)
    }

    /// `model.Duration` text: largest units first; weeks and years only when they divide exactly.
    @Test(arguments: [
        ("x[90m]", "x[1h30m]"), ("x[7d]", "x[1w]"), ("x[8d]", "x[8d]"), ("x[365d]", "x[1y]"),
        ("x[1000ms]", "x[1s]"), ("x[1500ms]", "x[1s500ms]"), ("x[2w1d]", "x[15d]"),
        ("x[5m:90s]", "x[5m:1m30s]"),
    ])
    func durationsPrintInPrometheusUnits(input: String, expected: String) throws {
        #expect(try PromQLParser.parse(input).description == expected)
    }

    @Test func stringsAndLabelValuesAreGoQuoted() throws {
        #expect(try PromQLParser.parse(#"'a"b'"#).description == #""a\"b""#)
        #expect(try PromQLParser.parse(#"`a\b`"#).description == #""a\\b""#)
        #expect(try PromQLParser.parse(#""tab\there""#).description == #""tab\there""#)
        #expect(try PromQLParser.parse(#"x{a="\u00e9\x01"}"#).description == #"x{a="é\x01"}"#)
    }

    @Test func matchersAreSortedAndTheNameWrittenOutside() throws {
        #expect(try PromQLParser.parse(#"x{b="1", a!~"2"}"#).description == #"x{a!~"2",b="1"}"#)
        #expect(try PromQLParser.parse(#"{b="1", __name__="x"}"#).description == #"{__name__="x",b="1"}"#)
        #expect(try PromQLParser.parse(#"x{}"#).description == "x")
    }

    @Test func atPrintsSecondsWithThreeDecimalsBeforeOffset() throws {
        #expect(try PromQLParser.parse("x offset 1m @ 1.5").description == "x @ 1.500 offset 1m")
        #expect(try PromQLParser.parse("x @ -0.25").description == "x @ -0.250")
        #expect(try PromQLParser.parse("x[1m:] offset -1m @ end()").description == "x[1m:] @ end() offset -1m")
    }

    @Test func operatorsAggregationsAndCallsKeepTheirParentheses() throws {
        let input = "sum by (job) (rate(x{a=\"b\"}[5m] offset 1m)) / ignoring (i) group_left (j) (-y ^ 2)"
        #expect(
            try PromQLParser.parse(input).description
                == #"sum by (job) (rate(x{a="b"}[5m] offset 1m)) / ignoring (i) group_left (j) (-y ^ 2)"#)
        #expect(try PromQLParser.parse("a>bool on(x)b").description == "a > bool on (x) b")
        #expect(try PromQLParser.parse("topk by(a)(3,x)").description == "topk by (a) (3, x)")
        #expect(try PromQLParser.parse("max without()(x)").description == "max without () (x)")
        #expect(try PromQLParser.parse("vector(time())").description == "vector(time())")
    }

    @Test func builtTreesPrintToo() {
        // Trees made in code (by the evaluator or rule loader) print the same way.
        let selector = VectorSelector(name: "up", matchers: [.equal("job", "a"), .equal("__name__", "up")])
        let expr = Expr.aggregate(AggregateExpr(op: .count, expr: .vectorSelector(selector), grouping: ["x"]))
        #expect(expr.description == #"count by (x) (up{job="a"})"#)
    }
}

@Suite struct ExprWindowTests {
    @Test(
        arguments: [
            ("up", 0),
            ("up offset 10m", 600_000),
            ("rate(x[5m])", 300_000),
            ("rate(x[5m] offset 1h) / rate(y[30m])", 3_900_000),
            ("max_over_time(rate(x[5m])[1h:1m] offset 2m)", 3_600_000 + 120_000 + 300_000),
            ("sum by (job) (avg_over_time(x[2h]))", 7_200_000),
            ("x offset -5m", 0),
        ] as [(String, Int64)])
    func windowIsTheLongestRangePlusOffset(expression: String, expected: Int64) throws {
        #expect(try PromQLParser.parse(expression).window == expected)
    }
}
