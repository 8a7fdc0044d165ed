import PromQL
import Testing
import TimeSeries

/// The trees the parser builds: precedence, associativity, modifiers, literals. Expected shapes
/// are written out by hand from Prometheus' grammar (`generated_parser.y`).
@Suite struct ParserASTTests {
    private func sel(_ name: String) -> Expr {
        .vectorSelector(VectorSelector(name: name, matchers: [.equal(Label.metricName, name)]))
    }

    private func num(_ value: Double) -> Expr { .number(value) }

    private func bin(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, matching: VectorMatching? = nil) -> Expr {
        .binary(BinaryExpr(op: op, lhs: lhs, rhs: rhs, matching: matching))
    }

    @Test func multiplicationBindsTighterThanAddition() throws {
        #expect(try PromQLParser.parse("1 + 2 * 3") == bin(.add, num(1), bin(.mul, num(2), num(3))))
        #expect(try PromQLParser.parse("1 * 2 + 3") == bin(.add, bin(.mul, num(1), num(2)), num(3)))
    }

    @Test func powerIsRightAssociativeAndOthersLeft() throws {
        #expect(try PromQLParser.parse("2 ^ 3 ^ 2") == bin(.pow, num(2), bin(.pow, num(3), num(2))))
        #expect(try PromQLParser.parse("8 - 3 - 2") == bin(.sub, bin(.sub, num(8), num(3)), num(2)))
        #expect(try PromQLParser.parse("8 / 4 atan2 2") == bin(.atan2, bin(.div, num(8), num(4)), num(2)))
    }

    @Test func unaryMinusBindsLooserThanPower() throws {
        // -2^2 is -(2^2) = -4, not (-2)^2.
        #expect(try PromQLParser.parse("-2 ^ 2") == .unary(.minus, bin(.pow, num(2), num(2))))
        #expect(try PromQLParser.parse("2 ^ -2") == bin(.pow, num(2), num(-2)))
        let oneToOne = VectorMatching(cardinality: .oneToOne)
        #expect(try PromQLParser.parse("-a * b") == bin(.mul, .unary(.minus, sel("a")), sel("b"), matching: oneToOne))
    }

    @Test func signsFoldIntoNumberLiteralsButNotParentheses() throws {
        #expect(try PromQLParser.parse("-1") == num(-1))
        #expect(try PromQLParser.parse("+-+-1") == num(1))
        #expect(try PromQLParser.parse("-(1)") == .unary(.minus, .paren(num(1))))
    }

    @Test func setOperatorsHaveTheirOwnPrecedence() throws {
        // or < and = unless < comparisons.
        let many = VectorMatching(cardinality: .manyToMany)
        let parsed = try PromQLParser.parse("a or b and c unless d > e")
        let comparison = bin(.greater, sel("d"), sel("e"), matching: VectorMatching(cardinality: .oneToOne))
        let andUnless = bin(.unless, bin(.and, sel("b"), sel("c"), matching: many), comparison, matching: many)
        #expect(parsed == bin(.or, sel("a"), andUnless, matching: many))
    }

