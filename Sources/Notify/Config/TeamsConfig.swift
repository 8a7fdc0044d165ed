/// A Microsoft Teams channel reached through an incoming webhook (`msteams_configs`, Alertmanager's
/// schema: `webhook_url` / `webhook_url_file`, `title`, `summary`, `text`, `send_resolved`,
/// `http_config`). Texts are notification templates; nil means the default. The URL is a secret:
/// read at each attempt and never stored with the message.
public struct TeamsConfig: Sendable, Equatable {
    public var webhookURL: String?
    public var webhookURLFile: String?
    public var title: String?
    public var summary: String?
    public var text: String?
    public var sendResolved: Bool
    public var http: HTTPClientConfig
    /// How long one attempt may take (ms).
    public var timeoutMilliseconds: Int64

    public init(webhookURL: String? = nil, webhookURLFile: String? = nil, sendResolved: Bool = true) {
        self.webhookURL = webhookURL
        self.webhookURLFile = webhookURLFile
        self.sendResolved = sendResolved
        http = HTTPClientConfig()
        timeoutMilliseconds = 10_000
    }
}
