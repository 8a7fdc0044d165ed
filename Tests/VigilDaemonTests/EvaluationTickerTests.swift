import Foundation
import Logging
import Synchronization
import Testing
import VigilCore

@testable import VigilDaemon

@Suite("Evaluation ticker")
struct EvaluationTickerTests {
    @Test func ticksOncePerIntervalOfTheInjectedClock() async throws {
        let clock = ManualClock()
        let start = clock.now()
        let ticks = Mutex<[Double]>([])
        let ticker = EvaluationTicker(
            clock: clock, logger: Logger(label: "ticker-test"), interval: { PromDuration(milliseconds: 15_000) },
            tick: { instant in ticks.withLock { $0.append(instant.timeIntervalSince(start)) } })
        let task = Task { try await ticker.run() }

        await clock.waitForSleepers(count: 1)
        #expect(ticks.withLock { $0 }.isEmpty)
        clock.advance(by: 14.999)
        #expect(ticks.withLock { $0 }.isEmpty)
        for _ in 0..<3 {
            clock.advance(by: 15)
            await clock.waitForSleepers(count: 1)
        }
        #expect(ticks.withLock { $0 } == [15, 30, 45])
        task.cancel()
        _ = try? await task.value
    }

    @Test func readsTheIntervalAfreshSoAReloadChangesThePace() async throws {
        let clock = ManualClock()
        let start = clock.now()
        let interval = Mutex(PromDuration(milliseconds: 10_000))
        let ticks = Mutex<[Double]>([])
        let ticker = EvaluationTicker(
            clock: clock, logger: Logger(label: "ticker-test"), interval: { interval.withLock { $0 } },
            tick: { instant in ticks.withLock { $0.append(instant.timeIntervalSince(start)) } })
        let task = Task { try await ticker.run() }
        await clock.waitForSleepers(count: 1)
        interval.withLock { $0 = PromDuration(milliseconds: 60_000) }
        clock.advance(by: 10)
        await clock.waitForSleepers(count: 1)
        clock.advance(by: 30)
        #expect(ticks.withLock { $0 } == [10])
        clock.advance(by: 30)
        await clock.waitForSleepers(count: 1)
        #expect(ticks.withLock { $0 } == [10, 70])
        task.cancel()
        _ = try? await task.value
    }

    @Test func skipsMissedTicksInsteadOfBursting() async throws {
        let clock = ManualClock()
        let start = clock.now()
        let ticks = Mutex<[Double]>([])
        let ticker = EvaluationTicker(
            clock: clock, logger: Logger(label: "ticker-test"), interval: { PromDuration(milliseconds: 15_000) },
            tick: { instant in
                ticks.withLock { $0.append(instant.timeIntervalSince(start)) }
                if instant.timeIntervalSince(start) == 15 { clock.advance(by: 50) }  // an overrunning tick
            })
        let task = Task { try await ticker.run() }
        await clock.waitForSleepers(count: 1)
        clock.advance(by: 15)
        await clock.waitForSleepers(count: 1)
        clock.advance(by: 10)  // now = 75: the next aligned instant is 75
        await clock.waitForSleepers(count: 1)
        #expect(ticks.withLock { $0 } == [15, 75])
        task.cancel()
        _ = try? await task.value
    }
}