    @Test func vectorMatchingIsSetForVectorPairsOnly() throws {
        #expect(
            try PromQLParser.parse("a + b") == bin(.add, sel("a"), sel("b"), matching: .init(cardinality: .oneToOne)))
        #expect(try PromQLParser.parse("a + 1") == bin(.add, sel("a"), num(1)))
        let grouped = VectorMatching(cardinality: .manyToOne, on: true, labels: ["x"], include: ["y"])
        #expect(try PromQLParser.parse("a * on(x) group_left(y) b") == bin(.mul, sel("a"), sel("b"), matching: grouped))
        let right = VectorMatching(cardinality: .oneToMany, on: false, labels: ["x", "z"], include: [])
        #expect(
            try PromQLParser.parse("a / ignoring(x, z) group_right b") == bin(.div, sel("a"), sel("b"), matching: right)
        )
        let setOn = VectorMatching(cardinality: .manyToMany, on: true, labels: [])
        #expect(try PromQLParser.parse("a unless on() b") == bin(.unless, sel("a"), sel("b"), matching: setOn))
    }

    @Test func boolIsKeptOnComparisons() throws {
        let parsed = try PromQLParser.parse("a > bool 1")
        #expect(parsed == .binary(BinaryExpr(op: .greater, lhs: sel("a"), rhs: num(1), returnBool: true)))
        #expect(try PromQLParser.parse("1 == bool 2").type == .scalar)
    }

    @Test func aggregationsTakeGroupingBeforeOrAfter() throws {
        let expected = Expr.aggregate(AggregateExpr(op: .sum, expr: sel("x"), grouping: ["job"]))
        #expect(try PromQLParser.parse("sum by (job) (x)") == expected)
        #expect(try PromQLParser.parse("sum(x) by (job)") == expected)
        #expect(try PromQLParser.parse("SUM(x) BY (job)") == expected)
        #expect(
            try PromQLParser.parse("avg without (a, b,) (x)")
                == .aggregate(AggregateExpr(op: .avg, expr: sel("x"), grouping: ["a", "b"], without: true)))
        #expect(
            try PromQLParser.parse("topk(3, x)")
                == .aggregate(AggregateExpr(op: .topk, expr: sel("x"), param: num(3))))
        #expect(
            try PromQLParser.parse(#"count_values("v", x)"#)
                == .aggregate(AggregateExpr(op: .countValues, expr: sel("x"), param: .string("v"))))
    }

    @Test func keywordsNameMetricsAndLabelsWhereTheyCannotBeKeywords() throws {
        #expect(try PromQLParser.parse("sum") == sel("sum"))
        #expect(
            try PromQLParser.parse("sum offset 5m")
                == .vectorSelector(.init(name: "sum", matchers: [.equal("__name__", "sum")], offset: 300_000)))
        #expect(
            try PromQLParser.parse("by + start")
                == bin(.add, sel("by"), sel("start"), matching: .init(cardinality: .oneToOne)))
        let grouped = try PromQLParser.parse("sum by (on, bool, offset, sum) (x)")
        #expect(
            grouped == .aggregate(AggregateExpr(op: .sum, expr: sel("x"), grouping: ["on", "bool", "offset", "sum"])))
        let selector = try PromQLParser.parse(#"x{by="1", on="2"}"#)
        let matchers = [LabelMatcher.equal("by", "1"), .equal("on", "2"), .equal("__name__", "x")]
        #expect(selector == .vectorSelector(VectorSelector(name: "x", matchers: matchers)))
    }

    @Test func selectorsListTheNameMatcherLast() throws {
        let parsed = try PromQLParser.parse(#"http:requests{code=~"5..", job!="a",}"#)
        guard case .vectorSelector(let selector) = parsed else {
            Issue.record("not a selector: \(parsed)")
            return
        }
        #expect(selector.name == "http:requests")
        #expect(selector.matchers.map(\.description) == [#"code=~"5..""#, #"job!="a""#, #"__name__="http:requests""#])
        #expect(
            try PromQLParser.parse(#"{__name__="x"}"#)
                == .vectorSelector(.init(name: nil, matchers: [.equal("__name__", "x")])))
    }

    @Test func offsetsAndAtApplyToSelectorsRangesAndSubqueries() throws {
        let base = [LabelMatcher.equal("__name__", "x")]
        #expect(
            try PromQLParser.parse("x offset -1h")
                == .vectorSelector(.init(name: "x", matchers: base, offset: -3_600_000)))
        #expect(
            try PromQLParser.parse("x @ 1.5 offset 1m")
                == .vectorSelector(.init(name: "x", matchers: base, offset: 60_000, at: .timestamp(1500))))
        #expect(
            try PromQLParser.parse("x[5m] offset 1m @ end()")
                == .matrixSelector(.init(name: "x", matchers: base, offset: 60_000, at: .end), range: 300_000))
        #expect(
            try PromQLParser.parse("x @ start()[1m]")
                == .matrixSelector(.init(name: "x", matchers: base, at: .start), range: 60_000))
        let subquery = Subquery(
            expr: sel("x"), range: 1_800_000, step: 60_000, offset: 120_000, at: .timestamp(-100_000))
        #expect(try PromQLParser.parse("x[30m:1m] @ -100 offset 2m") == .subquery(subquery))
        #expect(try PromQLParser.parse("x[1h30m:]") == .subquery(Subquery(expr: sel("x"), range: 5_400_000, step: nil)))
    }

    @Test func modifiersBindTighterThanOperators() throws {
        let offsetB = Expr.vectorSelector(.init(name: "b", matchers: [.equal("__name__", "b")], offset: 300_000))
        #expect(
            try PromQLParser.parse("a + b offset 5m")
                == bin(.add, sel("a"), offsetB, matching: .init(cardinality: .oneToOne)))
        let range = Expr.matrixSelector(.init(name: "a", matchers: [.equal("__name__", "a")]), range: 60_000)
        let offsetA = Expr.vectorSelector(.init(name: "a", matchers: [.equal("__name__", "a")], offset: 60_000))
        #expect(try PromQLParser.parse("-a offset 1m") == .unary(.minus, offsetA))
        #expect(
            try PromQLParser.parse("rate(a[1m])")
                == .call(Call(function: try #require(FunctionSignature.named("rate")), args: [range])))
    }

    @Test func numbersReadAsGoReadsThem() throws {
        #expect(try PromQLParser.parse("0x1f") == num(31))
        #expect(try PromQLParser.parse("0755") == num(493))  // a leading zero means octal
        #expect(try PromQLParser.parse("089") == num(89))  // not octal, so decimal
        #expect(try PromQLParser.parse("1e3") == num(1000))
        #expect(try PromQLParser.parse(".5") == num(0.5))
        #expect(try PromQLParser.parse("5.") == num(5))
        #expect(try PromQLParser.parse("iNf") == num(.infinity))
        #expect(try PromQLParser.parse("-Inf") == num(-.infinity))
        guard case .number(let nan) = try PromQLParser.parse("NaN") else {
            Issue.record("NaN is not a number literal")
            return
        }
        #expect(nan.isNaN)
    }

    @Test func stringsDecodeGoEscapes() throws {
        #expect(try PromQLParser.parse(#""a\tb\n""#) == .string("a\tb\n"))
        #expect(try PromQLParser.parse(#"'it\'s "x"'"#) == .string(#"it's "x""#))
        #expect(try PromQLParser.parse(#"`raw\n`"#) == .string(#"raw\n"#))
        #expect(try PromQLParser.parse(#""\x41\101\u0041\U0001F600""#) == .string("AAA😀"))
        #expect(try PromQLParser.parse(#""é""#).type == .string)
    }

    @Test func commentsAreIgnored() throws {
        #expect(try PromQLParser.parse("# rate\nup # trailing\n") == sel("up"))
    }

    @Test func typesFollowPrometheus() throws {
        #expect(try PromQLParser.parse("1 + 2").type == .scalar)
        #expect(try PromQLParser.parse("time()").type == .scalar)
        #expect(try PromQLParser.parse("x + 1").type == .vector)
        #expect(try PromQLParser.parse("x[5m]").type == .matrix)
        #expect(try PromQLParser.parse("rate(x[5m])[10m:]").type == .matrix)
        #expect(try PromQLParser.parse(#""text""#).type == .string)
    }

    @Test func variadicFunctionsTakeOptionalArguments() throws {
        #expect(try PromQLParser.parse("round(x)").type == .vector)
        #expect(try PromQLParser.parse("round(x, 5)").type == .vector)
        #expect(try PromQLParser.parse("hour()").type == .vector)
        #expect(try PromQLParser.parse(#"label_join(x, "d", ",", "a", "b", "c")"#).type == .vector)
    }
}
