import Foundation
import Logging
import ServiceLifecycle
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

@Suite("Evaluation ticker under graceful shutdown")
struct EvaluationTickerShutdownTests {
    /// A tick that has started runs to completion even when shutdown is asked for meanwhile.
    @Test func aTickInProgressFinishesBeforeTheServiceStops() async throws {
        let clock = ManualClock()
        let (entered, enteredContinuation) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseContinuation) = AsyncStream.makeStream(of: Void.self)
        let finishedTicks = Mutex(0)
        let ticker = EvaluationTicker(
            clock: clock, logger: Logger(label: "ticker-test"), interval: { PromDuration(milliseconds: 15_000) },
            tick: { _ in
                enteredContinuation.yield()
                for await _ in release { break }
                finishedTicks.withLock { $0 += 1 }
            })
        let group = ServiceGroup(
            services: [ticker], gracefulShutdownSignals: [], cancellationSignals: [],
            logger: Logger(label: "ticker-test"))
        let running = Task { try await group.run() }
        await clock.waitForSleepers(count: 1)
        clock.advance(by: 15)
        var iterator = entered.makeAsyncIterator()
        await iterator.next()

        await group.triggerGracefulShutdown()
        #expect(finishedTicks.withLock { $0 } == 0)
        releaseContinuation.yield()
        try await running.value
        #expect(finishedTicks.withLock { $0 } == 1)
    }
}
