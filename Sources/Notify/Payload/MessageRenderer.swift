import Alerting
import Rules

/// Turns a notification into the message its integration sends, at decision time, so every
/// delivery attempt sends the same bytes: Alertmanager's webhook payload for webhooks and for the
/// local file, the email for email integrations.
public struct MessageRenderer: Sendable {
    public var externalURL: String
    public var receivers: ReceiverDirectory

    public init(externalURL: String, receivers: ReceiverDirectory) {
        self.externalURL = externalURL
        self.receivers = receivers
    }

    /// The message for `notification` under delivery id `id`; nil when there is nothing to send (a
    /// notification that only records a resolve for an integration without `send_resolved`).
    public func render(_ notification: GroupNotification, id: String) -> OutboxMessage? {
        guard !notification.alerts.isEmpty else { return nil }
        let integration = notification.integration
        let config = receivers.receiver(notification.receiver)
        var maxAlerts = 0
        if integration.kind == "webhook", let webhooks = config?.webhookConfigs,
            webhooks.indices.contains(integration.index)
        {
            maxAlerts = webhooks[integration.index].maxAlerts
        }
        let data = NotificationData(notification: notification, externalURL: externalURL, maxAlerts: maxAlerts)
        let body: [UInt8]
        switch integration.kind {
        case "email":
            guard let emails = config?.emailConfigs, emails.indices.contains(integration.index) else { return nil }
            body = EmailMessage.render(data, config: emails[integration.index], id: id, at: notification.decidedAt)
        default:
            body = WebhookPayload.encode(
                data,
                extra: WebhookPayload.Extra(
                    deliveryID: id, integration: integration.name, escalation: notification.escalation))
        }
        return OutboxMessage(
            id: id, receiver: notification.receiver, integration: integration.name, groupKey: notification.groupKey,
            body: body, status: data.status, alertCount: data.alerts.count, createdAt: notification.decidedAt,
            firstFiredAt: notification.firstNewlyFiringAt, nextAttemptAt: notification.decidedAt)
    }
}
