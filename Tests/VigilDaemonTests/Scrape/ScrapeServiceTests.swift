import Foundation
import Logging
import TestSupport
import Testing
import TimeSeries
import VigilCore

@testable import VigilDaemon

@Suite("ScrapeManager follows the configuration")
struct ScrapeManagerTests {
    /// Waits (bounded) until `condition` holds; the loops work on their own tasks.
    private func eventually(_ condition: @escaping @Sendable () -> Bool) async -> Bool {
        await firstResult(within: .seconds(20)) {
            while !condition() {
                guard (try? await Task.sleep(for: .milliseconds(5))) != nil else { return nil }
            }
            return true
        } ?? false
    }

    @Test func scrapesNewTargetsOnTheirIntervalAndRetiresRemovedOnesWithStalenessMarkers() async throws {
        let server = ScrapeTargetServer()
        server.serve("a 1\n")
        try await server.run { address in
            let clock = ManualClock()
            let store = SeriesStore()
            var logger = Logger(label: "scrape-manager-test")
            logger.logLevel = .critical
            let manager = ScrapeManager(store: store, clock: clock, logger: logger)
            let job = ScrapeConfig(
                jobName: "svc", scrapeInterval: PromDuration(milliseconds: 60_000),
                staticConfigs: [StaticConfig(targets: [address])])
            let up: @Sendable () -> [Sample] = {
                store.select([.equal(Label.metricName, "up")], from: 0, through: .max).first?.samples ?? []
            }
            await manager.sync(configs: [job], global: GlobalConfig())
            #expect(await eventually { up().last?.value == 1 })
            await clock.waitForSleepers(count: 1)

            // A second sync with the same configuration changes nothing; the next scrape comes one
            // interval (1m) later, not before.
            await manager.sync(configs: [job], global: GlobalConfig())
            #expect(await manager.targetCount == 1)
            clock.advance(by: 30)
            #expect(up().count == 1)
            clock.advance(by: 30)
            #expect(await eventually { up().count == 2 })
            await clock.waitForSleepers(count: 1)

            clock.advance(by: 1)
            await manager.sync(configs: [], global: GlobalConfig())
            #expect(await manager.targetCount == 0)
            #expect(up().last?.isStale == true)
            let a = store.select([.equal(Label.metricName, "a")], from: 0, through: .max).first?.samples
            #expect(a?.last?.isStale == true)
        }
    }
}
