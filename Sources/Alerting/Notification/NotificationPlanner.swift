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

    /// The notifications `flush` makes at `now` for the route's receiver. A notification with no
    /// alerts only records its log entry (a resolve for an integration without `send_resolved`).
    public func plan(
        _ flush: GroupFlush, silences: Silences, inhibitor: Inhibitor, log: NotificationLog, now: Int64
    ) -> [GroupNotification] {
        if isMuted(by: flush.options, at: now) { return [] }
        return plan(
            flush, alerts: visibleAlerts(flush, silences: silences, inhibitor: inhibitor, now: now),
            audience: NotificationAudience(receivers: [flush.options.receiver]), log: log, now: now)
    }

    /// The flushed alerts neither inhibited nor silenced at `now`.
    public func visibleAlerts(
        _ flush: GroupFlush, silences: Silences, inhibitor: Inhibitor, now: Int64
    ) -> [PipelineAlert] {
        flush.alerts.filter { alert in
            !inhibitor.mutes(alert.labels) && silences.silencing(alert.labels, at: now).isEmpty
        }
    }

    /// The notifications `alerts` (a flush's visible ones) make for `audience` at `now`: per
    /// integration of each receiver, what the notification log says must go out — or, for a receiver
    /// an escalation step pages, the alerts whatever the log says; while acknowledged, only resolves.
    public func plan(
        _ flush: GroupFlush, alerts: [PipelineAlert], audience: NotificationAudience, log: NotificationLog,
        now: Int64
    ) -> [GroupNotification] {
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
        var notifications: [GroupNotification] = []
        for receiver in audience.receivers {
            let paged = audience.paged.contains(receiver)
            for integration in integrations(of: receiver) {
                let key = NotificationLogKey(
                    receiver: receiver, integration: integration.name, groupKey: flush.groupKey)
                let entry = log[key]
                let due: Bool
                if paged {
                    due = !firing.isEmpty
                } else if audience.acknowledged {
                    due = Self.resolveDue(entry: entry, firing: firing, resolved: resolved, integration: integration)
                } else {
                    due = NotificationLog.needsUpdate(
                        entry: entry, firing: firing, resolved: resolved, sendResolved: integration.sendResolved,
                        repeatInterval: flush.options.repeatInterval, now: now)
                }
                guard due else { continue }
                let previouslyFiring = paged ? [] : entry?.firing ?? []
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
        }
        return notifications
    }

    /// While a group is acknowledged its receivers hear only of resolves: when nothing fires any
    /// more after a notification that had firing alerts, or (with `send_resolved`) a newly resolved one.
    static func resolveDue(
        entry: NotificationLogEntry?, firing: Set<UInt64>, resolved: Set<UInt64>, integration: ReceiverIntegration
    ) -> Bool {
        guard let entry else { return false }
        if firing.isEmpty { return !entry.firing.isEmpty }
        return integration.sendResolved && !resolved.intersection(entry.firing).isSubset(of: entry.resolved)
    }

    /// A flushed alert is resolved when it carries an end time (firing ones carry 0) that has passed.
    static func isResolved(_ alert: PipelineAlert, at now: Int64) -> Bool {
        alert.endsAt != 0 && alert.endsAt <= now
    }
}

/// Who a group's flush is for: receivers in order, those an escalation step pages now (notified
/// whatever the notification log says), and whether the group is acknowledged.
public struct NotificationAudience: Sendable, Equatable {
    public var receivers: [String]
    public var paged: Set<String>
    public var acknowledged: Bool

    public init(receivers: [String], paged: Set<String> = [], acknowledged: Bool = false) {
        self.receivers = receivers
        self.paged = paged
        self.acknowledged = acknowledged
    }
}
