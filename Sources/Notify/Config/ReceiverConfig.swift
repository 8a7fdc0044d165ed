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
