import Alerting
import Rules
import TimeSeries

/// Alertmanager's notification data (`template.Data`): what webhook payloads carry and what email
/// templates see as `.Status`, `.Alerts`, `.GroupLabels`, `.CommonLabels`, `.ExternalURL`, ….
public struct NotificationData: Sendable, Equatable {
    /// One alert as templates and payloads see it.
    public struct Alert: Sendable, Equatable {
        /// `firing` or `resolved`.
        public var status: String
        public var labels: Labels
        public var annotations: Labels
        public var startsAt: Int64
        /// nil while firing (Go's zero time in payloads).
        public var endsAt: Int64?
        public var generatorURL: String
        public var fingerprint: String
    }

    public var receiver: String
    /// `firing` when any alert fires, else `resolved`.
    public var status: String
    public var alerts: [Alert]
    public var groupLabels: Labels
    /// Labels every alert has with the same value.
    public var commonLabels: Labels
    public var commonAnnotations: Labels
    public var externalURL: String
    public var groupKey: String
    /// Alerts left out because of `max_alerts`.
    public var truncatedAlerts: Int
    /// The signed link that acknowledges the group (firing notifications only).
    public var ackURL: String?

    public init(notification: GroupNotification, externalURL: String, maxAlerts: Int = 0) {
        receiver = notification.receiver
        groupKey = notification.groupKey
        groupLabels = notification.groupLabels
        self.externalURL = externalURL
        let now = notification.decidedAt
        let all = notification.alerts.map { alert in
            let resolved = alert.endsAt != 0 && alert.endsAt <= now
            return Alert(
                status: resolved ? "resolved" : "firing", labels: alert.labels, annotations: alert.annotations,
                startsAt: alert.startsAt, endsAt: resolved ? alert.endsAt : nil, generatorURL: alert.generatorURL,
                fingerprint: alert.fingerprint.description)
        }
        // As Alertmanager: `max_alerts` first, then everything else from the alerts actually sent.
        if maxAlerts > 0 && all.count > maxAlerts {
            alerts = Array(all.prefix(maxAlerts))
            truncatedAlerts = all.count - maxAlerts
        } else {
            alerts = all
            truncatedAlerts = 0
        }
        status = alerts.contains { $0.status == "firing" } ? "firing" : "resolved"
        commonLabels = Self.common(alerts.map(\.labels))
        commonAnnotations = Self.common(alerts.map(\.annotations))
    }

    /// The firing alerts.
    public var firing: [Alert] { alerts.filter { $0.status == "firing" } }
    /// The resolved alerts.
    public var resolved: [Alert] { alerts.filter { $0.status == "resolved" } }

    /// The pairs every label set has with the same value.
    static func common(_ sets: [Labels]) -> Labels {
        guard var common = sets.first?.pairs else { return Labels() }
        for set in sets.dropFirst() {
            common = common.filter { set[$0.name] == $0.value }
        }
        return Labels(sortedUnique: common)
    }
}

extension NotificationData {
    /// The notification as Alertmanager's templates see it (times as Go prints a `time.Time`).
    public var templateData: NotificationTemplate.Data {
        NotificationTemplate.Data(
            receiver: receiver, status: status,
            alerts: alerts.map { alert in
                NotificationTemplate.Alert(
                    status: alert.status, labels: alert.labels, annotations: alert.annotations,
                    startsAt: EmailMessage.goTime(alert.startsAt),
                    endsAt: alert.endsAt.map(EmailMessage.goTime) ?? "0001-01-01 00:00:00 +0000 UTC",
                    generatorURL: alert.generatorURL, fingerprint: alert.fingerprint)
            }, groupLabels: groupLabels, commonLabels: commonLabels, commonAnnotations: commonAnnotations,
            externalURL: externalURL)
    }
}
