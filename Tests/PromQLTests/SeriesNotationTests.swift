import Foundation
import PromQL
import Testing
import TimeSeries

/// promqltest/promtool series lines. Expanded values are worked out by hand from the notation's
/// rules (`a+bxn` is n+1 values a, a+b, …; `axn` n+1 copies; `_xn` n gaps); error texts are
/// promtool 2.42's for the same line in a rule test's `input_series`.
@Suite struct SeriesNotationTests {
    @Test func expandsRampsRepeatsGapsAndStaleMarkers() throws {
        let (labels, values) = try SeriesNotation.parseLine(#"metric{a="b"} 1+2x3 _ stale 4x2 -1-1x2 _x3"#)
        #expect(labels == Labels([Label("__name__", "metric"), Label("a", "b")]))
        let expected: [SeriesValue] = [
            .value(1), .value(3), .value(5), .value(7), .missing, .stale, .value(4), .value(4), .value(4),
            .value(-1), .value(-2), .value(-3), .missing, .missing, .missing,
        ]
        #expect(values == expected)
    }

    @Test func labelsMayBeBracesOnlyNameOnlyOrNothing() throws {
        #expect(try SeriesNotation.parseLine(#"{job="a", x="y",} 1"#).labels == Labels(["job": "a", "x": "y"]))
        #expect(try SeriesNotation.parseLine("{} 1").labels == Labels())
        #expect(try SeriesNotation.parseLine("sum:rate5m 1").labels == Labels(["__name__": "sum:rate5m"]))
        #expect(try SeriesNotation.parseLine("up").values.isEmpty)
    }

    @Test func rampsAddTheStepRepeatedly() throws {
        // 0.1 + 0.1 + 0.1 in doubles is 0.30000000000000004, as Prometheus' loop gives.
        #expect(try SeriesNotation.parseValues("0.1+0.1x2") == [.value(0.1), .value(0.2), .value(0.1 + 0.1 + 0.1)])
        #expect(try SeriesNotation.parseValues("1+2x0 1x0 _x0 5") == [.value(1), .value(1), .value(5)])
    }

    @Test func specialValuesAndGoNumberSyntax() throws {
        let values = try SeriesNotation.parseValues("Inf -Inf +1 .5 010 1e3x1")
        #expect(
            values == [
                .value(.infinity), .value(-.infinity), .value(1), .value(0.5), .value(8), .value(1000), .value(1000),
            ])
        guard case .value(let nan) = try SeriesNotation.parseValues("NaN").first else {
            Issue.record("NaN is not a value")
            return
        }
        #expect(nan.isNaN)
    }

    @Test func spacesBetweenItemsMayRepeat() throws {
        #expect(try SeriesNotation.parseLine("x  1   _  ").values == [.value(1), .missing])
        #expect(try SeriesNotation.parseValues(" 2 3") == [.value(2), .value(3)])
    }

    @Test(arguments: Self.errors)
    func malformedLinesFailLikePrometheus(line: String, expected: String) {
        do {
            let parsed = try SeriesNotation.parseLine(line)
            Issue.record("\(line) parsed as \(parsed)")
        } catch {
            #expect(error.description == expected, "\(line)")
        }
    }

    @Test func everyLoadLineOfTheConformanceFilesParses() throws {
        var lines = 0
        for name in ParserConformanceFilesTests.files {
            guard let text = ParserConformanceFilesTests.contents(name) else { continue }
            var inLoad = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("load") {
                    inLoad = true
                } else if !line.hasPrefix(" ") && !line.hasPrefix("\t") {
                    inLoad = false
                } else if inLoad && !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    lines += 1
                    #expect(throws: Never.self, "\(name).test: \(line)") { try SeriesNotation.parseLine(String(line)) }
                }
            }
        }
        #expect(lines > 0 || ParserConformanceFilesTests.contents("literals") == nil)
    }

    static let errors: [(String, String)] = [
        ("foo -2+-1x3", "1:8: parse error: unexpected <op:-> in series values"),
        (
            "foo Infx5",
            "1:5: parse error: unexpected identifier \"Infx5\" in series values, expected number or \"stale\""
        ),
        ("inf 1", "1:1: parse error: unexpected number \"inf\" in series values"),
        (
            "foo 1x2.5",
            "1:7: parse error: invalid repetition in series values: strconv.ParseUint: parsing \"2.5\": invalid syntax"
        ),
        ("foo 1+1", "1:8: parse error: unexpected end of input in series values"),
        ("foo{a} 1", "1:6: parse error: unexpected \"}\" in label set, expected \"=\""),
        ("foo 1 bar", "1:7: parse error: unexpected identifier \"bar\" in series values, expected number or \"stale\""),
        ("foo 1x-2", "1:7: parse error: unexpected <op:-> in series values"),
        ("foo 1x+2", "1:7: parse error: unexpected <op:+> in series values"),
        ("foo 1+x2", "1:7: parse error: unexpected \"x\" in series values"),
        ("foo _+1x2", "1:6: parse error: unexpected <op:+>"),
        ("foo _x", "1:7: parse error: unexpected end of input in series values"),
        ("foo _x_", "1:7: parse error: unexpected \"_\" in series values"),
        ("foo x", "1:5: parse error: unexpected \"x\""),
        ("foo 1 x 2", "1:7: parse error: unexpected \"x\""),
        ("foo 1x 2", "1:7: parse error: unexpected \" \" in series values"),
        ("foo 1,2", "1:6: parse error: unexpected character in series sequence: ','"),
        ("foo 1;2", "1:6: parse error: unexpected character in series sequence: ';'"),
        (
            "foo stalex2",
            "1:5: parse error: unexpected identifier \"stalex2\" in series values, expected number or \"stale\""
        ),
        (
            "foo STALE",
            "1:5: parse error: unexpected identifier \"STALE\" in series values, expected number or \"stale\""
        ),
        ("foo 1e", "1:5: parse error: error parsing number: strconv.ParseFloat: parsing \"1e\": invalid syntax"),
        (
            "foo{a=\"b\" c=\"d\"} 1",
            "1:11: parse error: unexpected identifier \"c\" in label set, expected \",\" or \"}\""
        ),
        ("foo{a=\"b\",,} 1", "1:11: parse error: unexpected \",\" in label set, expected identifier or \"}\""),
        ("foo{a=~\"b\"} 1", "1:6: parse error: unexpected <op:=~> in label set, expected \"=\""),
        ("foo{a!=\"b\"} 1", "1:6: parse error: unexpected <op:!=> in label set, expected \"=\""),
        ("foo 1 (2)", "1:7: parse error: unexpected character in series sequence: '('"),
        ("foo #1", "1:5: parse error: unexpected character in series sequence: '#'"),
    ]
}
