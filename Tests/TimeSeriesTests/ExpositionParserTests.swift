import Testing
import TimeSeries

@Suite struct ExpositionParserTests {
    static func parse(_ text: String, at time: Int64 = 1000) throws(ExpositionParseError) -> [IngestedSample] {
        var parser = ExpositionParser()
        return try parser.parse(Array(text.utf8), defaultTimestamp: time)
    }

    static func labels(_ pairs: KeyValuePairs<String, String>) -> Labels {
        Labels(pairs.map { Label($0.key, $0.value) })
    }

    /// Prometheus 2.42's own parser test input (model/textparse/promparse_test.go, TestPromParse), with the
    /// series and values it expects there.
    @Test func readsPrometheusOwnCorpus() throws {
        let input = """
            # HELP go_gc_duration_seconds A summary of the GC invocation durations.
            # \tTYPE go_gc_duration_seconds summary
            go_gc_duration_seconds{quantile="0"} 4.9351e-05
            go_gc_duration_seconds{quantile="0.25",} 7.424100000000001e-05
            go_gc_duration_seconds{quantile="0.5",a="b"} 8.3835e-05
            go_gc_duration_seconds{quantile="0.8", a="b"} 8.3835e-05
            go_gc_duration_seconds{ quantile="0.9", a="b"} 8.3835e-05
            # Hrandom comment starting with prefix of HELP
            #
            wind_speed{A="2",c="3"} 12345
            # comment with escaped \\n newline
            # comment with escaped \\ escape character
            # HELP nohelp1
            # HELP nohelp2 
            go_gc_duration_seconds{ quantile="1.0", a="b" } 8.3835e-05
            go_gc_duration_seconds { quantile="1.0", a="b" } 8.3835e-05
            go_gc_duration_seconds { quantile= "1.0", a= "b", } 8.3835e-05
            go_gc_duration_seconds { quantile = "1.0", a = "b" } 8.3835e-05
            go_gc_duration_seconds_count 99
            some:aggregate:rate5m{a_b="c"}\t1
            # HELP go_goroutines Number of goroutines that currently exist.
            # TYPE go_goroutines gauge
            go_goroutines 33  \t123123
            _metric_starting_with_underscore 1
            testmetric{_label_starting_with_underscore="foo"} 1
            testmetric{label="\\"bar\\""} 1
            # HELP metric foo\u{0}bar
            null_byte_metric{a="abc\u{0}"} 1
            """
        let gc = "go_gc_duration_seconds"
        let expected: [IngestedSample] =
            [
                .init(labels: Self.labels(["__name__": gc, "quantile": "0"]), value: 4.9351e-05, timestamp: 1000),
                .init(
                    labels: Self.labels(["__name__": gc, "quantile": "0.25"]), value: 7.424100000000001e-05,
                    timestamp: 1000),
                .init(
                    labels: Self.labels(["__name__": gc, "quantile": "0.5", "a": "b"]), value: 8.3835e-05,
                    timestamp: 1000),
                .init(
                    labels: Self.labels(["__name__": gc, "quantile": "0.8", "a": "b"]), value: 8.3835e-05,
                    timestamp: 1000),
                .init(
                    labels: Self.labels(["__name__": gc, "quantile": "0.9", "a": "b"]), value: 8.3835e-05,
                    timestamp: 1000),
                .init(
                    labels: Self.labels(["A": "2", "__name__": "wind_speed", "c": "3"]), value: 12345, timestamp: 1000),
            ]
            + Array(
                repeating: IngestedSample(
                    labels: Self.labels(["__name__": gc, "quantile": "1.0", "a": "b"]), value: 8.3835e-05,
                    timestamp: 1000),
                count: 4)
            + [
                .init(labels: Self.labels(["__name__": "go_gc_duration_seconds_count"]), value: 99, timestamp: 1000),
                .init(
                    labels: Self.labels(["__name__": "some:aggregate:rate5m", "a_b": "c"]), value: 1, timestamp: 1000),
                .init(labels: Self.labels(["__name__": "go_goroutines"]), value: 33, timestamp: 123_123),
                .init(labels: Self.labels(["__name__": "_metric_starting_with_underscore"]), value: 1, timestamp: 1000),
                .init(
                    labels: Self.labels(["__name__": "testmetric", "_label_starting_with_underscore": "foo"]), value: 1,
                    timestamp: 1000),
                .init(labels: Self.labels(["__name__": "testmetric", "label": "\"bar\""]), value: 1, timestamp: 1000),
                .init(
                    labels: Self.labels(["__name__": "null_byte_metric", "a": "abc\u{0}"]), value: 1, timestamp: 1000),
            ]
        #expect(try Self.parse(input) == expected)
    }

