import Foundation
import Logging
import ServiceLifecycle
import VigilCore

/// Drives evaluation: wakes every `global.evaluation_interval` (read afresh each tick, so a
/// reload changes the pace) and runs one tick to completion.
///
/// Ticks are aligned to the first one (`start + n·interval`); when a tick overruns, the missed
/// instants are skipped, not run in a burst. Graceful shutdown interrupts only the wait, never a
/// tick in progress.
public struct EvaluationTicker: Service {
    let clock: any VigilClock
    let interval: @Sendable () async -> PromDuration
    let tick: @Sendable (Date) async -> Void
    let logger: Logger

    public init(
        clock: any VigilClock, logger: Logger, interval: @escaping @Sendable () async -> PromDuration,
        tick: @escaping @Sendable (Date) async -> Void
    ) {
        self.clock = clock
        self.logger = logger
        self.interval = interval
        self.tick = tick
    }

    public func run() async throws {
        var next = clock.now()
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let seconds = max(0.001, await interval().seconds)
            next = next.addingTimeInterval(seconds)
            let now = clock.now()
            if next < now {
                let behind = (now.timeIntervalSince(next) / seconds).rounded(.down)
                next = next.addingTimeInterval((behind + 1) * seconds)
                logger.warning(
                    "evaluation fell behind; skipping missed ticks", metadata: ["missed": "\(Int(behind) + 1)"])
            }
            let deadline = next
            do {
                try await cancelWhenGracefulShutdown {
                    try await clock.sleep(until: deadline)
                }
            } catch {
                return
            }
            await tick(deadline)
        }
    }
}
