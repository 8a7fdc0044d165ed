import PromQL
import Testing

/// Invalid expressions fail with Prometheus' message at Prometheus' position.
///
/// Inputs: the failing cases of Prometheus 2.42's `promql/parser/parse_test.go`, plus corners of
/// every grammar rule's error handling. Expected texts: what promtool 2.42 (`promtool check rules`)
/// prints for each input, copied from its output (Go regexp messages, which differ, are left out).
@Suite struct ParserErrorMessageTests {
    @Test(arguments: Self.cases)
    func failsLikePrometheus(input: String, expected: String) {
        do {
            let expr = try PromQLParser.parse(input)
            Issue.record("\(input) parsed as \(expr)")
        } catch {
            #expect(error.description == expected, "\(input)")
        }
    }

    @Test func errorCarriesLineColumnAndCharacterOffset() throws {
        // The error is at the end of `1 +⏎"é" +`. "é" is two UTF-8 bytes: Prometheus' column counts
        // bytes (six on line 2, so column 7); the offset counts characters (4 + 5 = 9).
        let error = try #require(throws: PromQLParseError.self) { try PromQLParser.parse("1 +\n\"é\" +") }
        #expect(error.line == 2)
        #expect(error.column == 7)
        #expect(error.offset == 9)
        #expect(error.message == "unexpected end of input")
        #expect(error.description == "2:7: parse error: unexpected end of input")
    }

    @Test func invalidRegexIsAParseErrorAtTheLabel() throws {
        let error = try #require(throws: PromQLParseError.self) { try PromQLParser.parse(#"up{job=~"(a"}"#) }
        #expect(error.column == 4)
        #expect(error.message.contains("(a"))
    }

    @Test func nestingAsDeepAsRulesGoParses() throws {
        let input = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(throws: Never.self) { try PromQLParser.parse(input) }
    }

    @Test func deepNestingIsRefusedInsteadOfExhaustingTheStack() throws {
        let input = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let error = try #require(throws: PromQLParseError.self) { try PromQLParser.parse(input) }
        #expect(error.message.contains("nested"))
    }

    /// Found by the fuzzer: `1+1+…+1` with 2,000 terms parsed (the operators fold in a loop) into a
    /// tree 2,000 levels deep, and printing it overflowed the stack. Folded operators now count
    /// against the same depth limit; a long but allowed chain still prints and parses back.
    @Test func longOperatorChainsCountAgainstTheDepthLimit() throws {
        let tooLong = "1" + String(repeating: " + 1", count: 2000)
        let error = try #require(throws: PromQLParseError.self) { try PromQLParser.parse(tooLong) }
        #expect(error.message.contains("nested more than"), "\(error)")
        let allowed = "x" + String(repeating: " or x", count: 200)
        let parsed = try PromQLParser.parse(allowed)
        #expect(try PromQLParser.parse(parsed.description) == parsed)
    }

