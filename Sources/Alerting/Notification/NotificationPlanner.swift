import Foundation
import Rules

/// Decides what a group's flush sends to whom now: the one function the escalation policies of the
/// next stage extend.
///
/// In Alertmanager's order: outside the route's active time intervals or inside a mute interval
/// nothing is sent; inhibited and silenced alerts are dropped; then, per integration of the
/// receiver, the notification log decides whether anything changed (or `repeat_interval` passed);
/// integrations without `send_resolved` get only the firing alerts but still log the resolve.
public struct NotificationPlanner: Sendable {
    /// Each receiver's integrations; a receiver with none is reached through the local file.
    public var receivers: [String: [ReceiverIntegration]]
    public var timeIntervals: [String: NamedTimeInterval]
    /// The zone time intervals are judged in when they name no `location` (the program's).
    public var timeZone: TimeZone
    /// The longest a log entry is kept (ms; Alertmanager's `--data.retention`, 120h); an entry expires
    /// after twice its route's `repeat_interval` when that is sooner, as Alertmanager's does.
    public var logRetention: Int64

    public init(
        receivers: [String: [ReceiverIntegration]], timeIntervals: [String: NamedTimeInterval] = [:],
        timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, logRetention: Int64 = 120 * 3_600_000
    ) {
        self.receivers = receivers
        self.timeIntervals = timeIntervals
        self.timeZone = timeZone
        self.logRetention = logRetention
    }

    /// The integrations of `receiver` (the file when it has none).
    public func integrations(of receiver: String) -> [ReceiverIntegration] {
        let configured = receivers[receiver] ?? []
        return configured.isEmpty ? [ReceiverIntegration(kind: "file", index: 0, sendResolved: true)] : configured
    }

    /// Whether the route's time intervals mute it at `now`.
    public func isMuted(by options: RouteOptions, at now: Int64) -> Bool {
        let instant = Date(timeIntervalSince1970: Double(now) / 1000)
        if !options.activeTimeIntervals.isEmpty {
            let active = options.activeTimeIntervals.contains { name in
                timeIntervals[name]?.contains(instant, defaultZone: timeZone) ?? false
            }
            if !active { return true }
        }
        return options.muteTimeIntervals.contains { name in
            timeIntervals[name]?.contains(instant, defaultZone: timeZone) ?? false
        }
    }

    /// The notifications `flush` makes at `now`. A notification with no alerts only records its log
    /// entry (a resolve for an integration without `send_resolved`).
    public func plan(
        _ flush: GroupFlush, silences: Silences, inhibitor: Inhibitor, log: NotificationLog, now: Int64
    ) -> [GroupNotification] {
        if isMuted(by: flush.options, at: now) { return [] }
        let alerts = flush.alerts.filter { alert in
            !inhibitor.mutes(alert.labels) && silences.silencing(alert.labels, at: now).isEmpty
        }
        guard !alerts.isEmpty else { return [] }
        var firing = Set<UInt64>()
        var resolved = Set<UInt64>()
        for alert in alerts {
            if Self.isResolved(alert, at: now) {
                resolved.insert(alert.fingerprint.value)
            } else {
                firing.insert(alert.fingerprint.value)
            }
        }
        let receiver = flush.options.receiver
        var notifications: [GroupNotification] = []
        for integration in integrations(of: receiver) {
            let key = NotificationLogKey(receiver: receiver, integration: integration.name, groupKey: flush.groupKey)
            guard
                NotificationLog.needsUpdate(
                    entry: log[key], firing: firing, resolved: resolved, sendResolved: integration.sendResolved,
                    repeatInterval: flush.options.repeatInterval, now: now)
            else { continue }
            let previouslyFiring = log[key]?.firing ?? []
            let newlyFiring = alerts.filter { alert in
                !Self.isResolved(alert, at: now) && !previouslyFiring.contains(alert.fingerprint.value)
            }
            let sent: [PipelineAlert]
            if integration.sendResolved {
                sent = alerts
            } else {
                sent = firing.isEmpty ? [] : alerts.filter { !Self.isResolved($0, at: now) }
            }
            notifications.append(
                GroupNotification(
                    receiver: receiver, integration: integration, groupKey: flush.groupKey,
                    groupLabels: flush.groupLabels, alerts: sent,
                    logEntry: NotificationLogEntry(
                        key: key, firing: firing, resolved: resolved, timestamp: now,
                        expiresAt: now + min(2 * flush.options.repeatInterval, logRetention)),
                    routeID: flush.routeID, decidedAt: now, firstNewlyFiringAt: newlyFiring.map(\.startsAt).min()))
        }
        return notifications
    }

    /// A flushed alert is resolved when it carries an end time (firing ones carry 0) that has passed.
    static func isResolved(_ alert: PipelineAlert, at now: Int64) -> Bool {
        alert.endsAt != 0 && alert.endsAt <= now
    }
}
