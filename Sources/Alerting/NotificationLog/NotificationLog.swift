/// The notification log: the last notification per receiver, integration and group, and
/// Alertmanager's rule (`DedupStage.needsUpdate`) for whether a flush must notify again.
public struct NotificationLog: Sendable, Equatable {
    public private(set) var entries: [NotificationLogKey: NotificationLogEntry] = [:]

    public init(_ entries: [NotificationLogEntry] = []) {
        for entry in entries { self.entries[entry.key] = entry }
    }

    public subscript(key: NotificationLogKey) -> NotificationLogEntry? {
        entries[key]
    }

    public mutating func record(_ entry: NotificationLogEntry) {
        entries[entry.key] = entry
    }

    /// Forgets expired entries; returns their keys.
    public mutating func collectGarbage(now: Int64) -> [NotificationLogKey] {
        let expired = entries.values.filter { $0.expiresAt <= now }.map(\.key)
        for key in expired { entries[key] = nil }
        return expired
    }

    /// Whether a group with these firing and resolved alerts must be notified, given what `entry`
    /// says was notified last:
    /// - never notified: only if something fires;
    /// - a firing alert not notified before: yes;
    /// - nothing fires any more: only if the last notification had firing alerts (the resolve;
    ///   sent whatever `send_resolved` says, so the log is cleared of them);
    /// - with `send_resolved`, a newly resolved alert: yes;
    /// - otherwise only once `repeat_interval` has passed.
    public static func needsUpdate(
        entry: NotificationLogEntry?, firing: Set<UInt64>, resolved: Set<UInt64>, sendResolved: Bool,
        repeatInterval: Int64, now: Int64
    ) -> Bool {
        guard let entry else { return !firing.isEmpty }
        if !firing.isSubset(of: entry.firing) { return true }
        if firing.isEmpty { return !entry.firing.isEmpty }
        if sendResolved && !resolved.isSubset(of: entry.resolved) { return true }
        return entry.timestamp < now - repeatInterval
    }
}
