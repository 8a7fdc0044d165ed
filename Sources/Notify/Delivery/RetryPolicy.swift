/// When to try again: exponential backoff from ``initialDelay`` doubling up to ``maximumDelay``, with
/// jitter (each delay drawn in [½, 1] of its value so many messages do not retry in step), a
/// gateway's `Retry-After` honoured up to ``maximumDelay``, and a message older than ``maximumAge``
/// dead-lettered.
///
/// The maximum is one minute so that a gateway back after an outage of any length gets every
/// queued message within about a minute of its return.
public struct RetryPolicy: Sendable, Equatable {
    public var initialDelay: Int64
    public var maximumDelay: Int64
    public var maximumAge: Int64

    public init(initialDelay: Int64 = 1_000, maximumDelay: Int64 = 30_000, maximumAge: Int64 = 24 * 3_600_000) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maximumAge = maximumAge
    }

    /// The delay (ms) after attempt number `attempts` (1 = the first) failed; `unit` in [0, 1) is the
    /// random draw for the jitter.
    public func delay(afterAttempt attempts: Int, retryAfter: Int64?, unit: Double) -> Int64 {
        if let retryAfter { return min(max(retryAfter, 0), maximumDelay) }
        let exponent = min(max(attempts - 1, 0), 30)
        let full = min(maximumDelay, initialDelay << Int64(exponent))
        return Int64(Double(full) * (0.5 + 0.5 * unit))
    }

    /// Whether a message created at `createdAt` is too old to try again at `now`.
    public func isExpired(createdAt: Int64, now: Int64) -> Bool {
        now - createdAt >= maximumAge
    }
}
