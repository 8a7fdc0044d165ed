import Testing
import TimeSeries

@Suite struct SeriesStoreTests {
    static func labels(_ name: String, _ pairs: [String: String] = [:]) -> Labels {
        Labels(pairs.merging(["__name__": name]) { first, _ in first })
    }

    static func sorted(_ result: [SeriesSamples]) -> [SeriesSamples] {
        result.sorted { $0.labels < $1.labels }
    }

    @Test func selectIncludesBothEndsOfTheRange() {
        let store = SeriesStore()
        let up = Self.labels("up")
        for time in [10, 20, 30, 40] as [Int64] { store.append(up, Sample(timestamp: time, value: Double(time))) }
        let result = store.select([.equal("__name__", "up")], from: 20, through: 30)
        #expect(
            result == [
                SeriesSamples(
                    labels: up, samples: [Sample(timestamp: 20, value: 20), Sample(timestamp: 30, value: 30)])
            ])
        // A range between samples holds nothing, and such series are left out.
        #expect(store.select([.equal("__name__", "up")], from: 21, through: 29).isEmpty)
    }

    @Test func vanishedSeriesGetAStalenessMarkerAndReappearingOnesContinue() {
        let store = SeriesStore()
        let first = IngestedSample(labels: Self.labels("x", ["i": "1"]), value: 1)
        let second = IngestedSample(labels: Self.labels("x", ["i": "2"]), value: 2)
        #expect(store.ingest(source: "t", samples: [first, second], at: 1000) == IngestOutcome(appended: 2))
        #expect(store.ingest(source: "t", samples: [first], at: 2000) == IngestOutcome(appended: 1, markedStale: 1))
        // Marked once only: the series is no longer the source's.
        #expect(store.ingest(source: "t", samples: [first], at: 3000) == IngestOutcome(appended: 1))
        #expect(store.ingest(source: "t", samples: [first, second], at: 4000) == IngestOutcome(appended: 2))
        let samples = store.select([.equal("i", "2")], from: 0, through: 5000).first?.samples ?? []
        #expect(samples.map(\.timestamp) == [1000, 2000, 4000])
        #expect(samples[1].isStale)
        #expect(samples[1].value.bitPattern == StaleMarker.bitPattern)
        #expect(samples[2].value == 2)
    }

    @Test func outOfOrderAndDuplicateSamplesAreDroppedAndCounted() {
        let store = SeriesStore()
        let series = Self.labels("x")
        let batch = [
            IngestedSample(labels: series, value: 1, timestamp: 100),
            IngestedSample(labels: series, value: 2, timestamp: 100),
            IngestedSample(labels: series, value: 3, timestamp: 50),
        ]
        #expect(store.ingest(source: "s", samples: batch, at: 100) == IngestOutcome(appended: 1, outOfOrder: 2))
        #expect(!store.append(series, Sample(timestamp: 99, value: 4)))
        #expect(store.counts == (series: 1, samples: 1))
    }

    @Test func retireMarksEverySeriesOfTheSourceStale() {
        let store = SeriesStore()
        let samples = (0..<3).map { IngestedSample(labels: Self.labels("x", ["i": "\($0)"]), value: 1) }
        store.ingest(source: "a", samples: samples, at: 10)
        store.ingest(source: "b", samples: [IngestedSample(labels: Self.labels("y"), value: 1)], at: 10)
        #expect(store.seriesCountBySource == ["a": 3, "b": 1])
        #expect(store.retire(source: "a", at: 20) == 3)
        #expect(store.seriesCountBySource == ["": 3, "b": 1])
        let latest = store.select([.equal("__name__", "x")], from: 20, through: 20)
        #expect(latest.count == 3 && latest.allSatisfy { $0.samples.count == 1 && $0.samples[0].isStale })
    }

    @Test func compactDropsOldChunksAndForgetsEmptyUnheldSeries() {
        let store = SeriesStore(retention: 1000)
        let old = Self.labels("old")
        let held = Self.labels("held")
        for time in 0..<130 { store.append(old, Sample(timestamp: Int64(time), value: 1)) }
        store.ingest(source: "s", samples: [IngestedSample(labels: held, value: 1)], at: 5)
        // now 1200 → cutoff 200: "old" (0…129) is gone; "held" (5) is empty but its source still reports it.
        store.compact(now: 1200)
        #expect(store.counts == (series: 1, samples: 0))
        #expect(store.series(matching: [], from: .min, through: .max).isEmpty)
        #expect(store.select([.equal("__name__", "old")], from: .min, through: .max).isEmpty)
        // The freed slot is reused by a new series, which selection finds under its own labels only.
        let fresh = Self.labels("fresh")
        store.append(fresh, Sample(timestamp: 1300, value: 2))
        #expect(store.select([.equal("__name__", "old")], from: .min, through: .max).isEmpty)
        #expect(store.select([.equal("__name__", "fresh")], from: .min, through: .max).map(\.labels) == [fresh])
    }

    @Test func compactKeepsChunksThatReachTheCutoff() {
        let store = SeriesStore(retention: 100)
        let series = Self.labels("x")
        for time in 0..<250 { store.append(series, Sample(timestamp: Int64(time), value: 1)) }
        // cutoff 150: chunk 0–119 goes, chunk 120–239 stays whole (it reaches past the cutoff), 240–249 stays.
        store.compact(now: 250)
        #expect(store.counts.samples == 130)
        #expect(store.select([], from: .min, through: .max).first?.samples.first?.timestamp == 120)
    }

    @Test func seriesMatchingReturnsSortedLabelSetsWithSamplesInRange() throws {
        let store = SeriesStore()
        store.append(Self.labels("b"), Sample(timestamp: 10, value: 1))
        store.append(Self.labels("a"), Sample(timestamp: 10, value: 1))
        store.append(Self.labels("c"), Sample(timestamp: 50, value: 1))
        #expect(store.series(matching: [], from: 0, through: 20) == [Self.labels("a"), Self.labels("b")])
        let either = [[LabelMatcher.equal("__name__", "c")], [try LabelMatcher("__name__", .regexMatch, "a|c")]]
        #expect(store.series(matching: either, from: 0, through: 100) == [Self.labels("a"), Self.labels("c")])
    }

    @Test func seriesSharingALongLabelValueShareItsBytes() {
        let store = SeriesStore()
        let value = "kubernetes-service-endpoints"
        // Two distinct copies of the same text, as two scrapes would produce them.
        let first = String(decoding: Array(value.utf8), as: UTF8.self)
        let second = String(decoding: Array(value.utf8), as: UTF8.self)
        store.append(Labels(["job": first, "i": "1"]), Sample(timestamp: 1, value: 1))
        store.append(Labels(["job": second, "i": "2"]), Sample(timestamp: 1, value: 1))
        let stored = store.select([.equal("job", value)], from: 0, through: 1).compactMap { $0.labels["job"] }
        let addresses = Set(
            stored.map { $0.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } })
        #expect(stored.count == 2)
        #expect(addresses.count == 1)
    }

    @Test func postingsSelectionEqualsABruteForceFilter() throws {
        var generator = SeededGenerator(seed: 3)
        let store = SeriesStore(retention: 1000)
        var all: [Labels] = []
        let values = ["a", "b", "c", "api", "api-2", ""]
        for index in 0..<2000 {
            var pairs: [String: String] = ["__name__": ["x", "y", "z"][index % 3], "i": "\(index)"]
            for name in ["job", "code", "env"] { pairs[name] = values.randomElement(using: &generator) }
            let labels = Labels(pairs)
            all.append(labels)
            // Half the series are old and compacted away, freeing ids that new series reuse below.
            store.append(labels, Sample(timestamp: index % 2 == 0 ? 0 : 5000, value: 1))
        }
        store.compact(now: 5500)
        all = all.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        for index in 2000..<2500 {
            let labels = Labels([
                "__name__": "x", "i": "\(index)", "job": values.randomElement(using: &generator) ?? "",
            ])
            all.append(labels)
            store.append(labels, Sample(timestamp: 5000, value: 1))
        }
        let kinds: [LabelMatcher.Kind] = [.equal, .notEqual, .regexMatch, .regexNoMatch]
        let patterns = ["a", "", "api.*", "a|b", ".+", ".*", "x", "c"]
        for _ in 0..<300 {
            var matchers: [LabelMatcher] = []
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let name = ["__name__", "job", "code", "env", "missing"].randomElement(using: &generator) ?? "job"
                let kind = kinds.randomElement(using: &generator) ?? .equal
                matchers.append(try LabelMatcher(name, kind, patterns.randomElement(using: &generator) ?? ""))
            }
            let expected = all.filter { labels in matchers.allSatisfy { $0.matches(labels) } }.sorted()
            let selected = store.select(matchers, from: .min, through: .max).map(\.labels).sorted()
            #expect(selected == expected, "\(matchers)")
        }
    }
}
