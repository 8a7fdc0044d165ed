import Foundation
import Transport

/// Delivers email messages through libcurl's SMTP: the relay, sender, credentials and TLS come from
/// the integration's `email_configs` entry, falling back to the `global.smtp_*` settings. A relay
/// that refuses for good (5xx on the sender or recipients) dead-letters the message; anything else
/// is retried.
public struct EmailSender: MessageSender {
    /// The SMTP defaults of `global:`, read at each attempt.
    public struct Defaults: Sendable {
        public var smarthost: String?
        public var from: String?
        public var hello: String?
        public var username: String?
        public var password: String?
        public var passwordFile: String?
        public var requireTLS: Bool

        public init(
            smarthost: String? = nil, from: String? = nil, hello: String? = nil, username: String? = nil,
            password: String? = nil, passwordFile: String? = nil, requireTLS: Bool = true
        ) {
            self.smarthost = smarthost
            self.from = from
            self.hello = hello
            self.username = username
            self.password = password
            self.passwordFile = passwordFile
            self.requireTLS = requireTLS
        }
    }

    let directory: ReceiverDirectory
    let defaults: @Sendable () -> Defaults
    let transport: CurlTransport

    public init(
        directory: ReceiverDirectory, transport: CurlTransport = CurlTransport(),
        defaults: @escaping @Sendable () -> Defaults
    ) {
        self.directory = directory
        self.transport = transport
        self.defaults = defaults
    }

    public func send(_ message: OutboxMessage, now: Int64) async -> DeliveryOutcome {
        guard let receiver = directory.receiver(message.receiver), receiver.emailConfigs.indices.contains(message.index)
        else {
            return .failed("receiver \"\(message.receiver)\" no longer has \(message.integration) in the configuration")
        }
        let config = receiver.emailConfigs[message.index]
        let global = defaults()
        guard let smarthost = config.smarthost ?? global.smarthost, let from = config.from ?? global.from else {
            return .failed("no SMTP relay or sender configured for \(message.receiver)/\(message.integration)")
        }
        let passwordFile = config.authPasswordFile ?? global.passwordFile
        let password =
            config.authPassword ?? global.password
            ?? passwordFile.flatMap {
                (try? String(contentsOfFile: $0, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        let request = MailRequest(
            smarthost: smarthost, hello: config.hello ?? global.hello ?? "localhost", from: Self.address(from),
            recipients: config.to.split(separator: ",").map { Self.address(String($0)) }, message: message.body,
            username: config.authUsername ?? global.username, password: password,
            requireTLS: config.requireTLS ?? global.requireTLS, tls: config.tls)
        do {
            try await transport.send(request)
            return .delivered
        } catch {
            // libcurl does not tell a relay's temporary refusal from a permanent one reliably: retry until
            // the message is too old, so a misconfigured relay shows in the metrics instead of losing mail.
            return .retry("\(error)", retryAfter: nil)
        }
    }

    /// The bare address of `Name <a@b>` or `a@b`.
    static func address(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), let close = trimmed.lastIndex(of: ">"), open < close {
            return String(trimmed[trimmed.index(after: open)..<close])
        }
        return trimmed
    }
}