    static let cases: [(String, String)] = [
        ("# just a comment\n\n", "1:1: parse error: no expression found in input"),
        ("1+", "1:3: parse error: unexpected end of input"),
        (".", "1:1: parse error: unexpected character: '.'"),
        ("2.5.", "1:4: parse error: unexpected character: '.'"),
        ("100..4", "1:5: parse error: unexpected number \".4\""),
        ("0deadbeef", "1:1: parse error: bad number or duration syntax: \"0de\""),
        ("1 /", "1:4: parse error: unexpected end of input"),
        ("*1", "1:1: parse error: unexpected <op:*>"),
        ("(1))", "1:5: parse error: unexpected right parenthesis ')'"),
        ("((1)", "1:5: parse error: unclosed left parenthesis"),
        (
            "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
            "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999\": value out of range"
        ),
        ("(", "1:2: parse error: unclosed left parenthesis"),
        ("1 and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression"),
        ("1 == 1", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
        ("1 or 1", "1:1: parse error: set operator \"or\" not allowed in binary scalar expression"),
        ("1 unless 1", "1:1: parse error: set operator \"unless\" not allowed in binary scalar expression"),
        ("1 !~ 1", "1:3: parse error: unexpected character after '!': '~'"),
        ("1 =~ 1", "1:3: parse error: unexpected character after '=': '~'"),
        (
            "-\"string\"",
            "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\""
        ),
        (
            "-test[5m]",
            "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\""
        ),
        ("*test", "1:1: parse error: unexpected <op:*>"),
        (
            "1 offset 1d",
            "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        ),
        ("foo offset 1s offset 2s", "1:1: parse error: offset may not be set multiple times"),
        ("a - on(b) ignoring(c) d", "1:11: parse error: unexpected <ignoring>"),
        ("foo and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression"),
        ("1 and foo", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression"),
        ("foo or 1", "1:1: parse error: set operator \"or\" not allowed in binary scalar expression"),
        ("1 or foo", "1:1: parse error: set operator \"or\" not allowed in binary scalar expression"),
        ("foo unless 1", "1:1: parse error: set operator \"unless\" not allowed in binary scalar expression"),
        ("1 unless foo", "1:1: parse error: set operator \"unless\" not allowed in binary scalar expression"),
        ("1 or on(bar) foo", "1:1: parse error: vector matching only allowed between instant vectors"),
        ("foo == on(bar) 10", "1:1: parse error: vector matching only allowed between instant vectors"),
        ("foo + group_left(baz) bar", "1:7: parse error: unexpected <group_left>"),
        ("foo and on(bar) group_left(baz) bar", "1:1: parse error: no grouping allowed for \"and\" operation"),
        ("foo and on(bar) group_right(baz) bar", "1:1: parse error: no grouping allowed for \"and\" operation"),
        ("foo or on(bar) group_left(baz) bar", "1:1: parse error: no grouping allowed for \"or\" operation"),
        ("foo or on(bar) group_right(baz) bar", "1:1: parse error: no grouping allowed for \"or\" operation"),
        ("foo unless on(bar) group_left(baz) bar", "1:1: parse error: no grouping allowed for \"unless\" operation"),
        ("foo unless on(bar) group_right(baz) bar", "1:1: parse error: no grouping allowed for \"unless\" operation"),
        (
            "http_requests{group=\"production\"} + on(instance) group_left(job,instance) cpu_count{type=\"smp\"}",
            "1:35: parse error: label \"instance\" must not occur in ON and GROUP clause at once"
        ),
        ("foo + bool bar", "1:5: parse error: bool modifier can only be used on comparison operators"),
        ("foo + bool 10", "1:5: parse error: bool modifier can only be used on comparison operators"),
        ("foo and bool 10", "1:5: parse error: bool modifier can only be used on comparison operators"),
        ("foo @ +Inf", "1:1: parse error: timestamp out of bounds for @ modifier: +Inf"),
        ("foo @ -Inf", "1:1: parse error: timestamp out of bounds for @ modifier: -Inf"),
        ("foo @ NaN", "1:1: parse error: timestamp out of bounds for @ modifier: NaN"),
        ("{", "1:2: parse error: unexpected end of input inside braces"),
        ("}", "1:1: parse error: unexpected character: '}'"),
        ("some{", "1:6: parse error: unexpected end of input inside braces"),
        ("some}", "1:5: parse error: unexpected character: '}'"),
        ("some_metric{a=b}", "1:15: parse error: unexpected identifier \"b\" in label matching, expected string"),
        ("some_metric{a:b=\"b\"}", "1:14: parse error: unexpected character inside braces: ':'"),
        ("foo{a*\"b\"}", "1:6: parse error: unexpected character inside braces: '*'"),
        ("foo{a>=\"b\"}", "1:6: parse error: unexpected character inside braces: '>'"),
        ("foo{gibberish}", "1:14: parse error: unexpected \"}\" in label matching, expected label matching operator"),
        ("foo{1}", "1:5: parse error: unexpected character inside braces: '1'"),
        ("{}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("{x=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("{x=~\".*\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("{x!~\".+\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("{x!=\"a\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("foo{__name__=\"bar\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\""),
        ("foo{__name__= =}", "1:15: parse error: unexpected \"=\" in label matching, expected string"),
        ("foo{,}", "1:5: parse error: unexpected \",\" in label matching, expected identifier or \"}\""),
        ("foo{__name__ == \"bar\"}", "1:15: parse error: unexpected \"=\" in label matching, expected string"),
        (
            "foo{__name__=\"bar\" lol}",
            "1:20: parse error: unexpected identifier \"lol\" in label matching, expected \",\" or \"}\""
        ),
        ("foo[5mm]", "1:5: parse error: bad duration syntax: \"5mm\""),
        ("foo[5m1]", "1:5: parse error: bad duration syntax: \"5m1\""),
        ("foo[5m:1m1]", "1:8: parse error: bad number or duration syntax: \"1m1\""),
        ("foo[5y1hs]", "1:5: parse error: not a valid duration string: \"5y1hs\""),
        ("foo[5m1h]", "1:5: parse error: not a valid duration string: \"5m1h\""),
        ("foo[5m1m]", "1:5: parse error: not a valid duration string: \"5m1m\""),
        ("foo[0m]", "1:5: parse error: duration must be greater than 0"),
        ("foo[\"5m\"]", "1:5: parse error: missing unit character in duration"),
        ("foo[]", "1:5: parse error: missing unit character in duration"),
        ("foo[1]", "1:5: parse error: missing unit character in duration"),
        ("some_metric[5m] OFFSET 1", "1:24: parse error: unexpected number \"1\" in offset, expected duration"),
        ("some_metric[5m] OFFSET 1mm", "1:24: parse error: bad number or duration syntax: \"1mm\""),
        ("some_metric[5m] OFFSET", "1:23: parse error: unexpected end of input in offset, expected duration"),
        ("some_metric OFFSET 1m[5m]", "1:22: parse error: no offset modifiers allowed before range"),
        ("some_metric[5m] @ 1m", "1:19: parse error: unexpected duration \"1m\" in @, expected timestamp"),
        ("some_metric[5m] @", "1:18: parse error: unexpected end of input in @, expected timestamp"),
        ("some_metric @ 1234 [5m]", "1:20: parse error: no @ modifiers allowed before range"),
        ("(foo + bar)[5m]", "1:12: parse error: ranges only allowed for vector selectors"),
        ("sum without(==)(some_metric)", "1:13: parse error: unexpected <op:==> in grouping opts, expected label"),
        ("sum without(,)(some_metric)", "1:13: parse error: unexpected \",\" in grouping opts, expected label"),
        ("sum without(foo,,)(some_metric)", "1:17: parse error: unexpected \",\" in grouping opts, expected label"),
        ("sum some_metric by (test)", "1:5: parse error: unexpected identifier \"some_metric\""),
        (
            "sum (some_metric) by test",
            "1:22: parse error: unexpected identifier \"test\" in grouping opts, expected \"(\""
        ),
        ("sum () by (test)", "1:1: parse error: no arguments for aggregate expression provided"),
        ("MIN keep_common (some_metric)", "1:5: parse error: unexpected identifier \"keep_common\""),
        ("MIN (some_metric) keep_common", "1:19: parse error: unexpected identifier \"keep_common\""),
        ("sum (some_metric) without (test) by (test)", "1:34: parse error: unexpected <by>"),
        ("sum without (test) (some_metric) by (test)", "1:34: parse error: unexpected <by>"),
        (
            "topk(some_metric)",
            "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1"
        ),
        ("topk(some_metric,)", "1:17: parse error: trailing commas not allowed in function call args"),
        (
            "topk(some_metric, other_metric)",
            "1:6: parse error: expected type scalar in aggregation parameter, got instant vector"
        ),
        (
            "count_values(5, other_metric)",
            "1:14: parse error: expected type string in aggregation parameter, got scalar"
        ),
        (
            "rate(some_metric[5m]) @ 1234",
            "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        ),
        ("floor()", "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 0"),
        ("floor(some_metric, other_metric)", "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 2"),
        ("floor(some_metric, 1)", "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 2"),
        ("floor(1)", "1:7: parse error: expected type instant vector in call to function \"floor\", got scalar"),
        (
            "hour(some_metric, some_metric, some_metric)",
            "1:1: parse error: expected at most 1 argument(s) in call to \"hour\", got 3"
        ),
        ("time(some_metric)", "1:1: parse error: expected 0 argument(s) in call to \"time\", got 1"),
        (
            "non_existent_function_far_bar()",
            "1:1: parse error: unknown function with name \"non_existent_function_far_bar\""
        ),
        (
            "rate(some_metric)",
            "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"
        ),
        ("-=", "1:2: parse error: unexpected \"=\""),
        ("++-++-+-+-<", "1:11: parse error: unexpected <op:<>"),
        ("e-+=/(0)", "1:4: parse error: unexpected \"=\""),
        ("a>b()", "1:3: parse error: unknown function with name \"b\""),
        ("rate(avg)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"),
        ("`\\``", "1:4: parse error: unterminated raw string"),
        ("\"\\", "1:1: parse error: escape sequence not terminated"),
        ("\"\\c\"", "1:1: parse error: unknown escape sequence U+0063 'c'"),
        ("\"\\x.\"", "1:1: parse error: illegal character U+002E '.' in escape sequence"),
        (
            "test[5d] OFFSET 10s [10m:5s]",
            "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"
        ),
        (
            "(foo + bar{nm=\"val\"})[5m:][10m:5s]",
            "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"
        ),
        ("rate(food[1m])[1h] offset 1h", "1:15: parse error: ranges only allowed for vector selectors"),
        ("rate(food[1m])[1h] @ 100", "1:15: parse error: ranges only allowed for vector selectors"),
        ("start()", "1:6: parse error: unexpected \"(\""),
        ("end()", "1:4: parse error: unexpected \"(\""),
        ("sum(foo bar)", "1:9: parse error: unexpected identifier \"bar\" in aggregation"),
        ("rate(foo bar)", "1:10: parse error: unexpected identifier \"bar\""),
        ("sum(,)", "1:5: parse error: unexpected \",\" in aggregation"),
        ("rate(,)", "1:6: parse error: unexpected \",\""),
        ("sum foo", "1:5: parse error: unexpected identifier \"foo\""),
        ("sum by (a:b) (x)", "1:9: parse error: unexpected metric identifier \"a:b\" in grouping opts, expected label"),
        (
            "sum by (a bar) (x)",
            "1:11: parse error: unexpected identifier \"bar\" in grouping opts, expected \",\" or \")\""
        ),
        ("foo bar", "1:5: parse error: unexpected identifier \"bar\""),
        ("(foo bar)", "1:6: parse error: unexpected identifier \"bar\""),
        ("foo[5m:1m 1", "1:11: parse error: unexpected number \"1\" in subquery selector, expected \"]\""),
        ("foo offset 5m offset", "1:21: parse error: unexpected end of input in offset, expected duration"),
        ("sum(x) by", "1:10: parse error: unexpected end of input in grouping opts, expected \"(\""),
        ("foo + on(a) bool b", "1:13: parse error: unexpected <bool>"),
        ("1e", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"1e\": invalid syntax"),
        ("0x1.8", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"0x1.8\": invalid syntax"),
        ("\"\\q\"", "1:1: parse error: unknown escape sequence U+0071 'q'"),
        ("sum(a + )", "1:9: parse error: unexpected \")\" in aggregation"),
        ("foo @ start", "1:12: parse error: unexpected end of input in @, expected timestamp"),
        ("foo @ start(1)", "1:13: parse error: unexpected number \"1\" in @, expected timestamp"),
        ("rate(a, ,)", "1:7: parse error: trailing commas not allowed in function call args"),
        ("rate(a,", "1:8: parse error: unclosed left parenthesis"),
        ("foo[5m] offset - bar", "1:18: parse error: unexpected identifier \"bar\" in offset, expected duration"),
        ("sum by (a) foo", "1:12: parse error: unexpected identifier \"foo\" in aggregation"),
        ("sum(x) by (a) by (b)", "1:15: parse error: unexpected <by>"),
        ("foo{a=\"b\"}[5m] @ 3 @ 4", "1:1: parse error: @ <timestamp> may not be set multiple times"),
        ("foo offset 5m @ 3 offset 1m", "1:1: parse error: offset may not be set multiple times"),
        ("-{}", "1:2: parse error: vector selector must contain at least one non-empty matcher"),
        (
            "foo + on(a) group_left(a) bar",
            "1:5: parse error: label \"a\" must not occur in ON and GROUP clause at once"
        ),
        ("foo{__name__=~\"x\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"x\""),
        ("1 + on(a) foo", "1:1: parse error: vector matching only allowed between instant vectors"),
        ("1 + foo + ignoring(x) 2", "1:1: parse error: vector matching only allowed between instant vectors"),
        ("a + b[5m]", "1:5: parse error: binary expression must contain only scalar and instant vector types"),
        ("a[5m] + b", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
        ("rate(x[5m], 2)", "1:1: parse error: expected 1 argument(s) in call to \"rate\", got 2"),
        (
            "label_join(x, \"a\", \"b\", 1)",
            "1:25: parse error: expected type string in call to function \"label_join\", got scalar"
        ),
        ("round(x, 1, 2)", "1:1: parse error: expected at most 2 argument(s) in call to \"round\", got 3"),
        (
            "sum(x, y)",
            "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2"
        ),
        (
            "topk(1, x, y)",
            "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 3"
        ),
        ("foo[5m] [1m]", "1:9: parse error: ranges only allowed for vector selectors"),
        ("foo[5m][1m:]", "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"),
        ("(foo)[5m]", "1:6: parse error: ranges only allowed for vector selectors"),
        ("foo @ 1 [5m]", "1:9: parse error: no @ modifiers allowed before range"),
        ("foo offset 1m [5m]", "1:15: parse error: no offset modifiers allowed before range"),
        ("foo @ end() offset 1m [5m]", "1:23: parse error: no offset modifiers allowed before range"),
        (
            "-foo[5m]",
            "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\""
        ),
        (
            "-\"a\"",
            "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\""
        ),
        (
            "+\"a\"",
            "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\""
        ),
        ("sum(\"a\")", "1:5: parse error: expected type instant vector in aggregation expression, got string"),
        ("sum(foo[5m])", "1:5: parse error: expected type instant vector in aggregation expression, got range vector"),
        ("topk(\"a\", foo)", "1:6: parse error: expected type scalar in aggregation parameter, got string"),
        ("count_values(1, foo)", "1:14: parse error: expected type string in aggregation parameter, got scalar"),
        ("quantile(foo, bar)", "1:10: parse error: expected type scalar in aggregation parameter, got instant vector"),
        ("rate(1)", "1:6: parse error: expected type range vector in call to function \"rate\", got scalar"),
        ("abs(\"x\")", "1:5: parse error: expected type instant vector in call to function \"abs\", got string"),
        (
            "abs(foo[1m])",
            "1:5: parse error: expected type instant vector in call to function \"abs\", got range vector"
        ),
        (
            "label_replace(foo, \"a\", \"b\", \"c\")",
            "1:1: parse error: expected 5 argument(s) in call to \"label_replace\", got 4"
        ),
        (
            "label_replace(foo, \"a\", \"b\", \"c\", 1)",
            "1:35: parse error: expected type string in call to function \"label_replace\", got scalar"
        ),
        ("time(1)", "1:1: parse error: expected 0 argument(s) in call to \"time\", got 1"),
        ("vector(foo)", "1:8: parse error: expected type scalar in call to function \"vector\", got instant vector"),
        ("scalar(1)", "1:8: parse error: expected type instant vector in call to function \"scalar\", got scalar"),
        (
            "histogram_quantile(foo, bar)",
            "1:20: parse error: expected type scalar in call to function \"histogram_quantile\", got instant vector"
        ),
        ("foo and bool bar", "1:5: parse error: bool modifier can only be used on comparison operators"),
        (
            "foo == bool on(a) group_left(a) bar",
            "1:5: parse error: label \"a\" must not occur in ON and GROUP clause at once"
        ),
        ("1 == 2", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
        ("\"a\" + 1", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
        ("foo + \"a\"", "1:7: parse error: binary expression must contain only scalar and instant vector types"),
        ("foo[5m] + 1", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
        ("foo and on(a) group_left bar", "1:1: parse error: no grouping allowed for \"and\" operation"),
        ("foo unless ignoring(a) group_right() bar", "1:1: parse error: no grouping allowed for \"unless\" operation"),
        ("sum without (==) (x)", "1:14: parse error: unexpected <op:==> in grouping opts, expected label"),
        ("sum by (x,,) (x)", "1:11: parse error: unexpected \",\" in grouping opts, expected label"),
        ("sum by x (x)", "1:8: parse error: unexpected identifier \"x\" in grouping opts, expected \"(\""),
        ("sum by () (x) by (y)", "1:15: parse error: unexpected <by>"),
        ("sum()", "1:1: parse error: no arguments for aggregate expression provided"),
        ("topk()", "1:1: parse error: no arguments for aggregate expression provided"),
        ("count_values()", "1:1: parse error: no arguments for aggregate expression provided"),
        ("sum(x,)", "1:6: parse error: trailing commas not allowed in function call args"),
        ("x{a}", "1:4: parse error: unexpected \"}\" in label matching, expected label matching operator"),
        ("x{a=}", "1:5: parse error: unexpected \"}\" in label matching, expected string"),
        ("x{a=\"b\",,}", "1:9: parse error: unexpected \",\" in label matching, expected identifier or \"}\""),
        (
            "x{a=\"b\" c=\"d\"}",
            "1:9: parse error: unexpected identifier \"c\" in label matching, expected \",\" or \"}\""
        ),
        ("x{=}", "1:3: parse error: unexpected \"=\" in label matching, expected identifier or \"}\""),
        (
            "x{\"a\"=\"b\"}",
            "1:3: parse error: unexpected string \"\\\"a\\\"\" in label matching, expected identifier or \"}\""
        ),
        ("{a=\"b\"}[5m", "1:11: parse error: unclosed left bracket"),
        ("{__name__=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("{a=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("foo offset 0s", "1:12: parse error: duration must be greater than 0"),
        ("foo offset 0m", "1:12: parse error: duration must be greater than 0"),
        ("foo[0s]", "1:5: parse error: duration must be greater than 0"),
        ("foo[5m:0s]", "1:8: parse error: duration must be greater than 0"),
        ("foo offset 1ms1s", "1:12: parse error: not a valid duration string: \"1ms1s\""),
        ("foo offset 5m5m", "1:12: parse error: not a valid duration string: \"5m5m\""),
        ("foo offset 5", "1:12: parse error: unexpected number \"5\" in offset, expected duration"),
        ("foo @ 1y", "1:7: parse error: unexpected duration \"1y\" in @, expected timestamp"),
        ("foo @ -", "1:8: parse error: unexpected end of input in @, expected timestamp"),
        ("foo @ +", "1:8: parse error: unexpected end of input in @, expected timestamp"),
        ("foo @ \"a\"", "1:7: parse error: unexpected string \"\\\"a\\\"\" in @, expected timestamp"),
        (
            "foo @ 1e400",
            "1:7: parse error: error parsing number: strconv.ParseFloat: parsing \"1e400\": value out of range"
        ),
        ("foo @ 1e20", "1:1: parse error: timestamp out of bounds for @ modifier: 100000000000000000000.000000"),
        ("foo @ -1e20", "1:1: parse error: timestamp out of bounds for @ modifier: -100000000000000000000.000000"),
        ("@ foo", "1:1: parse error: unexpected \"<Item 57385>\" <op:@>"),
        ("sum by", "1:7: parse error: unexpected end of input in grouping opts, expected \"(\""),
        ("sum without", "1:12: parse error: unexpected end of input in grouping opts, expected \"(\""),
        ("foo by", "1:5: parse error: unexpected <by>"),
        ("foo without", "1:5: parse error: unexpected <without>"),
        ("foo on", "1:5: parse error: unexpected <on>"),
        ("foo bool", "1:5: parse error: unexpected <bool>"),
        ("foo ignoring", "1:5: parse error: unexpected <ignoring>"),
        ("foo group_left", "1:5: parse error: unexpected <group_left>"),
        ("on", "1:1: parse error: unexpected <on>"),
        ("bool", "1:1: parse error: unexpected <bool>"),
        ("ignoring", "1:1: parse error: unexpected <ignoring>"),
        ("group_left", "1:1: parse error: unexpected <group_left>"),
        ("atan2", "1:1: parse error: unexpected <op:atan2>"),
        ("foo atan2 bool bar", "1:5: parse error: bool modifier can only be used on comparison operators"),
        ("0x", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"0x\": invalid syntax"),
        ("0xg", "1:1: parse error: bad number or duration syntax: \"0x\""),
        ("0x1p4", "1:1: parse error: bad number or duration syntax: \"0x1\""),
        ("1.2.3", "1:4: parse error: unexpected number \".3\""),
        ("1..2", "1:3: parse error: unexpected number \".2\""),
        (".5e", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \".5e\": invalid syntax"),
        ("5e+", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"5e+\": invalid syntax"),
        ("1_000", "1:1: parse error: bad number or duration syntax: \"1\""),
        ("0b11", "1:1: parse error: bad number or duration syntax: \"0\""),
        ("0o17", "1:1: parse error: bad number or duration syntax: \"0\""),
        ("1e309", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"1e309\": value out of range"),
        ("\"\\'\"", "1:1: parse error: unknown escape sequence U+0027 '''"),
        ("'\\\"'", "1:1: parse error: unknown escape sequence U+0022 '\"'"),
        ("\"\\uD800\"", "1:1: parse error: escape sequence is an invalid Unicode code point"),
        ("\"\\U00110000\"", "1:1: parse error: escape sequence is an invalid Unicode code point"),
        ("\"\\777\"", "1:1: parse error: escape sequence is an invalid Unicode code point"),
        ("\"\\400\"", "1:1: parse error: escape sequence is an invalid Unicode code point"),
        ("\"\\x4\"", "1:1: parse error: illegal character U+0022 '\"' in escape sequence"),
        ("\"\\u004\"", "1:1: parse error: illegal character U+0022 '\"' in escape sequence"),
        ("\"abc", "1:1: parse error: unterminated quoted string"),
        ("'abc", "1:1: parse error: unterminated quoted string"),
        ("`abc", "1:1: parse error: unterminated raw string"),
        ("# only comment", "1:1: parse error: no expression found in input"),
        ("foo{# comment", "1:14: parse error: unexpected end of input inside braces"),
        ("a=\"b\"}", "1:2: parse error: unexpected \"=\""),
        ("1 + # comment", "1:14: parse error: unexpected end of input"),
        ("foo $", "1:5: parse error: unexpected character: '$'"),
        ("foo ;", "1:5: parse error: unexpected character: ';'"),
        ("foo ?", "1:5: parse error: unexpected character: '?'"),
        ("foo ~", "1:5: parse error: unexpected character: '~'"),
        ("foo !", "1:5: parse error: unexpected character after '!': '�'"),
        ("foo =~ bar", "1:5: parse error: unexpected character after '=': '~'"),
        ("foo = bar", "1:5: parse error: unexpected \"=\""),
        ("foo := bar", "1:5: parse error: unexpected metric identifier \":\""),
        ("foo{a!b}", "1:6: parse error: unexpected character after '!' inside braces: 'b'"),
        ("foo{a!}", "1:6: parse error: unexpected character after '!' inside braces: '}'"),
        ("foo{a=\"b\"}{c=\"d\"}", "1:11: parse error: unexpected \"{\""),
        ("foo{{", "1:5: parse error: unexpected left brace '{'"),
        ("foo}", "1:4: parse error: unexpected character: '}'"),
        ("foo]", "1:4: parse error: unexpected right bracket ']'"),
        ("foo)", "1:5: parse error: unexpected right parenthesis ')'"),
        ("foo[", "1:5: parse error: missing unit character in duration"),
        ("foo[5m", "1:7: parse error: unclosed left bracket"),
        ("foo[5m:", "1:8: parse error: unclosed left bracket"),
        ("foo[5m:1m", "1:10: parse error: unclosed left bracket"),
        ("foo[[", "1:5: parse error: missing unit character in duration"),
        ("foo[5m]]", "1:8: parse error: unexpected right bracket ']'"),
        ("foo[5m:1m:2m]", "1:10: parse error: unexpected colon ':'"),
        ("foo[:]", "1:5: parse error: missing unit character in duration"),
        ("foo[:5m]", "1:5: parse error: missing unit character in duration"),
        ("foo[5m::]", "1:8: parse error: unexpected colon ':'"),
        ("foo[1.5h]", "1:5: parse error: not a valid duration string: \"1.5h\""),
        ("foo[5x]", "1:5: parse error: bad duration syntax: \"5\""),
        ("foo[5 m]", "1:5: parse error: missing unit character in duration"),
        ("foo[-5m]", "1:5: parse error: missing unit character in duration"),
        ("foo[+5m]", "1:5: parse error: missing unit character in duration"),
        ("foo + bool on(a) bar", "1:5: parse error: bool modifier can only be used on comparison operators"),
        ("foo > on(a) bool bar", "1:13: parse error: unexpected <bool>"),
        (
            "sum by (on, by, bool, offset, group_left, sum, start, end, atan2, inf) (foo)",
            "1:67: parse error: unexpected number \"inf\" in grouping opts, expected label"
        ),
        ("sum by (Inf) (foo)", "1:9: parse error: unexpected number \"Inf\" in grouping opts, expected label"),
        ("sum by (nan) (foo)", "1:9: parse error: unexpected number \"nan\" in grouping opts, expected label"),
        ("a:b(c)", "1:4: parse error: unexpected \"(\""),
        (
            "label_join(foo, \"a\")",
            "1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 2"
        ),
        ("hour(foo, bar)", "1:1: parse error: expected at most 1 argument(s) in call to \"hour\", got 2"),
        (
            "day_of_week(1)",
            "1:13: parse error: expected type instant vector in call to function \"day_of_week\", got scalar"
        ),
        ("pi(1)", "1:1: parse error: expected 0 argument(s) in call to \"pi\", got 1"),
        ("holt_winters(foo[5m], 0.5)", "1:1: parse error: expected 3 argument(s) in call to \"holt_winters\", got 2"),
        (
            "quantile_over_time(foo[5m], 0.5)",
            "1:20: parse error: expected type scalar in call to function \"quantile_over_time\", got range vector"
        ),
        ("clamp(foo, 0)", "1:1: parse error: expected 3 argument(s) in call to \"clamp\", got 2"),
        ("foo{a=\"b\" # comment", "1:20: parse error: unexpected end of input inside braces"),
        (
            "rate(foo[5m]) @ 1",
            "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        ),
        (
            "sum(foo) offset 1m",
            "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        ),
        (
            "(foo) offset 1m",
            "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        ),
        ("foo offset 1m offset 2m", "1:1: parse error: offset may not be set multiple times"),
        ("foo[5m] offset 1m offset 2m", "1:1: parse error: offset may not be set multiple times"),
        ("foo[5m:] offset 1m offset 2m", "1:1: parse error: offset may not be set multiple times"),
        ("foo @ 1 @ 2", "1:1: parse error: @ <timestamp> may not be set multiple times"),
        ("foo[5m:] @ 1 @ start()", "1:1: parse error: @ <timestamp> may not be set multiple times"),
        (
            "\"a\" offset 1m",
            "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        ),
        (
            "1 @ 1",
            "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        ),
        ("foo @ start() @ end()", "1:1: parse error: @ <timestamp> may not be set multiple times"),
        ("foo offset5m", "1:5: parse error: unexpected identifier \"offset5m\""),
        ("foo offset 5m5", "1:12: parse error: bad number or duration syntax: \"5m5\""),
        ("a ^ b[5m:]", "1:5: parse error: binary expression must contain only scalar and instant vector types"),
        (
            "-a[5m:]",
            "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\""
        ),
        ("foo\n+\nbar baz", "3:5: parse error: unexpected identifier \"baz\""),
        ("sum(\nfoo\n)\n)", "4:2: parse error: unexpected right parenthesis ')'"),
        ("foo\n  offset\n  5m\n  offset 1m", "1:1: parse error: offset may not be set multiple times"),
        (
            "\n\n  rate(foo)",
            "3:8: parse error: expected type range vector in call to function \"rate\", got instant vector"
        ),
        ("sum(foo{a=})", "1:11: parse error: unexpected \"}\" in label matching, expected string"),
        ("sum(foo[5m)", "1:11: parse error: unexpected \")\" in subquery or range, expected \":\" or \"]\""),
        ("sum by (a) (rate(x[5m] offset))", "1:30: parse error: unexpected \")\" in offset, expected duration"),
        ("sum(])", "1:5: parse error: unexpected right bracket ']'"),
        ("count_values(\"a\" x)", "1:18: parse error: unexpected identifier \"x\" in aggregation"),
        ("sum((a b))", "1:8: parse error: unexpected identifier \"b\" in aggregation"),
        ("sum(rate(x[5m], ))", "1:15: parse error: trailing commas not allowed in function call args"),
        ("topk(,)", "1:6: parse error: unexpected \",\" in aggregation"),
        ("sum(a +)", "1:8: parse error: unexpected \")\" in aggregation"),
        ("sum(a + on(b) bool c)", "1:15: parse error: unexpected <bool> in aggregation"),
        ("sum(foo @)", "1:10: parse error: unexpected \")\" in @, expected timestamp"),
        ("sum(foo[5m:1m 1])", "1:15: parse error: unexpected number \"1\" in subquery selector, expected \"]\""),
        ("sum(foo offset 5m offset 1m)", "1:5: parse error: offset may not be set multiple times"),
        ("sum(foo{a=\"b\"} c)", "1:16: parse error: unexpected identifier \"c\" in aggregation"),
        (
            "sum(rate(foo))",
            "1:10: parse error: expected type range vector in call to function \"rate\", got instant vector"
        ),
        ("sum(rate(foo bar))", "1:14: parse error: unexpected identifier \"bar\" in aggregation"),
        ("rate(sum(foo bar))", "1:14: parse error: unexpected identifier \"bar\" in aggregation"),
        ("rate(sum(foo) bar)", "1:15: parse error: unexpected identifier \"bar\""),
        ("sum(x) + sum(y", "1:15: parse error: unclosed left parenthesis"),
        (
            "sum(1, 2, 3)",
            "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 3"
        ),
        (
            "count_values(\"a\", x, y)",
            "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 3"
        ),
        ("sum(x) by (a) (y)", "1:15: parse error: unexpected \"(\""),
        ("sum by (a) by (b) (x)", "1:12: parse error: unexpected <by> in aggregation"),
        ("sum without (a) by (b) (x)", "1:17: parse error: unexpected <by> in aggregation"),
        ("sum by (a) (x) without (b)", "1:16: parse error: unexpected <without>"),
        ("foo{a=\"b\"} offset 5m[5m]", "1:21: parse error: no offset modifiers allowed before range"),
        ("foo offset -5m offset 1m", "1:1: parse error: offset may not be set multiple times"),
        ("foo[5m] @ 1 offset 1m @ 2", "1:1: parse error: @ <timestamp> may not be set multiple times"),
        (
            "sum(x) @ 1",
            "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        ),
        ("1 + 2 3", "1:7: parse error: unexpected number \"3\""),
        ("1 + (2 3)", "1:8: parse error: unexpected number \"3\""),
        ("(1 + 2", "1:7: parse error: unclosed left parenthesis"),
        ("1 + (2", "1:7: parse error: unclosed left parenthesis"),
        ("foo{a=\"b\"}} ", "1:11: parse error: unexpected character: '}'"),
        ("foo{a=\"b\"}{", "1:11: parse error: unexpected \"{\""),
        ("foo{a=\"b\"}[5m] [5m]", "1:16: parse error: ranges only allowed for vector selectors"),
        ("abs(foo)[5m]", "1:9: parse error: ranges only allowed for vector selectors"),
        ("time()[5m:]", "1:1: parse error: subquery is only allowed on instant vector, got scalar instead"),
        ("\"a\"[5m:]", "1:1: parse error: subquery is only allowed on instant vector, got string instead"),
        ("1[5m:]", "1:1: parse error: subquery is only allowed on instant vector, got scalar instead"),
        ("(1)[5m]", "1:4: parse error: ranges only allowed for vector selectors"),
        ("foo{,a=\"b\"}", "1:5: parse error: unexpected \",\" in label matching, expected identifier or \"}\""),
        (
            "foo{a=\"b\"c=\"d\"}",
            "1:10: parse error: unexpected identifier \"c\" in label matching, expected \",\" or \"}\""
        ),
        ("foo{a==\"b\"}", "1:7: parse error: unexpected \"=\" in label matching, expected string"),
        ("foo{a=!\"b\"}", "1:7: parse error: unexpected character after '!' inside braces: '\"'"),
        ("foo{a=\"b\",c}", "1:12: parse error: unexpected \"}\" in label matching, expected label matching operator"),
        ("foo{a=\"b\",c=}", "1:13: parse error: unexpected \"}\" in label matching, expected string"),
        ("foo{a=\"b\",c=\"d\"", "1:16: parse error: unexpected end of input inside braces"),
        ("foo(", "1:5: parse error: unclosed left parenthesis"),
        ("foo(1", "1:6: parse error: unclosed left parenthesis"),
        ("rate(", "1:6: parse error: unclosed left parenthesis"),
        ("sum(", "1:5: parse error: unclosed left parenthesis"),
        ("sum(a)by", "1:9: parse error: unexpected end of input in grouping opts, expected \"(\""),
        ("sum(a)by(", "1:10: parse error: unclosed left parenthesis"),
        ("sum(a)by(b", "1:11: parse error: unclosed left parenthesis"),
        ("sum(a)by(b,", "1:12: parse error: unclosed left parenthesis"),
        ("sum(a)by(b c)", "1:12: parse error: unexpected identifier \"c\" in grouping opts, expected \",\" or \")\""),
        ("sum(a)by(1)", "1:10: parse error: unexpected number \"1\" in grouping opts, expected label"),
        ("sum(a)by(\"a\")", "1:10: parse error: unexpected string \"\\\"a\\\"\" in grouping opts, expected label"),
        ("sum(a)by(a-b)", "1:11: parse error: unexpected <op:-> in grouping opts, expected \",\" or \")\""),
        ("foo + on", "1:9: parse error: unexpected end of input in grouping opts, expected \"(\""),
        ("foo + on(", "1:10: parse error: unclosed left parenthesis"),
        ("foo + on(a", "1:11: parse error: unclosed left parenthesis"),
        ("foo + on(a)", "1:12: parse error: unexpected end of input"),
        ("foo + on(a) group_left", "1:23: parse error: unexpected end of input in grouping opts, expected \"(\""),
        ("foo + on(a) group_left(", "1:24: parse error: unclosed left parenthesis"),
        ("foo + on(a) group_left(b", "1:25: parse error: unclosed left parenthesis"),
        ("foo + on(a) group_left(b)", "1:26: parse error: unexpected end of input"),
        ("foo + bool", "1:11: parse error: unexpected end of input"),
        ("foo > bool", "1:11: parse error: unexpected end of input"),
        ("foo + ignoring", "1:15: parse error: unexpected end of input in grouping opts, expected \"(\""),
        ("foo + group_right", "1:7: parse error: unexpected <group_right>"),
        ("foo and", "1:8: parse error: unexpected end of input"),
        ("foo unless on(a)", "1:17: parse error: unexpected end of input"),
        ("foo atan2", "1:10: parse error: unexpected end of input"),
        ("label_replace(foo)", "1:1: parse error: expected 5 argument(s) in call to \"label_replace\", got 1"),
        ("absent()", "1:1: parse error: expected 1 argument(s) in call to \"absent\", got 0"),
        ("absent(foo, bar)", "1:1: parse error: expected 1 argument(s) in call to \"absent\", got 2"),
        ("a offset 293y", "1:10: parse error: duration out of range"),
        ("a[300y]", "1:3: parse error: duration out of range"),
        ("a[106752d]", "1:3: parse error: duration out of range"),
        ("a[9223372036854775807ms]", "1:3: parse error: duration out of range"),
        ("a[1y1y]", "1:3: parse error: bad duration syntax: \"1y1\""),
        ("a[1w1y]", "1:3: parse error: bad duration syntax: \"1w1\""),
        ("a[1d1w]", "1:3: parse error: not a valid duration string: \"1d1w\""),
        ("a[1h1d]", "1:3: parse error: not a valid duration string: \"1h1d\""),
        ("a[1s1m]", "1:3: parse error: not a valid duration string: \"1s1m\""),
        ("a[1ms1s]", "1:3: parse error: not a valid duration string: \"1ms1s\""),
        ("a[1y2w3d4h5m6s7ms8]", "1:3: parse error: bad duration syntax: \"1y2w3d4h5m6s7ms8\""),
        ("a[5M]", "1:3: parse error: bad duration syntax: \"5\""),
        ("a[5S]", "1:3: parse error: bad duration syntax: \"5\""),
        ("a[1hs]", "1:3: parse error: not a valid duration string: \"1hs\""),
        ("a[1ys]", "1:3: parse error: not a valid duration string: \"1ys\""),
        ("foo[5m:5M]", "1:8: parse error: bad number or duration syntax: \"5\""),
        ("foo offset 1hs", "1:12: parse error: not a valid duration string: \"1hs\""),
    ]
}
