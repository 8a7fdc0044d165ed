import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TestSupport
import Testing
import TimeSeries
import VigilCore

@testable import VigilDaemon

@Suite("ScrapeService follows the configuration")
struct ScrapeServiceTests {
    /// Waits (bounded) until `condition` holds; the service works on its own tasks.
    private func eventually(_ condition: @escaping @Sendable () -> Bool) async -> Bool {
        await firstResult(within: .seconds(20)) {
            while !condition() {
                guard (try? await Task.sleep(for: .milliseconds(5))) != nil else { return nil }
            }
            return true
        } ?? false
    }

    @Test func scrapesNewTargetsAndRetiresRemovedOnesWithStalenessMarkers() async throws {
        let server = ScrapeTargetServer()
        server.serve("a 1\n")
        try await server.run { address in
            let clock = ManualClock()
            let store = SeriesStore()
            let job = ScrapeConfig(
                jobName: "svc", scrapeInterval: PromDuration(milliseconds: 60_000),
                staticConfigs: [StaticConfig(targets: [address])])
            let configs = Mutex<[ScrapeConfig]>([job])
            var logger = Logger(label: "scrape-service-test")
            logger.logLevel = .critical
            let service = ScrapeService(store: store, clock: clock, logger: logger) {
                (configs.withLock { $0 }, GlobalConfig())
            }
            let up: @Sendable () -> [Sample] = {
                store.select([.equal(Label.metricName, "up")], from: 0, through: .max).first?.samples ?? []
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                #expect(await eventually { up().last?.value == 1 })

                // The next scrape comes one interval (1m) later, not before.
                let scrapes = up().count
                clock.advance(by: 30)
                await clock.waitForSleepers(count: 2)
                #expect(up().count == scrapes)
                clock.advance(by: 30)
                #expect(await eventually { up().count == scrapes + 1 })

                configs.withLock { $0 = [] }
                clock.advance(by: 1)
                #expect(await eventually { up().last?.isStale == true })
                let a = store.select([.equal(Label.metricName, "a")], from: 0, through: .max).first?.samples
                #expect(a?.last?.isStale == true)
                group.cancelAll()
            }
        }
    }
}
