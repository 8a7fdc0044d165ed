import Transport

/// A named destination for notifications, in Alertmanager's receiver schema. Escalation files
/// refer to receivers by name; a receiver with no gateway still works (notifications are
/// appended to the local notifications log), so the demo runs without SMTP or webhooks.
public struct ReceiverConfig: Sendable, Equatable {
    public var name: String
    public var webhookConfigs: [WebhookConfig]
    public var emailConfigs: [EmailConfig]
    public var pagerdutyConfigs: [PagerDutyConfig]
    public var slackConfigs: [SlackConfig]
    public var teamsConfigs: [TeamsConfig]
    public var smsConfigs: [SMSConfig]

    public init(
        name: String, webhookConfigs: [WebhookConfig] = [], emailConfigs: [EmailConfig] = [],
        pagerdutyConfigs: [PagerDutyConfig] = [], slackConfigs: [SlackConfig] = [], teamsConfigs: [TeamsConfig] = [],
        smsConfigs: [SMSConfig] = []
    ) {
        self.teamsConfigs = teamsConfigs
        self.smsConfigs = smsConfigs
        self.name = name
        self.webhookConfigs = webhookConfigs
        self.emailConfigs = emailConfigs
        self.pagerdutyConfigs = pagerdutyConfigs
        self.slackConfigs = slackConfigs
    }
}

/// A webhook receiving Alertmanager's version-4 payload (plus Vigil's `vigil` object).
public struct WebhookConfig: Sendable, Equatable {
    /// Absolute `http`/`https` URL.
    public var url: String
    /// Whether resolved alerts are sent too.
    public var sendResolved: Bool
    /// Most alerts per message; 0 means no limit.
    public var maxAlerts: Int
    /// Authentication, TLS and proxy for the gateway.
    public var http: HTTPClientConfig
    /// How long one attempt may take (ms); 10s by default.
    public var timeoutMilliseconds: Int64

    public init(
        url: String, sendResolved: Bool = true, maxAlerts: Int = 0, http: HTTPClientConfig = HTTPClientConfig(),
        timeoutMilliseconds: Int64 = 10_000
    ) {
        self.url = url
        self.sendResolved = sendResolved
        self.maxAlerts = maxAlerts
        self.http = http
        self.timeoutMilliseconds = timeoutMilliseconds
    }
}

/// An email destination; unset SMTP fields fall back to the `global.smtp_*` settings.
public struct EmailConfig: Sendable, Equatable {
    /// Recipient address(es), as in Alertmanager (comma-separated allowed).
    public var to: String
    public var from: String?
    /// `host:port` of the SMTP relay.
    public var smarthost: String?
    public var hello: String?
    public var authUsername: String?
    public var authPassword: String?
    public var authPasswordFile: String?
    /// nil → `global.smtp_require_tls`.
    public var requireTLS: Bool?
    public var sendResolved: Bool
    /// Extra headers (Subject, …).
    public var headers: [String: String]
    /// HTML body template; nil → Vigil's default.
    public var html: String?
    /// Plain-text body template; nil → Vigil's default.
    public var text: String?
    /// How the relay's certificate is checked (`tls_config`).
    public var tls: TLSOptions

    public init(
        to: String,
        from: String? = nil,
        smarthost: String? = nil,
        hello: String? = nil,
        authUsername: String? = nil,
        authPassword: String? = nil,
        authPasswordFile: String? = nil,
        requireTLS: Bool? = nil,
        sendResolved: Bool = false,
        headers: [String: String] = [:],
        html: String? = nil,
        text: String? = nil,
        tls: TLSOptions = TLSOptions()
    ) {
        self.to = to
        self.from = from
        self.smarthost = smarthost
        self.hello = hello
        self.authUsername = authUsername
        self.authPassword = authPassword
        self.authPasswordFile = authPasswordFile
        self.requireTLS = requireTLS
        self.sendResolved = sendResolved
        self.headers = headers
        self.html = html
        self.text = text
        self.tls = tls
    }
}

extension ReceiverConfig {
    /// Every notification template its integrations hold, with where it is written
    /// (`slack_configs[0].title`), to check them against the named templates once those are read.
    public var templateTexts: [(field: String, text: String)] {
        var texts: [(String, String)] = []
        func add(_ field: String, _ text: String?) {
            if let text { texts.append((field, text)) }
        }
        for (index, email) in emailConfigs.enumerated() {
            add("email_configs[\(index)].text", email.text)
            add("email_configs[\(index)].html", email.html)
            for (name, value) in email.headers.sorted(by: { $0.key < $1.key }) {
                add("email_configs[\(index)].headers.\(name)", value)
            }
        }
        for (index, pager) in pagerdutyConfigs.enumerated() {
            let at = "pagerduty_configs[\(index)]"
            for (name, text) in [
                ("client", pager.client), ("client_url", pager.clientURL), ("description", pager.description),
                ("severity", pager.severity), ("source", pager.source), ("class", pager.class),
                ("component", pager.component), ("group", pager.group),
            ] {
                add("\(at).\(name)", text)
            }
            for (name, text) in (pager.details ?? [:]).sorted(by: { $0.key < $1.key }) {
                add("\(at).details.\(name)", text)
            }
            for (position, image) in pager.images.enumerated() {
                for (name, text) in [("src", image.src), ("alt", image.alt), ("href", image.href)] {
                    add("\(at).images[\(position)].\(name)", text)
                }
            }
            for (position, link) in pager.links.enumerated() {
                add("\(at).links[\(position)].href", link.href)
                add("\(at).links[\(position)].text", link.text)
            }
        }
        for (index, slack) in slackConfigs.enumerated() {
            let at = "slack_configs[\(index)]"
            for (name, text) in [
                ("channel", slack.channel), ("username", slack.username), ("color", slack.color),
                ("title", slack.title), ("title_link", slack.titleLink), ("pretext", slack.pretext),
                ("text", slack.text), ("footer", slack.footer), ("fallback", slack.fallback),
                ("icon_emoji", slack.iconEmoji), ("icon_url", slack.iconURL), ("callback_id", slack.callbackID),
                ("image_url", slack.imageURL), ("thumb_url", slack.thumbURL),
            ] {
                add("\(at).\(name)", text)
            }
            for (position, field) in slack.fields.enumerated() {
                add("\(at).fields[\(position)].title", field.title)
                add("\(at).fields[\(position)].value", field.value)
            }
            for (position, action) in slack.actions.enumerated() {
                for (name, text) in [
                    ("text", action.text), ("url", action.url), ("style", action.style), ("name", action.name),
                    ("value", action.value),
                ] {
                    add("\(at).actions[\(position)].\(name)", text)
                }
            }
        }
        for (index, teams) in teamsConfigs.enumerated() {
            for (name, text) in [("title", teams.title), ("summary", teams.summary), ("text", teams.text)] {
                add("msteams_configs[\(index)].\(name)", text)
            }
        }
        for (index, sms) in smsConfigs.enumerated() {
            add("sms_configs[\(index)].text", sms.text)
            for (name, text) in sms.fields.sorted(by: { $0.key < $1.key }) {
                add("sms_configs[\(index)].fields.\(name)", text)
            }
        }
        return texts
    }
}
