import Foundation
import Notify
import TestSupport
import Testing
import Transport

/// Email over STARTTLS, as Alertmanager's `require_tls` (the default) wants it: against a real
/// aiosmtpd offering STARTTLS with a certificate the email config's `tls_config` trusts.
@Suite(
    .enabled(
        if: SMTPServer.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"),
        "needs Python's aiosmtpd (apt-get install python3-aiosmtpd) and openssl for a TLS SMTP server"))
struct EmailTLSTests {
    /// A self-signed certificate for 127.0.0.1, written into `directory`.
    static func certificate(in directory: TestDirectory) throws -> (cert: String, key: String) {
        let cert = directory.file("smtp.crt")
        let key = directory.file("smtp.key")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return (cert, key)
    }

    static func sender(smarthost: String, caFile: String?) -> (EmailSender, MessageRenderer) {
        let receivers = ReceiverDirectory([
            ReceiverConfig(
                name: "mail",
                emailConfigs: [
                    EmailConfig(
                        to: "oncall@example.org", from: "vigil@example.org", smarthost: smarthost,
                        requireTLS: true, tls: TLSOptions(caFile: caFile))
                ])
        ])
        let sender = EmailSender(directory: receivers) { EmailSender.Defaults() }
        return (sender, MessageRenderer(externalURL: Fixtures.externalURL, receivers: receivers))
    }

    @Test func mailGoesOverSTARTTLSWhenTheRelayOffersIt() async throws {
        let directory = TestDirectory()
        let (cert, key) = try Self.certificate(in: directory)
        try await SMTPServer.run(in: directory, arguments: ["--tlscert", cert, "--tlskey", key]) { server in
            let (sender, renderer) = Self.sender(smarthost: server.smarthost, caFile: cert)
            let notification = Fixtures.notification(receiver: "mail", kind: "email", alerts: [Fixtures.alert(1)])
            let message = try #require(renderer.render(notification, id: "tls-1"))
            #expect(await sender.send(message, now: Fixtures.decidedAt) == .delivered)
            #expect(try server.receivedMessages().count == 1)
        }
    }

    @Test func requireTLSRefusesARelayWithoutSTARTTLSAndKeepsTheMessage() async throws {
        let directory = TestDirectory()
        try await SMTPServer.run(in: directory) { server in
            let (sender, renderer) = Self.sender(smarthost: server.smarthost, caFile: nil)
            let notification = Fixtures.notification(receiver: "mail", kind: "email", alerts: [Fixtures.alert(1)])
            let message = try #require(renderer.render(notification, id: "tls-2"))
            guard case .retry = await sender.send(message, now: Fixtures.decidedAt) else {
                Issue.record("mail was sent without TLS although require_tls is set")
                return
            }
            #expect(try server.receivedMessages().isEmpty)
        }
    }
}
