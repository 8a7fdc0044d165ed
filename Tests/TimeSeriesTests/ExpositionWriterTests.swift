import Testing
import TimeSeries

@Suite struct ExpositionWriterTests {
    @Test func writesTheLatestValueGroupedByNameAndEscaped() {
        let series = [
            SeriesSamples(
                labels: Labels(["__name__": "b", "path": "a\"b\\c\nd"]),
                samples: [Sample(timestamp: 1, value: 1), Sample(timestamp: 2, value: 2.5)]),
            SeriesSamples(labels: Labels(["__name__": "a"]), samples: [Sample(timestamp: 3, value: .infinity)]),
            SeriesSamples(
                labels: Labels(["__name__": "gone"]), samples: [Sample(timestamp: 3, value: StaleMarker.value)]),
            SeriesSamples(labels: Labels(["job": "nameless"]), samples: [Sample(timestamp: 3, value: 1)]),
        ]
        // By hand: names sorted, the stale and nameless series left out, values in Prometheus' spelling.
        #expect(ExpositionWriter.write(series) == "a +Inf 3\nb{path=\"a\\\"b\\\\c\\nd\"} 2.5 2\n")
    }

    @Test func whatItWritesParsesBack() throws {
        let series = [
            SeriesSamples(
                labels: Labels(["__name__": "m", "a": "x\\\"\n"]), samples: [Sample(timestamp: 5, value: -0.25)]),
            SeriesSamples(labels: Labels(["__name__": "n"]), samples: [Sample(timestamp: 6, value: 1e-7)]),
        ]
        var parser = ExpositionParser()
        let parsed = try parser.parse(Array(ExpositionWriter.write(series).utf8), defaultTimestamp: 0)
        #expect(
            parsed
                == series.map {
                    IngestedSample(labels: $0.labels, value: $0.samples[0].value, timestamp: $0.samples[0].timestamp)
                })
    }
}
