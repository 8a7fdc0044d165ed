import Foundation

/// The one source of "now" and of waiting in Vigil.
///
/// Alert rules with `for: 15m` and escalations after an hour cannot be tested against the
/// wall clock, so no component reads system time directly: each is handed a `VigilClock`.
/// Production passes ``SystemClock``; tests pass ``ManualClock`` and step time forward.
public protocol VigilClock: Sendable {
    /// The current instant.
    func now() -> Date

    /// Suspends until `deadline` (returns at once if it has passed).
    /// Throws `CancellationError` when the calling task is cancelled.
    func sleep(until deadline: Date) async throws
}

extension VigilClock {
    /// Suspends for `interval` seconds of this clock's time.
    public func sleep(for interval: TimeInterval) async throws {
        try await sleep(until: now().addingTimeInterval(interval))
    }

    /// Seconds elapsed on this clock since `start`.
    public func seconds(since start: Date) -> TimeInterval {
        now().timeIntervalSince(start)
    }
}

/// The wall clock, for production.
public struct SystemClock: VigilClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let interval = deadline.timeIntervalSinceNow
        if interval > 0 {
            try await Task.sleep(for: .seconds(interval))
        } else {
            try Task.checkCancellation()
        }
    }
}
