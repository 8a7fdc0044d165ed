import Alerting
import Testing
import TimeSeries

/// A matcher as plain data, for tables.
private struct M: Sendable, Equatable, CustomStringConvertible {
    var name: String
    var kind: LabelMatcher.Kind
    var value: String

    init(_ name: String, _ kind: LabelMatcher.Kind, _ value: String) {
        self.name = name
        self.kind = kind
        self.value = value
    }

    init(_ matcher: LabelMatcher) {
        self.init(matcher.name, matcher.kind, matcher.value)
    }

    var description: String { "\(name)\(kind.rawValue)\(value.debugDescription)" }
}

private struct ParseCase: Sendable, CustomTestStringConvertible {
    var input: String
    var expected: [M]
    var testDescription: String { input }

    init(_ input: String, _ expected: [M]) {
        self.input = input
        self.expected = expected
    }
}

private struct FailureCase: Sendable, CustomTestStringConvertible {
    var input: String
    var message: String
    var testDescription: String { input }

    init(_ input: String, _ message: String) {
        self.input = input
        self.message = message
    }
}

/// Alertmanager 0.25's `pkg/labels/parse_test.go` (TestMatchers), every case, then cases settled
/// against amtool 0.25 (`amtool check-config` on `matchers:`, and the matchers `amtool silence add` posts).
@Suite struct MatcherParserTests {
    private static let alertmanagerCases: [ParseCase] = [
        ParseCase(#"{foo="bar"}"#, [M("foo", .equal, "bar")]),
        ParseCase(#"{foo=~"bar.*"}"#, [M("foo", .regexMatch, "bar.*")]),
        ParseCase(#"{foo!="bar"}"#, [M("foo", .notEqual, "bar")]),
        ParseCase(#"{foo!~"bar.*"}"#, [M("foo", .regexNoMatch, "bar.*")]),
        ParseCase(#"{foo="bar", baz!="quux"}"#, [M("foo", .equal, "bar"), M("baz", .notEqual, "quux")]),
        ParseCase(#"{foo="bar", baz!~"quux.*"}"#, [M("foo", .equal, "bar"), M("baz", .regexNoMatch, "quux.*")]),
        ParseCase(
            #"{foo="bar",baz!~".*quux", derp="wat"}"#,
            [M("foo", .equal, "bar"), M("baz", .regexNoMatch, ".*quux"), M("derp", .equal, "wat")]),
        ParseCase(
            #"{foo="bar", baz!="quux", derp="wat"}"#,
            [M("foo", .equal, "bar"), M("baz", .notEqual, "quux"), M("derp", .equal, "wat")]),
        ParseCase(
            #"{foo="bar", baz!~".*quux.*", derp="wat"}"#,
            [M("foo", .equal, "bar"), M("baz", .regexNoMatch, ".*quux.*"), M("derp", .equal, "wat")]),
        ParseCase(
            #"{foo="bar", instance=~"some-api.*"}"#,
            [M("foo", .equal, "bar"), M("instance", .regexMatch, "some-api.*")]),
        ParseCase(#"{foo=""}"#, [M("foo", .equal, "")]),
        ParseCase(#"{foo="bar,quux", job="job1"}"#, [M("foo", .equal, "bar,quux"), M("job", .equal, "job1")]),
        ParseCase(#"{foo = "bar", dings != "bums", }"#, [M("foo", .equal, "bar"), M("dings", .notEqual, "bums")]),
        ParseCase(#"foo=bar,dings!=bums"#, [M("foo", .equal, "bar"), M("dings", .notEqual, "bums")]),
        ParseCase(
            #"{quote="She said: \"Hi, ladies! That's gender-neutral…\""}"#,
            [M("quote", .equal, #"She said: "Hi, ladies! That's gender-neutral…""#)]),
        ParseCase(#"statuscode=~"5..""#, [M("statuscode", .regexMatch, "5..")]),
        ParseCase(#"tricky=~~~"#, [M("tricky", .regexMatch, "~~")]),
        ParseCase(#"trickier==\\=\=\""#, [M("trickier", .equal, #"=\=\=""#)]),
        ParseCase(
            #"contains_quote != "\"" , contains_comma !~ "foo,bar" , "#,
            [M("contains_quote", .notEqual, #"""#), M("contains_comma", .regexNoMatch, "foo,bar")]),
        ParseCase(#"job="#, [M("job", .equal, "")]),
    ]

    private static let alertmanagerFailures: [FailureCase] = [
        FailureCase(#"job="value"#, #"matcher value contains unescaped double quote: "value"#),
        FailureCase(#"job=value""#, #"matcher value contains unescaped double quote: value""#),
        FailureCase(#"trickier==\\=\=\"""#, #"matcher value contains unescaped double quote: =\\=\=\"""#),
        FailureCase(#"contains_unescaped_quote = foo"bar"#, #"matcher value contains unescaped double quote: foo"bar"#),
        FailureCase(#"{invalid-name = "valid label"}"#, #"bad matcher format: invalid-name = "valid label""#),
        // Double escaped strings.
        FailureCase(#""{foo=\"bar"}"#, #"bad matcher format: "{foo=\"bar""#),
        FailureCase(#""foo=\"bar""#, #"bad matcher format: "foo=\"bar""#),
        FailureCase(#""foo=\"bar\"""#, #"bad matcher format: "foo=\"bar\"""#),
        FailureCase(#""foo=\"bar\""#, #"bad matcher format: "foo=\"bar\""#),
        FailureCase(#""{foo=\"bar\"}""#, #"bad matcher format: "{foo=\"bar\"}""#),
        FailureCase(#""foo="bar"""#, #"bad matcher format: "foo="bar"""#),
    ]

    @Test(arguments: alertmanagerCases)
    fileprivate func parsesAlertmanagersValidInputs(_ testCase: ParseCase) throws {
        let matchers = try MatcherParser.parse(testCase.input)
        #expect(matchers.map(M.init) == testCase.expected)
    }

    @Test(arguments: alertmanagerFailures)
    fileprivate func rejectsAlertmanagersInvalidInputsWithItsWording(_ testCase: FailureCase) {
        #expect(throws: MatcherParseError(text: testCase.input, message: testCase.message)) {
            try MatcherParser.parse(testCase.input)
        }
    }

    @Test func anInvalidRegexIsAnErrorNamingThePattern() throws {
        // Alertmanager: "error parsing regexp: missing closing ]: `[regexp)$`" (Go's regexp wording).
        let error = try #require(throws: MatcherParseError.self) {
            try MatcherParser.parse(#"{foo=~"invalid[regexp"}"#)
        }
        #expect(error.text == #"{foo=~"invalid[regexp"}"#)
        #expect(error.message.contains("error parsing regexp: missing closing ]: `[regexp)$`"))
    }

    // MARK: Beyond parse_test.go, checked against amtool 0.25

    private static let amtoolCases: [ParseCase] = [
        ParseCase("", []),
        ParseCase("{}", []),
        ParseCase(#"a="b","#, [M("a", .equal, "b")]),
        ParseCase("a=b}", [M("a", .equal, "b")]),
        // Only one brace is trimmed, and only at the very ends.
        ParseCase("{a=b} ", [M("a", .equal, "b}")]),
        ParseCase("a==b", [M("a", .equal, "=b")]),
        ParseCase("a!==b", [M("a", .notEqual, "=b")]),
        ParseCase("a=!b", [M("a", .equal, "!b")]),
        ParseCase("a=~~", [M("a", .regexMatch, "~")]),
        ParseCase(#"  a  !=  " b "  "#, [M("a", .notEqual, " b ")]),
        ParseCase("a=\tb\t", [M("a", .equal, "b")]),
        // Go regexp's \s is ASCII: a vertical tab is kept.
        ParseCase("a=\u{0B}b", [M("a", .equal, "\u{0B}b")]),
        // A backslash before anything but n, " and \ is literal, and so is a final one.
        ParseCase(#"a=x\qy"#, [M("a", .equal, #"x\qy"#)]),
        ParseCase(#"a=b\"#, [M("a", .equal, #"b\"#)]),
        ParseCase(#"a=b\nc"#, [M("a", .equal, "b\nc")]),
        ParseCase(#"a="""#, [M("a", .equal, "")]),
        ParseCase("a=é", [M("a", .equal, "é")]),
        ParseCase(#"a="x\\",b=c"#, [M("a", .equal, #"x\"#), M("b", .equal, "c")]),
        // The last piece is trimmed of Unicode white space (Go's strings.TrimSpace), the others are not.
        ParseCase("a=b\u{A0}", [M("a", .equal, "b")]),
        ParseCase("a=b\u{A0},c=d", [M("a", .equal, "b\u{A0}"), M("c", .equal, "d")]),
    ]

    private static let amtoolFailures: [FailureCase] = [
        FailureCase("a=b,,c=d", "bad matcher format: "),
        FailureCase(",", "bad matcher format: "),
        FailureCase("{{a=b}}", "bad matcher format: {a=b}"),
        FailureCase(" {a=b}", "bad matcher format: {a=b"),
        FailureCase("invalid-name=x", "bad matcher format: invalid-name=x"),
        FailureCase(#"a=~"b"#, #"matcher value contains unescaped double quote: "b"#),
        FailureCase(#"a=""#, #"matcher value contains unescaped double quote: ""#),
        FailureCase(#"a="b\""#, #"matcher value contains unescaped double quote: "b\""#),
        // A comma inside quotes leaves a pending backslash pending, so the quote after it stays escaped
        // and the whole input is one matcher.
        FailureCase(#"a="x\,",b=c"#, #"matcher value contains unescaped double quote: "x\,",b=c"#),
        FailureCase("a=\"b\"\u{A0},c=d", "matcher value contains unescaped double quote: \"b\"\u{A0}"),
        // Commas split outside quotes even inside a regex.
        FailureCase("a=~a{2,3}", "bad matcher format: 3"),
    ]

    @Test(arguments: amtoolCases)
    fileprivate func parsesAsAmtoolDoes(_ testCase: ParseCase) throws {
        let matchers = try MatcherParser.parse(testCase.input)
        #expect(matchers.map(M.init) == testCase.expected)
    }

    @Test(arguments: amtoolFailures)
    fileprivate func rejectsAsAmtoolDoes(_ testCase: FailureCase) {
        #expect(throws: MatcherParseError(text: testCase.input, message: testCase.message)) {
            try MatcherParser.parse(testCase.input)
        }
    }

    @Test func parseOneTakesCommasAndBracesLiterally() throws {
        #expect(M(try MatcherParser.parseOne("a=b,c")) == M("a", .equal, "b,c"))
        #expect(M(try MatcherParser.parseOne("a=~a{2,3}")) == M("a", .regexMatch, "a{2,3}"))
        #expect(throws: MatcherParseError(text: "{a=b}", message: "bad matcher format: {a=b}")) {
            try MatcherParser.parseOne("{a=b}")
        }
        #expect(throws: MatcherParseError(text: "", message: "bad matcher format: ")) {
            try MatcherParser.parseOne("")
        }
    }

    @Test func aRegexWithATrailingBackslashFailsToCompile() {
        // Alertmanager keeps the final backslash, then Go fails on `^(?:x\)$`.
        #expect(throws: MatcherParseError.self) { try MatcherParser.parse(#"a=~x\"#) }
    }

    @Test func parsedRegexesAreFullyAnchored() throws {
        let matcher = try MatcherParser.parseOne(#"service=~"api|web""#)
        #expect(matcher.matches("api"))
        #expect(!matcher.matches("api-gateway"))
        #expect(!matcher.matches("my-web"))
    }

    @Test func errorsFromAListNameTheWholeInputAndTheOffendingPiece() {
        #expect(
            throws: MatcherParseError(
                text: "a=b, c=~\"d", message: "matcher value contains unescaped double quote: \"d")
        ) {
            try MatcherParser.parse("a=b, c=~\"d")
        }
    }

    // MARK: Alertmanager's String()

    @Test func alertmanagerTextEscapesQuotesBackslashesAndLineFeeds() throws {
        let matcher = try LabelMatcher("msg", .notEqual, "say \"hi\"\\\nbye")
        #expect(matcher.alertmanagerText == #"msg!="say \"hi\"\\\nbye""#)
        let regex = try LabelMatcher("job", .regexMatch, "a.*")
        #expect(regex.alertmanagerText == #"job=~"a.*""#)
    }

    @Test func alertmanagerTextEscapesTheLineFeedOfACarriageReturnPair() throws {
        // One Swift character, two bytes for Alertmanager: only the line feed is escaped.
        let matcher = LabelMatcher.equal("a", "x\r\ny")
        #expect(matcher.alertmanagerText == "a=\"x\r\\ny\"")
    }

    @Test func alertmanagerTextParsesBackToTheSameMatcher() throws {
        let original = try LabelMatcher("quote", .regexMatch, "She said: \"Hi, \\d\"\n")
        let reparsed = try MatcherParser.parse("{\(original.alertmanagerText)}")
        #expect(reparsed == [original])
    }
}
