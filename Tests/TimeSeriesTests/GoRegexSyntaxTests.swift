import Testing

@testable import TimeSeries

/// Go's regexp syntax check on matchers, against what promtool 2.42 printed for each pattern here
/// (`promtool check rules` on `x{a=~"<pattern>"}`): the same patterns refused, with the same words.
@Suite struct GoRegexSyntaxTests {
    /// (pattern, promtool's message after "error parsing regexp: ", or nil when promtool accepts it).
    static let promtool: [(String, String?)] = [
        (#"+Inf"#, #"missing argument to repetition operator: `+`"#),
        (#"a**"#, #"invalid nested repetition operator: `**`"#),
        (#"a*?*"#, #"invalid nested repetition operator: `*?*`"#),
        (#"(a"#, #"missing closing ): `^(?:(a)$`"#),
        (#"a)"#, #"unexpected ): `^(?:a))$`"#),
        (#"a)b("#, #"unexpected ): `a)b(`"#),
        (#"[a"#, #"missing closing ]: `[a)$`"#),
        (#"[z-a]"#, #"invalid character class range: `z-a`"#),
        (#"a{1001}"#, #"invalid repeat count: `{1001}`"#),
        (#"a{2}{3}"#, #"invalid nested repetition operator: `{2}{3}`"#),
        (#"x{2,1}"#, #"invalid repeat count: `{2,1}`"#),
        (#"(?=x)"#, #"invalid or unsupported Perl syntax: `(?=`"#),
        (#"(?<n>x)"#, #"invalid or unsupported Perl syntax: `(?<`"#),
        (#"(?P<n>x)"#, nil),
        (#"(?P<>x)"#, #"invalid named capture: `(?P<>`"#),
        (#"(?P<n"#, #"invalid named capture: `(?P<n)$`"#),
        (#"\1"#, #"invalid escape sequence: `\1`"#),
        (#"\q"#, #"invalid escape sequence: `\q`"#),
        (#"\C"#, #"invalid escape sequence: `\C`"#),
        (#"a\"#, #"missing closing ): `^(?:a\)$`"#),
        (#"[[:foo:]]"#, #"invalid character class range: `[:foo:]`"#),
        (#"[[:alpha:]]"#, nil),
        (#"\p{Foo}"#, #"invalid character class range: `\p{Foo}`"#),
        (#"\pX"#, #"invalid character class range: `\pX`"#),
        (#"\pL"#, nil),
        (#"\p{Greek}"#, nil),
        (#"(?i)abc"#, nil),
        (#"(?i-)x"#, #"invalid or unsupported Perl syntax: `(?i-)`"#),
        (#"(?--i)x"#, #"invalid or unsupported Perl syntax: `(?--`"#),
        (#"(?"#, #"missing closing ): `^(?:(?)$`"#),
        (#"a|*"#, #"missing argument to repetition operator: `*`"#),
        (#"(*)"#, #"missing argument to repetition operator: `*`"#),
        (#"^*"#, nil),
        (#"x{,3}"#, nil),
        (#"x{3"#, nil),
        (#"[\d-z]"#, nil),
        (#"[a-\d]"#, #"invalid escape sequence: `\d`"#),
        (#"\x{110000}"#, #"invalid escape sequence: `\x{110000`"#),
        (#"\x4"#, #"invalid escape sequence: `\x4)`"#),
        (#"\x{}"#, #"invalid escape sequence: `\x{}`"#),
        (#"\Qa.b\E+"#, nil),
        (#"\Q\E*"#, #"missing argument to repetition operator: `*`"#),
        (#"\8"#, #"invalid escape sequence: `\8`"#),
        (#"\01"#, nil),
        (#"\b+"#, nil),
        (#"a{0}"#, nil),
        (#"a++"#, #"invalid nested repetition operator: `++`"#),
        (#"[]a]"#, nil),
        (#"[^]a]"#, nil),
        (#"\z"#, nil),
        (#"(?s)."#, nil),
        (#"(?U)a*"#, nil),
        (#"(?m:^a$)"#, nil),
        (#"[\b]"#, #"invalid escape sequence: `\b`"#),
        (#"a{1,1001}"#, #"invalid repeat count: `{1,1001}`"#),
        (#"a{01}"#, nil),
        (#"\Q"#, #"missing closing ): `^(?:\Q)$`"#),
        (#"[a-]"#, nil),
        (#"foo.*bar|baz"#, nil),
        (#"(a|b)+?c"#, nil),
        (#"\pN+"#, nil),
        (#"\P{^L}"#, nil),
        (#"a{1000}"#, nil),
        (#"(?i:(?P<x>a))"#, nil),
        (#"\e"#, #"invalid escape sequence: `\e`"#),
    ]

    @Test(arguments: promtool)
    func matchersAreRefusedAsPrometheusRefusesThem(pattern: String, expected: String?) {
        do {
            _ = try LabelMatcher("a", .regexMatch, pattern)
            #expect(expected == nil, "promtool refuses \(pattern): \(expected ?? "")")
        } catch {
            #expect(error.description == expected.map { "error parsing regexp: " + $0 }, "\(pattern)")
        }
    }

    @Test func aPatternGoAcceptsStillMatchesAsAnchored() throws {
        let matcher = try LabelMatcher("a", .regexMatch, #"(?i)ab\Q.c\E|x{2}"#)
        #expect(matcher.matches("AB.c"))
        #expect(matcher.matches("xx"))
        #expect(!matcher.matches("ABxc"))
        #expect(!matcher.matches("xxx"))
    }
}
