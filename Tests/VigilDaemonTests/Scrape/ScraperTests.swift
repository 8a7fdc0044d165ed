import Foundation
import Logging
import Testing
import TimeSeries
import VigilCore

@testable import VigilDaemon

@Suite("Scraping targets into the series store")
struct ScraperTests {
    private func target(_ address: String, honorLabels: Bool = false) -> ScrapeTarget {
        let config = ScrapeConfig(
            jobName: "svc", scrapeInterval: PromDuration(milliseconds: 15_000), honorLabels: honorLabels,
            staticConfigs: [StaticConfig(targets: [address], labels: ["env": "test"])])
        return ScrapeTarget.targets(from: [config], global: GlobalConfig())[0]
    }

    private func latest(_ store: SeriesStore, _ name: String, at time: Int64) -> [Labels: Double] {
        var result: [Labels: Double] = [:]
        for series in store.select([.equal(Label.metricName, name)], from: 0, through: time) {
            if let last = series.samples.last { result[series.labels] = last.value }
        }
        return result
    }

    @Test func attachesTargetLabelsMovesClashesToExportedAndReportsUp() async throws {
        let server = ScrapeTargetServer()
        server.serve(
            """
            # HELP x A counter.
            # TYPE x counter
            x{a="1"} 5
            x{job="other"} 2
            """ + "\n")
        try await server.run { address in
            var scraper = Scraper(target: target(address))
            let outcome = await scraper.scrape(at: 1_000)
            #expect(outcome.failure == nil)
            let store = SeriesStore()
            store.ingest(source: "t", samples: outcome.samples, at: 1_000)
            let base = ["job": "svc", "instance": address, "env": "test"]
            let xs = latest(store, "x", at: 1_000)
            #expect(xs[Labels(base.merging(["__name__": "x", "a": "1"]) { $1 })] == 5)
            #expect(xs[Labels(base.merging(["__name__": "x", "exported_job": "other"]) { $1 })] == 2)
            #expect(latest(store, "up", at: 1_000) == [Labels(base.merging(["__name__": "up"]) { $1 }): 1])
            #expect(latest(store, "scrape_samples_scraped", at: 1_000).values.first == 2)
            #expect(latest(store, "scrape_duration_seconds", at: 1_000).values.first ?? -1 >= 0)
        }
    }

    @Test func honorLabelsKeepsTheScrapedValue() async throws {
        let server = ScrapeTargetServer()
        server.serve("x{job=\"other\"} 2\n")
        try await server.run { address in
            var scraper = Scraper(target: target(address, honorLabels: true))
            let outcome = await scraper.scrape(at: 1_000)
            let x = outcome.samples.first { $0.labels.metricName == "x" }
            #expect(x?.labels["job"] == "other")
            #expect(x?.labels["exported_job"] == nil)
        }
    }

    @Test func vanishedSeriesAndFailedScrapesLeaveStalenessMarkers() async throws {
        let server = ScrapeTargetServer()
        server.serve("a 1\nb 2\n")
        try await server.run { address in
            let target = target(address)
            var scraper = Scraper(target: target)
            let store = SeriesStore()
            store.ingest(source: target.source, samples: await scraper.scrape(at: 1_000).samples, at: 1_000)
            server.serve("a 3\n")
            store.ingest(source: target.source, samples: await scraper.scrape(at: 16_000).samples, at: 16_000)
            let b = try #require(store.select([.equal(Label.metricName, "b")], from: 0, through: 20_000).first)
            #expect(b.samples.map(\.timestamp) == [1_000, 16_000])
            #expect(b.samples.last?.isStale == true)

            server.serve("oops", status: 500)
            let failed = await scraper.scrape(at: 31_000)
            #expect(failed.failure == "server returned HTTP status 500")
            store.ingest(source: target.source, samples: failed.samples, at: 31_000)
            let a = try #require(store.select([.equal(Label.metricName, "a")], from: 0, through: 40_000).first)
            #expect(a.samples.last?.isStale == true)
            #expect(latest(store, "up", at: 31_000).values.first == 0)
        }
    }

    @Test func malformedLineFailsTheScrapeWithItsPosition() async throws {
        let server = ScrapeTargetServer()
        server.serve("good 1\nbad{a=\"1\" 2\n")
        try await server.run { address in
            var scraper = Scraper(target: target(address))
            let outcome = await scraper.scrape(at: 1_000)
            let failure = try #require(outcome.failure)
            #expect(failure.hasPrefix("malformed exposition: line 2, column"))
            #expect(
                outcome.samples.allSatisfy {
                    $0.labels.metricName?.hasPrefix("scrape_") == true || $0.labels.metricName == "up"
                })
            #expect(outcome.samples.first { $0.labels.metricName == "up" }?.value == 0)
        }
    }

    @Test func unreachableTargetIsDownNotAnError() async throws {
        var scraper = Scraper(target: target("127.0.0.1:1"))
        let outcome = await scraper.scrape(at: 1_000)
        #expect(outcome.failure != nil)
        #expect(outcome.samples.first { $0.labels.metricName == "up" }?.value == 0)
    }
}
