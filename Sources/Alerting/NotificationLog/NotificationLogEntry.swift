/// What was last notified to one integration of one receiver about one group: Alertmanager's nflog
/// entry. Kept in SQLite, so a restart neither pages again about what was already sent nor forgets
/// to send the resolve.
public struct NotificationLogEntry: Sendable, Equatable {
    public var key: NotificationLogKey
    /// Fingerprints of the alerts notified as firing.
    public var firing: Set<UInt64>
    /// Fingerprints of the alerts notified as resolved.
    public var resolved: Set<UInt64>
    /// When the notification was decided (ms).
    public var timestamp: Int64
    /// When the entry may be forgotten (ms): Alertmanager keeps entries for twice the repeat interval.
    public var expiresAt: Int64

    public init(key: NotificationLogKey, firing: Set<UInt64>, resolved: Set<UInt64>, timestamp: Int64, expiresAt: Int64)
    {
        self.key = key
        self.firing = firing
        self.resolved = resolved
        self.timestamp = timestamp
        self.expiresAt = expiresAt
    }
}

/// One receiver's integration and one group: what a log entry is about.
public struct NotificationLogKey: Sendable, Hashable, Comparable {
    public var receiver: String
    /// The integration and its position in the receiver, e.g. `webhook[0]`, `email[1]`, `file[0]`.
    public var integration: String
    public var groupKey: String

    public init(receiver: String, integration: String, groupKey: String) {
        self.receiver = receiver
        self.integration = integration
        self.groupKey = groupKey
    }

    public static func < (lhs: NotificationLogKey, rhs: NotificationLogKey) -> Bool {
        (lhs.receiver, lhs.integration, lhs.groupKey) < (rhs.receiver, rhs.integration, rhs.groupKey)
    }
}
