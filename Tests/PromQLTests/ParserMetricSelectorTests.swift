import PromQL
import Testing
import TimeSeries

/// `PromQLParser.parseMetricSelector` (the series API's `match[]`) and `parseDuration`.
@Suite struct ParserMetricSelectorTests {
    @Test func selectorYieldsItsMatchersWithTheNameLast() throws {
        let matchers = try PromQLParser.parseMetricSelector(#"up{job="a", code=~"5.."}"#)
        #expect(matchers.map(\.description) == [#"job="a""#, #"code=~"5..""#, #"__name__="up""#])
        #expect(try PromQLParser.parseMetricSelector(#"{__name__=~"x.*"}"#).map(\.description) == [#"__name__=~"x.*""#])
        #expect(try PromQLParser.parseMetricSelector("sum") == [.equal("__name__", "sum")])
    }

    @Test func selectorIsNotTypeChecked() throws {
        // As Prometheus' ParseMetricSelector: the API, not the parser, rejects empty matchers.
        #expect(try PromQLParser.parseMetricSelector("{}").isEmpty)
        #expect(try PromQLParser.parseMetricSelector(#"{a=""}"#) == [.equal("a", "")])
    }

    @Test(arguments: [
        // Positions by hand: the offending token's byte offset + 1 (for `up{`, the end of the input).
        ("up[5m]", #"1:3: parse error: unexpected "[""#),
        ("rate(x)", #"1:5: parse error: unexpected "(""#),
        ("", "1:1: parse error: unexpected end of input"),
        ("1", #"1:1: parse error: unexpected number "1""#),
        ("up offset 5m", "1:4: parse error: unexpected <offset>"),
        ("up{a=b}", #"1:6: parse error: unexpected identifier "b" in label matching, expected string"#),
        ("up{", "1:4: parse error: unexpected end of input inside braces"),
    ])
    func badSelectorsFail(input: String, expected: String) {
        #expect(throws: PromQLParseError.self) { try PromQLParser.parseMetricSelector(input) }
        do {
            _ = try PromQLParser.parseMetricSelector(input)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test(
        arguments: [
            ("5m", 300_000), ("1h30m", 5_400_000), ("2d", 172_800_000), ("1w", 604_800_000),
            ("1y", 31_536_000_000), ("100ms", 100), ("1s500ms", 1500), ("0", 0), ("90s", 90_000),
            ("1y2w3d4h5m6s7ms", 31_536_000_000 + 1_209_600_000 + 259_200_000 + 14_400_000 + 300_000 + 6000 + 7),
        ] as [(String, Int64)])
    func durationsReadAsPrometheus(text: String, milliseconds: Int64) {
        #expect(PromQLParser.parseDuration(text) == milliseconds)
    }

    @Test(arguments: ["", "5", "m", "1m1h", "1.5h", "-5m", "5M", "1hs", "300y", "5m ", " 5m", "1d1d"])
    func invalidDurationsAreNil(text: String) {
        // 300y overflows Prometheus' int64 nanoseconds (about 292 years).
        #expect(PromQLParser.parseDuration(text) == nil)
    }
}
