/// An HTTP SMS gateway (`sms_configs`, Vigil's own; Alertmanager has none): one request per phone
/// number in `to`, to `url` with `method`, its body a form or a JSON object naming the number
/// (`to_field`), the text (`text_field`) and any other `fields` the gateway wants (a sender id, an
/// account). The text is cut to `max_segments` SMS segments, counted as phones count them.
public struct SMSConfig: Sendable, Equatable {
    /// How the body is written.
    public enum Format: String, Sendable, Equatable {
        /// `application/x-www-form-urlencoded` (Twilio, Vonage, most gateways).
        case form
        case json
    }

    public var url: String?
    /// Read at each attempt, for a gateway whose URL carries its key.
    public var urlFile: String?
    public var method: String
    public var headers: [String: String]
    public var format: Format
    /// E.164 numbers (`+15551234567`).
    public var to: [String]
    public var toField: String
    public var textField: String
    /// Further body fields, each a notification template.
    public var fields: [String: String]
    /// The text, a notification template; nil: Vigil's short text (alert, severity, summary, ack link).
    public var text: String?
    public var maxSegments: Int
    public var sendResolved: Bool
    public var http: HTTPClientConfig
    /// How long one attempt may take (ms).
    public var timeoutMilliseconds: Int64

    public init(url: String? = nil, to: [String] = []) {
        self.url = url
        method = "POST"
        headers = [:]
        format = .form
        self.to = to
        toField = "to"
        textField = "text"
        fields = [:]
        maxSegments = 1
        sendResolved = true
        http = HTTPClientConfig()
        timeoutMilliseconds = 10_000
    }
}

extension ReceiverConfig {
    /// The SMS integration `index` counts one per phone number over the receiver's `sms_configs`,
    /// so each number has its own message, retries and notification log: the gateway and number
    /// it stands for.
    public func smsTarget(_ index: Int) -> (config: SMSConfig, to: String)? {
        var position = index
        for config in smsConfigs {
            if position < config.to.count { return (config, config.to[position]) }
            position -= config.to.count
        }
        return nil
    }
}