    @Test func unescapesBackslashQuoteAndNewlineAndKeepsOtherEscapes() throws {
        // `\\` → `\`, `\"` → `"`, `\n` → newline; `\t` stays the two bytes it was (Prometheus' replacer).
        let samples = try Self.parse(#"m{a="x\\y\"z\nw\t"} 1"#)
        #expect(samples.first?.labels["a"] == "x\\y\"z\nw\\t")
    }

    @Test func readsGoFloatSpellings() throws {
        let cases: [(String, Double)] = [
            ("+Inf", .infinity), ("-Inf", -.infinity), ("inf", .infinity), ("-infinity", -.infinity),
            ("1e3", 1000), ("-0.5", -0.5), (".5", 0.5), ("5.", 5), ("1E-3", 0.001), ("+7", 7), ("0e999", 0),
            ("007", 7), ("123456789012345678901234567890", 1.2345678901234568e29),
            ("1.7976931348623157e308", .greatestFiniteMagnitude),
            ("4.9e-324", .leastNonzeroMagnitude), ("0.1", 0.1), ("2.5e-5", 0.000025),
        ]
        for (text, value) in cases {
            let samples = try Self.parse("m \(text)")
            #expect(samples.first?.value == value, "\(text)")
        }
        #expect(try Self.parse("m -0").first?.value.sign == .minus)
        // Every NaN becomes Prometheus' one NaN (0x7ff8000000000001), never the staleness marker.
        for text in ["NaN", "nan", "NAN"] {
            #expect(try Self.parse("m \(text)").first?.value.bitPattern == 0x7FF8_0000_0000_0001)
        }
    }

    @Test func usesTheLineTimestampOrTheDefault() throws {
        let samples = try Self.parse("a 1 1700000000123\nb 2\nc 3 0\n", at: 42)
        #expect(samples.map(\.timestamp) == [1_700_000_000_123, 42, 0])
    }

    @Test func histogramsAndSummariesAreTheirSeries() throws {
        let input = """
            # TYPE rpc histogram
            rpc_bucket{le="0.1"} 3
            rpc_bucket{le="+Inf"} 5
            rpc_sum 1.5
            rpc_count 5
            # TYPE lat summary
            lat{quantile="0.99"} NaN
            lat_sum 0
            lat_count 0
            """
        let names = try Self.parse(input).map { $0.labels.description }
        #expect(
            names == [
                #"rpc_bucket{le="0.1"}"#, #"rpc_bucket{le="+Inf"}"#, "rpc_sum", "rpc_count",
                #"lat{quantile="0.99"}"#, "lat_sum", "lat_count",
            ])
    }

    @Test func emptyLabelValuesAreDroppedAndBlankLinesSkipped() throws {
        let samples = try Self.parse("\n\n  m{a=\"\",b=\"1\"} 1  \n\t\n")
        #expect(samples.map(\.labels) == [Self.labels(["__name__": "m", "b": "1"])])
    }

    @Test func aNulAtTheStartOfALineEndsTheBody() throws {
        #expect(try Self.parse("a 1\n\u{0}garbage\nb 2").count == 1)
    }

