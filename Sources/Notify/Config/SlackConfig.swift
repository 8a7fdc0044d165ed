/// A Slack channel reached through an incoming webhook (`slack_configs`, with Alertmanager 0.25's
/// keys and defaults). Every text is a notification template; nil means the default. The webhook
/// URL is a secret: read at each attempt (from the file when set), never stored with the message.
public struct SlackConfig: Sendable, Equatable {
    /// One attachment field.
    public struct Field: Sendable, Equatable {
        public var title: String
        public var value: String
        /// nil: `short_fields`.
        public var short: Bool?

        public init(title: String, value: String, short: Bool? = nil) {
            self.title = title
            self.value = value
            self.short = short
        }
    }

    /// One attachment button (Slack's legacy message actions, as Alertmanager sends them).
    public struct Action: Sendable, Equatable {
        public var type: String
        public var text: String
        public var url: String
        public var style: String
        public var name: String
        public var value: String

        public init(
            type: String = "button", text: String, url: String = "", style: String = "", name: String = "",
            value: String = ""
        ) {
            self.type = type
            self.text = text
            self.url = url
            self.style = style
            self.name = name
            self.value = value
        }
    }

    public var apiURL: String?
    public var apiURLFile: String?
    public var channel: String?
    public var username: String?
    public var iconEmoji: String?
    public var iconURL: String?
    public var color: String?
    public var title: String?
    public var titleLink: String?
    public var pretext: String?
    public var text: String?
    public var footer: String?
    public var fallback: String?
    public var callbackID: String?
    public var imageURL: String?
    public var thumbURL: String?
    public var fields: [Field]
    public var shortFields: Bool
    public var actions: [Action]
    public var linkNames: Bool
    public var mrkdwnIn: [String]
    /// Alertmanager's default for Slack is false.
    public var sendResolved: Bool
    public var http: HTTPClientConfig
    /// How long one attempt may take (ms).
    public var timeoutMilliseconds: Int64

    public init(apiURL: String? = nil, apiURLFile: String? = nil, sendResolved: Bool = false) {
        self.apiURL = apiURL
        self.apiURLFile = apiURLFile
        fields = []
        shortFields = false
        actions = []
        linkNames = false
        mrkdwnIn = ["fallback", "pretext", "text"]
        self.sendResolved = sendResolved
        http = HTTPClientConfig()
        timeoutMilliseconds = 10_000
    }
}
