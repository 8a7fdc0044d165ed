/// A PagerDuty service reached through the Events API v2 (`pagerduty_configs`, with Alertmanager
/// 0.25's keys and defaults). Every text field is a notification template; nil means
/// Alertmanager's default. The routing key is read at each attempt (from the file when set) and is
/// never stored with the message.
public struct PagerDutyConfig: Sendable, Equatable {
    /// A link shown on the incident.
    public struct Link: Sendable, Equatable {
        public var href: String
        public var text: String

        public init(href: String, text: String) {
            self.href = href
            self.text = text
        }
    }

    /// An image shown on the incident.
    public struct Image: Sendable, Equatable {
        public var src: String
        public var alt: String
        public var href: String

        public init(src: String, alt: String = "", href: String = "") {
            self.src = src
            self.alt = alt
            self.href = href
        }
    }

    /// The Events API v2 endpoint (`global.pagerduty_url`'s default).
    public static let defaultURL = "https://events.pagerduty.com/v2/enqueue"

    public var routingKey: String?
    /// Read at each attempt: rotating the key needs no reload.
    public var routingKeyFile: String?
    public var url: String
    public var client: String?
    public var clientURL: String?
    /// The incident's summary (`payload.summary`, at most 1,024 characters).
    public var description: String?
    /// `critical`, `error`, `warning` or `info` once expanded (anything else is sent as `error`).
    public var severity: String?
    public var source: String?
    public var `class`: String?
    public var component: String?
    public var group: String?
    /// `payload.custom_details`; nil: `firing`, `resolved`, `num_firing`, `num_resolved`.
    public var details: [String: String]?
    public var images: [Image]
    public var links: [Link]
    public var sendResolved: Bool
    public var http: HTTPClientConfig
    /// How long one attempt may take (ms).
    public var timeoutMilliseconds: Int64

    public init(
        routingKey: String? = nil, routingKeyFile: String? = nil, url: String = Self.defaultURL,
        sendResolved: Bool = true, http: HTTPClientConfig = HTTPClientConfig(), timeoutMilliseconds: Int64 = 10_000
    ) {
        self.routingKey = routingKey
        self.routingKeyFile = routingKeyFile
        self.url = url
        images = []
        links = []
        self.sendResolved = sendResolved
        self.http = http
        self.timeoutMilliseconds = timeoutMilliseconds
    }
}
