import Foundation
import Notify
import TestSupport
import Testing
import Transport

/// `EmailSender` against a real SMTP server (aiosmtpd writing a maildir): the rendered message
/// arrives with the configured envelope and headers; a relay that is down means try again later.
@Suite(
    .enabled(
        if: SMTPServer.isAvailable,
        "needs Python's aiosmtpd (Debian: apt-get install python3-aiosmtpd) for a real SMTP server"))
struct EmailDeliveryTests {
    static let id = "c3d2e1f0-1234-4abc-8def-0123456789ab"

    static func directory(smarthost: String) -> ReceiverDirectory {
        ReceiverDirectory([
            ReceiverConfig(
                name: "mail",
                emailConfigs: [
                    EmailConfig(
                        to: "Oncall <oncall@example.org>, lead@example.org", from: "Vigil <vigil@example.org>",
                        smarthost: smarthost, hello: "vigil.test", requireTLS: false)
                ])
        ])
    }

    static func renderedMessage(for directory: ReceiverDirectory) throws -> OutboxMessage {
        let alerts = [
            Fixtures.alert(
                1,
                annotations: [
                    "summary": "Disk full on x", "description": "Only 1% left", "runbook_url": "https://rb/x",
                ]),
            Fixtures.alert(2, labels: ["owner": "Müller"]),
        ]
        let notification = Fixtures.notification(receiver: "mail", kind: "email", alerts: alerts)
        let renderer = MessageRenderer(externalURL: Fixtures.externalURL, receivers: directory)
        return try #require(renderer.render(notification, id: id))
    }

    @Test func theRelayReceivesTheRenderedMessageWithItsEnvelope() async throws {
        let directory = TestDirectory()
        try await SMTPServer.run(in: directory) { server in
            let receivers = Self.directory(smarthost: server.smarthost)
            let message = try Self.renderedMessage(for: receivers)
            #expect(message.integration == "email[0]")
            let sender = EmailSender(directory: receivers) { EmailSender.Defaults(requireTLS: true) }
            let outcome = await sender.send(message, now: Fixtures.decidedAt)
            #expect(outcome == .delivered)

            let received = try server.receivedMessages()
            try #require(received.count == 1)
            let email = try await ParsedEmail.parse(received[0])
            #expect(email.header("X-MailFrom") == "vigil@example.org")
            #expect(email.header("X-RcptTo") == "oncall@example.org, lead@example.org")
            #expect(email.header("From") == "Vigil <vigil@example.org>")
            #expect(email.header("To") == "Oncall <oncall@example.org>, lead@example.org")
            #expect(email.header("Message-ID") == "<\(Self.id)@vigil>")
            #expect(email.subject == "[FIRING:2] G x (b)")
            #expect(email.date == Double(Fixtures.decidedAt / 1000))
            #expect(email.contentType == "multipart/alternative")
            let plain = try #require(email.part("text/plain")).text
            #expect(plain.contains("Disk full on x"))
            #expect(plain.contains("Only 1% left"))
            #expect(plain.contains("https://rb/x"))
            #expect(plain.contains("owner=Müller"))
            #expect(try #require(email.part("text/html")).text.contains("Disk full on x"))
        }
    }

    @Test func globalDefaultsFillWhatTheIntegrationLeavesOut() async throws {
        let directory = TestDirectory()
        try await SMTPServer.run(in: directory) { server in
            let receivers = ReceiverDirectory([
                ReceiverConfig(name: "mail", emailConfigs: [EmailConfig(to: "team@example.org")])
            ])
            let message = try Self.renderedMessage(for: receivers)
            let sender = EmailSender(directory: receivers) {
                EmailSender.Defaults(smarthost: server.smarthost, from: "alerts@example.org", requireTLS: false)
            }
            #expect(await sender.send(message, now: Fixtures.decidedAt) == .delivered)
            let received = try server.receivedMessages()
            try #require(received.count == 1)
            let email = try await ParsedEmail.parse(received[0])
            #expect(email.header("X-MailFrom") == "alerts@example.org")
            #expect(email.header("X-RcptTo") == "team@example.org")
        }
    }

    @Test func aRelayThatIsDownMeansRetry() async throws {
        let directory = TestDirectory()
        try await SMTPServer.run(in: directory) { server in
            let receivers = Self.directory(smarthost: server.smarthost)
            let message = try Self.renderedMessage(for: receivers)
            let sender = EmailSender(directory: receivers) { EmailSender.Defaults() }
            #expect(await sender.send(message, now: Fixtures.decidedAt) == .delivered)
            await server.stop()
            let outcome = await sender.send(message, now: Fixtures.decidedAt)
            guard case .retry = outcome else {
                Issue.record("a relay that is down should mean retry, got \(outcome)")
                return
            }
            #expect(try server.receivedMessages().count == 1)
        }
    }

    @Test func noRelayConfiguredFailsForGood() async throws {
        let receivers = ReceiverDirectory([
            ReceiverConfig(name: "mail", emailConfigs: [EmailConfig(to: "team@example.org")])
        ])
        let message = try Self.renderedMessage(for: receivers)
        let outcome = await EmailSender(directory: receivers) { EmailSender.Defaults() }
            .send(message, now: Fixtures.decidedAt)
        guard case .failed = outcome else {
            Issue.record("no relay should fail for good, got \(outcome)")
            return
        }
    }
}
