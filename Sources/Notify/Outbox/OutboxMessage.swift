/// One message waiting to be (or already) delivered: rendered when the notification was decided,
/// written to SQLite in the same transaction as the notification log, and kept until it is delivered
/// or dead-lettered. Every attempt sends the same body under the same delivery id.
public struct OutboxMessage: Sendable, Equatable {
    /// The delivery id (a UUID), sent as `X-Vigil-Delivery` on every attempt.
    public var id: String
    public var receiver: String
    /// `webhook[0]`, `email[1]`, `file[0]`.
    public var integration: String
    public var groupKey: String
    /// The rendered message: the webhook JSON, the email's RFC 5322 text, the file line.
    public var body: [UInt8]
    /// `firing` or `resolved`.
    public var status: String
    /// How many alerts it carries.
    public var alertCount: Int
    /// When it was decided (ms).
    public var createdAt: Int64
    /// When the earliest alert it is the first to report as firing started (ms), for the fired →
    /// delivered latency; nil for repeats and resolves.
    public var firstFiredAt: Int64?
    public var attempts: Int
    /// When the next attempt may start (ms).
    public var nextAttemptAt: Int64
    public var state: OutboxState
    public var lastError: String?
    public var deliveredAt: Int64?

    public init(
        id: String, receiver: String, integration: String, groupKey: String, body: [UInt8], status: String,
        alertCount: Int, createdAt: Int64, firstFiredAt: Int64? = nil, attempts: Int = 0, nextAttemptAt: Int64,
        state: OutboxState = .pending, lastError: String? = nil, deliveredAt: Int64? = nil
    ) {
        self.id = id
        self.receiver = receiver
        self.integration = integration
        self.groupKey = groupKey
        self.body = body
        self.status = status
        self.alertCount = alertCount
        self.createdAt = createdAt
        self.firstFiredAt = firstFiredAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.state = state
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }

    /// The integration's kind: `webhook` of `webhook[0]`.
    public var kind: String {
        String(integration.prefix { $0 != "[" })
    }

    /// The integration's index: 0 of `webhook[0]`.
    public var index: Int {
        Int(integration.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" }) ?? 0
    }
}

/// Where a message stands in the outbox.
public enum OutboxState: String, Sendable, CaseIterable {
    /// Not delivered yet: waiting for its first or next attempt.
    case pending
    case delivered
    /// Given up on (too old, or refused for good); visible and re-sendable.
    case dead
}
