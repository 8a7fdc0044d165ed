import Alerting
import Foundation
import Notify
import Rules
import TimeSeries

/// Notifications and messages the tests share, modelled on the group Alertmanager 0.25 was observed
/// sending (`/tmp/am-research.md` §5): receiver `hook`, route `{team="b"}` grouped by alertname and
/// instance, three alerts of which the first has resolved.
enum Fixtures {
    /// 2026-12-04T15:02:15.151Z, when the three alerts started.
    static let startedAt: Int64 = 1_796_396_535_151
    /// 2026-12-04T15:02:21.157Z, when the first alert resolved.
    static let resolvedAt: Int64 = 1_796_396_541_157
    /// 2026-12-04T15:02:24.160Z, when the notification was decided.
    static let decidedAt: Int64 = 1_796_396_544_160

    static let groupKey = #"{}/{team="b"}:{alertname="G", instance="x"}"#
    static let groupLabels = Labels(["alertname": "G", "instance": "x"])
    static let externalURL = "http://am.example:9093/prefix"

    /// Alert `n` of the group: firing (`endsAt` 0) unless `endsAt` is given.
    static func alert(
        _ n: Int, endsAt: Int64 = 0, labels extraLabels: [String: String] = [:],
        annotations: [String: String]? = nil
    ) -> PipelineAlert {
        var labels = ["alertname": "G", "instance": "x", "n": "\(n)", "team": "b"]
        labels.merge(extraLabels) { _, new in new }
        return PipelineAlert(
            labels: Labels(labels), annotations: Labels(annotations ?? ["desc": "d\(n)", "summary": "s"]),
            startsAt: startedAt, endsAt: endsAt, updatedAt: startedAt)
    }

    /// The observed group: alert 1 resolved, alerts 2 and 3 firing.
    static let observedAlerts = [alert(1, endsAt: resolvedAt), alert(2), alert(3)]

    /// A notification of `alerts` for `receiver`'s integration `kind[index]`.
    static func notification(
        receiver: String = "hook", kind: String = "webhook", index: Int = 0, alerts: [PipelineAlert] = observedAlerts,
        groupKey: String = groupKey, groupLabels: Labels = groupLabels, decidedAt: Int64 = decidedAt
    ) -> GroupNotification {
        let integration = ReceiverIntegration(kind: kind, index: index, sendResolved: true)
        let firing = Set(alerts.filter { $0.endsAt == 0 || $0.endsAt > decidedAt }.map(\.fingerprint.value))
        let resolved = Set(alerts.map(\.fingerprint.value)).subtracting(firing)
        return GroupNotification(
            receiver: receiver, integration: integration, groupKey: groupKey, groupLabels: groupLabels,
            alerts: alerts,
            logEntry: NotificationLogEntry(
                key: NotificationLogKey(receiver: receiver, integration: integration.name, groupKey: groupKey),
                firing: firing, resolved: resolved, timestamp: decidedAt, expiresAt: decidedAt + 3_600_000),
            routeID: "route-b", decidedAt: decidedAt)
    }

    /// Notification data as a webhook with `max_alerts` sees it.
    static func data(_ notification: GroupNotification = notification(), maxAlerts: Int = 0) -> NotificationData {
        NotificationData(notification: notification, externalURL: externalURL, maxAlerts: maxAlerts)
    }

    /// A pending outbox message with body `body`, due at `at`.
    static func message(
        id: String = UUID().uuidString.lowercased(), receiver: String, integration: String = "webhook[0]",
        groupKey: String = groupKey, body: [UInt8]? = nil, at time: Int64
    ) -> OutboxMessage {
        OutboxMessage(
            id: id, receiver: receiver, integration: integration, groupKey: groupKey,
            body: body ?? Array(#"{"receiver":"\#(receiver)","id":"\#(id)"}"#.utf8) + [0x0A], status: "firing",
            alertCount: 1, createdAt: time, firstFiredAt: time, nextAttemptAt: time)
    }
}
