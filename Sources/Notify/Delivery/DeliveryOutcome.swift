/// How one delivery attempt ended.
public enum DeliveryOutcome: Sendable, Equatable {
    case delivered
    /// Worth trying again (connection refused, timeout, 5xx, 408, 429); `retryAfter` (ms) when the
    /// gateway said how long to wait.
    case retry(String, retryAfter: Int64?)
    /// Refused for good (a 4xx other than 408 and 429, a receiver no longer configured).
    case failed(String)
}

/// Sends one outbox message through one kind of integration.
public protocol MessageSender: Sendable {
    func send(_ message: OutboxMessage, now: Int64) async -> DeliveryOutcome
}
