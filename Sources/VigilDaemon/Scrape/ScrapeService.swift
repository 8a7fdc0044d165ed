import Foundation
import Logging
import ServiceLifecycle
import TimeSeries
import VigilCore

/// Runs one ``ScrapeLoop`` per configured target and follows configuration reloads: new targets
/// start, removed ones stop and their series are marked stale at once (as Prometheus does when a
/// target disappears), unchanged ones keep scraping undisturbed.
public struct ScrapeService: Service {
    let store: SeriesStore
    let clock: any VigilClock
    let logger: Logger
    /// The scrape configuration in force (read again after every reload).
    let configuration: @Sendable () async -> (configs: [ScrapeConfig], global: GlobalConfig)
    /// How often the configuration is compared with the running loops.
    let resyncInterval: TimeInterval

    public init(
        store: SeriesStore, clock: any VigilClock, logger: Logger, resyncInterval: TimeInterval = 1,
        configuration: @escaping @Sendable () async -> (configs: [ScrapeConfig], global: GlobalConfig)
    ) {
        self.store = store
        self.clock = clock
        self.logger = logger
        self.resyncInterval = resyncInterval
        self.configuration = configuration
    }

    public func run() async throws {
        var running: [ScrapeTarget: Task<Void, Never>] = [:]
        defer { for task in running.values { task.cancel() } }
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let (configs, global) = await configuration()
            let wanted = Set(ScrapeTarget.targets(from: configs, global: global))
            for (target, task) in running where !wanted.contains(target) {
                task.cancel()
                await task.value  // a scrape in flight lands before the series are retired
                running[target] = nil
                store.retire(source: target.source, at: SeriesTime.milliseconds(clock.now()))
                logger.info("scrape target removed", metadata: ["target": "\(target.url)"])
            }
            for target in wanted where running[target] == nil {
                let loop = ScrapeLoop(target: target, store: store, clock: clock, logger: logger)
                running[target] = Task { await loop.run() }
                logger.info("scrape target added", metadata: ["target": "\(target.url)", "job": "\(target.job)"])
            }
            do {
                try await cancelWhenGracefulShutdown {
                    try await clock.sleep(until: clock.now().addingTimeInterval(resyncInterval))
                }
            } catch {
                return
            }
        }
    }
}
