/// One email to hand to an SMTP relay through libcurl, described as plain values.
///
/// Why libcurl for mail too: one transport for every gateway, with its mature TLS (implicit TLS on
/// port 465 through `smtps://`, STARTTLS when required) and AUTH.
public struct MailRequest: Sendable {
    /// `host:port` of the relay.
    public var smarthost: String
    /// The name sent in `EHLO`.
    public var hello: String
    /// Envelope sender (`MAIL FROM`).
    public var from: String
    /// Envelope recipients (`RCPT TO`).
    public var recipients: [String]
    /// The whole RFC 5322 message, CRLF line ends.
    public var message: [UInt8]
    public var username: String?
    public var password: String?
    /// STARTTLS must succeed (Alertmanager's `require_tls`); otherwise it is used when offered.
    public var requireTLS: Bool
    public var tls: TLSOptions
    public var timeout: Duration

    public init(
        smarthost: String, hello: String = "localhost", from: String, recipients: [String], message: [UInt8],
        username: String? = nil, password: String? = nil, requireTLS: Bool = true, tls: TLSOptions = TLSOptions(),
        timeout: Duration = .seconds(30)
    ) {
        self.smarthost = smarthost
        self.hello = hello
        self.from = from
        self.recipients = recipients
        self.message = message
        self.username = username
        self.password = password
        self.requireTLS = requireTLS
        self.tls = tls
        self.timeout = timeout
    }

    /// `smtps://` on port 465 (implicit TLS), `smtp://` elsewhere; the path names the EHLO domain.
    var url: String {
        let scheme = smarthost.hasSuffix(":465") ? "smtps" : "smtp"
        return "\(scheme)://\(smarthost)/\(hello)"
    }
}
