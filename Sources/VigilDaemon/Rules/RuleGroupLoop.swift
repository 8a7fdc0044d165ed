import Foundation
import VigilCore

/// One group's evaluation loop: ticks at `offset + n·interval` on the injected clock, where the offset
/// is derived from the group key (as Prometheus spreads groups so they do not all run at once).
/// Instants missed while an evaluation overran are skipped and counted.
struct RuleGroupLoop: Sendable {
    let key: String
    let interval: Int64
    let clock: any VigilClock
    let manager: RuleManager

    /// The first evaluation time after `now` (ms) for this group.
    static func firstTime(after now: Int64, key: String, interval: Int64) -> Int64 {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 1_099_511_628_211
        }
        let offset = Int64(hash % UInt64(max(interval, 1)))
        let base = now - ((now - offset) % interval + interval) % interval
        return base + interval
    }

    func run() async {
        let step = max(interval, 1)
        var next = Self.firstTime(after: SeriesTime.milliseconds(clock.now()), key: key, interval: step)
        while !Task.isCancelled {
            do {
                try await clock.sleep(until: Date(timeIntervalSince1970: Double(next) / 1000))
            } catch {
                return
            }
            if Task.isCancelled { return }
            await manager.evaluate(key: key, at: next)
            next += step
            let now = SeriesTime.milliseconds(clock.now())
            if next <= now {
                let missed = Int((now - next) / step) + 1
                next += Int64(missed) * step
                await manager.recordMissed(missed, key: key)
            }
        }
    }
}
