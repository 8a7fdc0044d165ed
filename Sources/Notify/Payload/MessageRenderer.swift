import Alerting
import Rules

/// Turns a notification into the message its integration sends, at decision time, so every
/// delivery attempt sends the same bytes: Alertmanager's webhook payload for webhooks and for the
/// local file, the email for email integrations.
public struct MessageRenderer: Sendable {
    public var externalURL: String
    public var receivers: ReceiverDirectory
    /// Signs the acknowledgement link a firing notification carries; nil: no link.
    public var ackLinks: AckLinks?
    /// The named templates integrations' templates may run.
    public var templates: TemplateLibrary

    public init(
        externalURL: String, receivers: ReceiverDirectory, ackLinks: AckLinks? = nil,
        templates: TemplateLibrary = .defaults
    ) {
        self.externalURL = externalURL
        self.receivers = receivers
        self.ackLinks = ackLinks
        self.templates = templates
    }

    /// The signed link acknowledging `notification`'s group, valid for the configured lifetime from
    /// when it was decided.
    public func ackURL(for notification: GroupNotification) -> String? {
        guard let ackLinks else { return nil }
        let token = AckLink(
            target: .group(notification.groupKey), expiresAt: notification.decidedAt + ackLinks.lifetime
        ).token(secret: ackLinks.secret)
        let base = externalURL.hasSuffix("/") ? String(externalURL.dropLast()) : externalURL
        return base + "/ack/" + token
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
        var data = NotificationData(notification: notification, externalURL: externalURL, maxAlerts: maxAlerts)
        if data.status == "firing" { data.ackURL = ackURL(for: notification) }
        guard !notification.acknowledges || integration.followsAcknowledgements else { return nil }
        let body: [UInt8]
        switch integration.kind {
        case "pagerduty":
            guard let pagers = config?.pagerdutyConfigs, pagers.indices.contains(integration.index) else { return nil }
            body = PagerDutyEvent.render(
                data, config: pagers[integration.index],
                action: PagerDutyEvent.action(status: data.status, acknowledges: notification.acknowledges),
                templates: templates)
        case "slack":
            guard let slacks = config?.slackConfigs, slacks.indices.contains(integration.index) else { return nil }
            body = SlackMessage.render(data, config: slacks[integration.index], templates: templates)
        case "msteams":
            guard let teams = config?.teamsConfigs, teams.indices.contains(integration.index) else { return nil }
            body = TeamsCard.render(data, config: teams[integration.index], templates: templates)
        case "sms":
            guard let target = config?.smsTarget(integration.index) else { return nil }
            body = SMSMessage.render(data, config: target.config, to: target.to, templates: templates)
        case "email":
            guard let emails = config?.emailConfigs, emails.indices.contains(integration.index) else { return nil }
            body = EmailMessage.render(
                data, config: emails[integration.index], id: id, at: notification.decidedAt, templates: templates)
        default:
            body = WebhookPayload.encode(
                data,
                extra: WebhookPayload.Extra(
                    deliveryID: id, integration: integration.name,
                    fields: data.ackURL.map { [("ack_url", $0)] } ?? [], escalation: notification.escalation))
        }
        return OutboxMessage(
            id: id, receiver: notification.receiver, integration: integration.name, groupKey: notification.groupKey,
            body: body, status: notification.acknowledges ? "acknowledged" : data.status, alertCount: data.alerts.count,
            createdAt: notification.decidedAt,
            firstFiredAt: notification.firstNewlyFiringAt, nextAttemptAt: notification.decidedAt)
    }
}

/// What signs acknowledgement links: the webhook secret and how long a link stays valid
/// (`global.ack_link_expiry`, 24 hours by default).
public struct AckLinks: Sendable {
    public var secret: [UInt8]
    /// ms.
    public var lifetime: Int64

    public init(secret: [UInt8], lifetime: Int64) {
        self.secret = secret
        self.lifetime = lifetime
    }
}
