import Alerting

/// What the Alertmanager API v2 routes need from the daemon: the pipeline itself and a few
/// read-outs; the daemon hands them in so the server knows nothing of SQLite or the outbox.
public struct AlertmanagerAPISettings: Sendable {
    public var pipeline: AlertPipeline
    /// Receiver names in configuration order.
    public var receivers: @Sendable () async -> [String]
    /// The configuration as `GET /api/v2/status` shows it (Alertmanager YAML amtool can load).
    public var originalConfig: @Sendable () async -> String
    /// When the daemon started (ms), for `uptime`.
    public var startedAt: Int64
    public var version: String
    /// The outbox, for `/api/v1/notifications`.
    public var notifications: any NotificationOutboxView
    /// Records a change in the audit log (actor, action, details).
    public var audit: @Sendable (String, String, [String: String]) async -> Void
    /// The key of signed acknowledgements (the webhook secret).
    public var webhookSecret: [UInt8]
    /// Request ids of signed acknowledgements already taken; without one, replays are remembered
    /// in memory only.
    public var ackRequests: (any AckRequestLedger)?

    public init(
        pipeline: AlertPipeline, receivers: @escaping @Sendable () async -> [String],
        originalConfig: @escaping @Sendable () async -> String, startedAt: Int64, version: String,
        notifications: any NotificationOutboxView,
        audit: @escaping @Sendable (String, String, [String: String]) async -> Void,
        webhookSecret: [UInt8] = [], ackRequests: (any AckRequestLedger)? = nil
    ) {
        self.pipeline = pipeline
        self.receivers = receivers
        self.originalConfig = originalConfig
        self.startedAt = startedAt
        self.version = version
        self.notifications = notifications
        self.audit = audit
        self.webhookSecret = webhookSecret
        self.ackRequests = ackRequests
    }
}

/// The outbox as `/api/v1/notifications` shows it.
public protocol NotificationOutboxView: Sendable {
    /// Messages in `state` (`pending`, `delivered`, `dead`; all when nil), newest first, as JSON objects.
    func list(state: String?, limit: Int) async throws -> [NotificationSummary]
    /// Puts a message back in the queue; false when there is none with that id.
    func retry(id: String, now: Int64) async throws -> Bool
}

/// One outbox message, without its body.
public struct NotificationSummary: Sendable, Equatable {
    public var id: String
    public var receiver: String
    public var integration: String
    public var groupKey: String
    public var status: String
    public var alerts: Int
    public var state: String
    public var attempts: Int
    public var createdAt: Int64
    public var nextAttemptAt: Int64
    public var deliveredAt: Int64?
    public var lastError: String?

    public init(
        id: String, receiver: String, integration: String, groupKey: String, status: String, alerts: Int,
        state: String, attempts: Int, createdAt: Int64, nextAttemptAt: Int64, deliveredAt: Int64?, lastError: String?
    ) {
        self.id = id
        self.receiver = receiver
        self.integration = integration
        self.groupKey = groupKey
        self.status = status
        self.alerts = alerts
        self.state = state
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
        self.lastError = lastError
    }
}