    /// Each malformed body with the position of the offending byte counted by hand (1-based, columns in
    /// Unicode scalars). The first rows are Prometheus' own error cases (TestPromParseErrors).
    @Test(arguments: [
        ("a", "line 1, column 2: expected a value after the metric"),
        ("a{b='c'} 1\n", #"line 1, column 5: expected '"' to open the value of label "b""#),
        ("a{b=\n", #"line 1, column 5: expected '"' to open the value of label "b""#),
        ("a{\u{FF}=\"foo\"} 1\n", "line 1, column 3: expected a label name or '}'"),
        ("a true\n", #"line 1, column 3: invalid value "true""#),
        ("something_weird{problem=\"", "line 1, column 25: unterminated label value"),
        ("empty_label_name{=\"\"} 0", "line 1, column 18: expected a label name or '}'"),
        ("foo 1_2\n", #"line 1, column 5: invalid value "1_2""#),
        ("foo 0x1p-3\n", #"line 1, column 5: invalid value "0x1p-3""#),
        ("foo 0 1_2\n", "line 1, column 8: expected the end of the line after the timestamp"),
        (#"{a="ok"} 1"#, "line 1, column 1: expected a metric name or '#' at the start of a line"),
        ("# TYPE #\n#EOF\n", "line 1, column 8: expected a metric name after TYPE"),
        ("# HELP #\n#EOF\n", "line 1, column 8: expected a metric name after HELP"),
        ("a{b\u{0}=\"hiih\"}\t1", "line 1, column 4: expected '=' after label name"),
        ("a 0 1\u{0}", "line 1, column 6: expected the end of the line after the timestamp"),
        ("ok 1\n# TYPE x gauges\n", #"line 2, column 10: invalid metric type "gauges""#),
        ("ok 1\n# TYPE x counter \n", #"line 2, column 10: invalid metric type "counter ""#),
        ("# TYPE x\n", #"line 1, column 9: invalid metric type """#),
        ("a{b=\"1\",b=\"2\"} 1", #"line 1, column 9: duplicate label name "b""#),
        ("a{__name__=\"x\"} 1", #"line 1, column 3: duplicate label name "__name__""#),
        ("a 1 99999999999999999999", #"line 1, column 5: timestamp "99999999999999999999" out of range"#),
        ("a 1 -5", "line 1, column 5: expected a timestamp or the end of the line after the value"),
        ("a{b=\"c\"}{d=\"e\"} 1", "line 1, column 9: expected a value after the metric"),
        ("a 1e400", #"line 1, column 3: invalid value "1e400""#),
        ("a +NaN", #"line 1, column 3: invalid value "+NaN""#),
        ("a 1 2 3", "line 1, column 7: expected the end of the line after the timestamp"),
        ("x{a=\"é\",b} 1", "line 1, column 10: expected '=' after label name"),
        ("a{b=\"x\\\ny\"} 1", "line 1, column 7: unterminated label value"),
        ("a{b=\"1\",,c=\"2\"} 1", "line 1, column 9: expected a label name or '}'"),
        ("a{b=\"1\"\n", "line 1, column 8: expected a label name or '}'"),
        ("good 1\n\nbad{ 1\n", "line 3, column 6: expected a label name or '}'"),
    ])
    func malformedLinesFailWithTheirPosition(input: String, message: String) {
        #expect(throws: ExpositionParseError.self) { try Self.parse(input) }
        do {
            _ = try Self.parse(input)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func invalidUTF8InALabelValueOrHelpTextIsAnError() {
        var parser = ExpositionParser()
        // Byte 6 (column 6) is 0xFF; in the HELP line, byte 10 of line 2 is a lone continuation byte.
        let value: [UInt8] = Array("a{b=\"".utf8) + [0xFF] + Array("\"} 1\n".utf8)
        #expect(throws: ExpositionParseError(line: 1, column: 6, message: "invalid UTF-8 in label value")) {
            try parser.parse(value, defaultTimestamp: 0)
        }
        let help: [UInt8] = Array("a 1\n# HELP m ".utf8) + [0x80] + Array("\n".utf8)
        #expect(throws: ExpositionParseError(line: 2, column: 10, message: "invalid UTF-8 in HELP text")) {
            try parser.parse(help, defaultTimestamp: 0)
        }
        // A surrogate encoded in UTF-8 (ED A0 80) is not valid either.
        let surrogate: [UInt8] = Array("a{b=\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"} 1".utf8)
        #expect(throws: ExpositionParseError.self) { try parser.parse(surrogate, defaultTimestamp: 0) }
    }

    @Test func theCacheGivesTheSameSamplesOnLaterScrapesAndTellsSimilarSeriesApart() throws {
        var parser = ExpositionParser()
        let first = Array("m{a=\"1\"} 1\nm{a=\"2\"} 2\nm 3\n".utf8)
        let cold = try parser.parse(first, defaultTimestamp: 10)
        let warm = try parser.parse(first, defaultTimestamp: 10)
        #expect(cold == warm)
        #expect(parser.cachedSeriesCount == 3)
        // Text differing by a byte, or by the blanks in it, is another key; labels still come out right.
        let second = Array("m{a=\"3\"} 1\nm {a=\"2\"} 2\nm{a=\"1\",} 4 5\n".utf8)
        let labels = try parser.parse(second, defaultTimestamp: 10).map { $0.labels["a"] ?? "" }
        #expect(labels == ["3", "2", "1"])
    }

    @Test func randomTruncationsAndByteFlipsNeverCrash() {
        let corpus = Array(
            """
            # HELP http_requests_total The total. \\ and \\n
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200",path="/a\\"b\\\\c\\nd"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000
            metric_without_timestamp_and_labels 12.47
            something_weird{problem="division by zero"} +Inf -3982045
            rpc_duration_seconds{quantile="0.99"} NaN
            rpc_duration_seconds_sum 1.7560473e+07
            x{é="1"} 2

            """.utf8)
        var generator = SeededGenerator(seed: 11)
        var parsed = 0
        var failed = 0
        for round in 0..<3000 {
            var body = Array(corpus.prefix(Int.random(in: 0...corpus.count, using: &generator)))
            if round % 2 == 1 && !body.isEmpty {
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let position = Int.random(in: 0..<body.count, using: &generator)
                    body[position] = UInt8.random(in: 0...255, using: &generator)
                }
            }
            var parser = ExpositionParser()
            do {
                _ = try parser.parse(body, defaultTimestamp: 0)
                parsed += 1
            } catch {
                failed += 1
                #expect(error.line >= 1 && error.line <= 11)
                #expect(error.column >= 1)
            }
        }
        // Both outcomes must occur, or the fuzzing exercised nothing.
        #expect(parsed > 100 && failed > 100)
    }

    @Test func truncationAtALineEndParsesAPrefix() throws {
        let lines = ["a{x=\"1\"} 1", "b 2 3", "# TYPE c gauge", "c 4"]
        let all = try Self.parse(lines.joined(separator: "\n"))
        for count in 0...lines.count {
            let prefix = try Self.parse(lines.prefix(count).joined(separator: "\n"))
            #expect(prefix == Array(all.prefix(prefix.count)))
        }
    }
}
