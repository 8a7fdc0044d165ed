import Foundation
import Logging
import TimeSeries
import VigilCore

/// Scrapes one target every interval until cancelled, feeding the series store. The first scrape
/// is immediate; later ones keep to `start + n·interval`, skipping instants missed while a scrape
/// overran. A failing target is logged when it starts failing and when it recovers, not every time.
struct ScrapeLoop: Sendable {
    let target: ScrapeTarget
    let store: SeriesStore
    let clock: any VigilClock
    let logger: Logger
    let health: ScrapeHealth

    func run() async {
        var scraper = Scraper(target: target)
        var next = clock.now()
        var failing = false
        while !Task.isCancelled {
            let outcome = await scraper.scrape(at: SeriesTime.milliseconds(next))
            store.ingest(source: target.source, samples: outcome.samples, at: SeriesTime.milliseconds(next))
            health.record(
                target, at: SeriesTime.milliseconds(next), duration: outcome.duration, failure: outcome.failure)
            if let failure = outcome.failure, !failing {
                logger.warning("scrape failed", metadata: ["target": "\(target.url)", "error": "\(failure)"])
            } else if outcome.failure == nil, failing {
                logger.info("scrape recovered", metadata: ["target": "\(target.url)"])
            }
            failing = outcome.failure != nil
            let interval = Double(target.interval) / 1000
            next = next.addingTimeInterval(interval)
            let now = clock.now()
            if next < now {
                next = next.addingTimeInterval(((now.timeIntervalSince(next) / interval).rounded(.down) + 1) * interval)
            }
            do {
                try await clock.sleep(until: next)
            } catch {
                return
            }
        }
    }
}
