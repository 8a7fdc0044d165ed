import Logging
import Server
import TimeSeries
import VigilCore

/// Keeps one running ``ScrapeLoop`` per configured target. ``sync(configs:global:)`` (at start and on
/// every evaluation tick, so a reload takes effect within one interval) starts new targets, stops
/// removed ones and marks their series stale at once, as Prometheus does when a target disappears;
/// unchanged targets keep scraping undisturbed.
public actor ScrapeManager {
    private let store: SeriesStore
    private let clock: any VigilClock
    private let logger: Logger
    private var running: [ScrapeTarget: Task<Void, Never>] = [:]
    private let health = ScrapeHealth()

    public init(store: SeriesStore, clock: any VigilClock, logger: Logger) {
        self.store = store
        self.clock = clock
        self.logger = logger
    }

    /// The number of targets being scraped.
    public var targetCount: Int { running.count }

    /// Every target with what its last scrape saw, in job and URL order.
    public var targets: [TargetStatus] {
        running.keys.sorted { ($0.job, $0.url) < ($1.job, $1.url) }.map { target in
            let entry = health.entry(target)
            return TargetStatus(
                job: target.job, url: target.url,
                labels: target.labels.pairs.map { ($0.name, $0.value) }.sorted { $0.0 < $1.0 },
                health: entry.lastScrape == nil ? .unknown : entry.failure == nil ? .up : .down,
                lastError: entry.failure ?? "", lastScrape: entry.lastScrape, lastScrapeDuration: entry.duration,
                interval: PromDuration(milliseconds: target.interval).description,
                timeout: PromDuration(milliseconds: target.timeout).description)
        }
    }

    public func sync(configs: [ScrapeConfig], global: GlobalConfig) async {
        let wanted = Set(ScrapeTarget.targets(from: configs, global: global))
        for (target, task) in running where !wanted.contains(target) {
            task.cancel()
            await task.value  // a scrape in flight lands before the series are retired
            running[target] = nil
            health.forget(target)
            store.retire(source: target.source, at: SeriesTime.milliseconds(clock.now()))
            logger.info("scrape target removed", metadata: ["target": "\(target.url)"])
        }
        for target in wanted where running[target] == nil {
            let loop = ScrapeLoop(target: target, store: store, clock: clock, logger: logger, health: health)
            running[target] = Task { await loop.run() }
            logger.info("scrape target added", metadata: ["target": "\(target.url)", "job": "\(target.job)"])
        }
    }

    /// Stops every loop (shutdown); their series stay as they are.
    public func stopAll() async {
        for task in running.values {
            task.cancel()
            await task.value
        }
        running = [:]
    }
}
