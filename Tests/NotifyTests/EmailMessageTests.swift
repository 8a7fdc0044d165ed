import Alerting
import Foundation
import Notify
import Rules
import Testing
import TimeSeries

/// The email is a well-formed RFC 5322 / MIME message, checked by an independent parser (Python's
/// `email` package): Alertmanager's default subject, the usual headers, and a multipart/alternative
/// body whose plain-text and HTML parts carry each alert's summary, description, labels and runbook.
@Suite struct EmailMessageTests {
    static let id = "5b0c8a52-3f0e-4d5c-9a51-0c2a7e1f9d33"
    static let config = EmailConfig(to: "Oncall <oncall@example.org>", from: "Vigil <vigil@example.org>")

    static func alert(_ n: Int, endsAt: Int64 = 0, labels: [String: String] = [:]) -> PipelineAlert {
        Fixtures.alert(
            n, endsAt: endsAt, labels: labels,
            annotations: [
                "summary": "Disk almost full on node\(n)", "description": "Only \(n)% = \(n * 10) GiB left ",
                "runbook_url": "https://runbooks.example.org/disk-full?node=\(n)&x=1",
            ])
    }

    static func render(_ notification: GroupNotification, config: EmailConfig = config) -> [UInt8] {
        EmailMessage.render(Fixtures.data(notification), config: config, id: id, at: notification.decidedAt)
    }

    @Test func headersAreThoseOfAnRFC5322Message() async throws {
        let notification = Fixtures.notification(
            kind: "email", alerts: [Self.alert(1, endsAt: Fixtures.resolvedAt), Self.alert(2), Self.alert(3)])
        let email = try await ParsedEmail.parse(Self.render(notification))
        #expect(email.defects.isEmpty)
        #expect(email.date == Double(Fixtures.decidedAt / 1000))
        #expect(email.header("From") == "Vigil <vigil@example.org>")
        #expect(email.header("To") == "Oncall <oncall@example.org>")
        #expect(email.subject == "[FIRING:2] G x (b)")
        #expect(email.header("Message-ID") == "<\(Self.id)@vigil>")
        #expect(email.header("MIME-Version") == "1.0")
        #expect(email.header("X-Vigil-Delivery") == Self.id)
        #expect(email.contentType == "multipart/alternative")
        #expect(email.parts.map(\.contentType) == ["text/plain", "text/html"])
    }

    @Test func bothPartsDecodeToEachAlertsSummaryDescriptionLabelsAndRunbook() async throws {
        let notification = Fixtures.notification(
            kind: "email", alerts: [Self.alert(1, endsAt: Fixtures.resolvedAt), Self.alert(2), Self.alert(3)])
        let email = try await ParsedEmail.parse(Self.render(notification))
        for part in email.parts {
            #expect(part.charset == "utf-8")
            #expect(part.encoding == "quoted-printable")
        }
        let plain = try #require(email.part("text/plain")).text
        let html = try #require(email.part("text/html")).text
        for n in 1...3 {
            #expect(plain.contains("Disk almost full on node\(n)"))
            #expect(plain.contains("Only \(n)% = \(n * 10) GiB left"))
            #expect(plain.contains("https://runbooks.example.org/disk-full?node=\(n)&x=1"))
            #expect(plain.contains("alertname=G, instance=x, n=\(n), team=b"))
            #expect(html.contains("Disk almost full on node\(n)"))
            #expect(html.contains(#"<a href="https://runbooks.example.org/disk-full?node=\#(n)&amp;x=1">"#))
            #expect(html.contains("n=\(n)"))
        }
        #expect(plain.contains("2 firing alerts:"))
        #expect(plain.contains("1 resolved alert:"))
        #expect(plain.contains("Vigil: http://am.example:9093/prefix"))
    }

    @Test func htmlPartEscapesMarkupFromAnnotations() async throws {
        let alert = Fixtures.alert(
            1, annotations: ["summary": "<script>alert(1)</script>", "description": "a < b && c > d"])
        let email = try await ParsedEmail.parse(Self.render(Fixtures.notification(kind: "email", alerts: [alert])))
        let html = try #require(email.part("text/html")).text
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("a &lt; b &amp;&amp; c &gt; d"))
        #expect(!html.contains("<script>"))
        #expect(try #require(email.part("text/plain")).text.contains("<script>alert(1)</script>"))
    }

    @Test func resolvedGroupHasAResolvedSubject() async throws {
        let alerts = [Self.alert(1, endsAt: Fixtures.resolvedAt), Self.alert(2, endsAt: Fixtures.resolvedAt)]
        let email = try await ParsedEmail.parse(Self.render(Fixtures.notification(kind: "email", alerts: alerts)))
        #expect(email.subject == "[RESOLVED] G x (b)")
    }

    @Test func nonASCIISubjectIsEncodedAsRFC2047AndDecodesBack() async throws {
        let owner = "Müller-Lüdenscheidt Straßenmeisterei Überwachung Größenordnung Ästhetik"
        let alert = PipelineAlert(
            labels: Labels(["alertname": "Störung", "owner": owner]), annotations: Labels(["summary": "Grüße"]),
            startsAt: Fixtures.startedAt, endsAt: 0, updatedAt: Fixtures.startedAt)
        let notification = Fixtures.notification(
            kind: "email", alerts: [alert], groupLabels: Labels(["alertname": "Störung", "owner": owner]))
        let bytes = Self.render(notification)
        #expect(bytes.allSatisfy { $0 < 0x80 }, "an email without SMTPUTF8 must be 7-bit")
        let email = try await ParsedEmail.parse(bytes)
        #expect(email.defects.isEmpty)
        #expect(try #require(email.header("Subject")).hasPrefix("=?UTF-8?B?"))
        #expect(email.subject == "[FIRING:1] Störung \(owner)")
        #expect(try #require(email.part("text/plain")).text.contains("Grüße"))
    }

    @Test func everyLineIsWrappedAtSeventySixCharacters() async throws {
        let description = String(repeating: "0123456789ÄÖÜ=", count: 40) + " end"
        let owner = Array(repeating: "Müller", count: 20).joined(separator: " ")
        let alert = PipelineAlert(
            labels: Labels(["alertname": "G", "owner": owner]),
            annotations: Labels(["description": description, "summary": "long"]), startsAt: Fixtures.startedAt,
            endsAt: 0, updatedAt: Fixtures.startedAt)
        let notification = Fixtures.notification(
            kind: "email", alerts: [alert], groupLabels: Labels(["alertname": "G", "owner": owner]))
        let text = String(decoding: Self.render(notification), as: UTF8.self)
        let sections = text.components(separatedBy: "\r\n\r\n")
        let headerLines = sections[0].components(separatedBy: "\r\n")
        let bodyLines = sections.dropFirst().joined(separator: "\r\n\r\n").components(separatedBy: "\r\n")
        for line in bodyLines {
            #expect(line.count <= 76, "body line of \(line.count) characters: \(line)")
        }
        // RFC 2047 §2: a header line containing an encoded word is at most 76 characters.
        for line in headerLines where line.contains("=?UTF-8?") {
            #expect(line.count <= 76, "header line of \(line.count) characters: \(line)")
        }
        let email = try await ParsedEmail.parse(Array(text.utf8))
        #expect(email.subject == "[FIRING:1] G \(owner)")
        #expect(try #require(email.part("text/plain")).text.contains(description))
        #expect(try #require(email.part("text/html")).text.contains(description))
    }

    @Test func configuredHeadersReplaceTheDefaults() async throws {
        var config = Self.config
        config.headers = ["Subject": "Pager: {{ custom }}", "X-Team": "b"]
        let email = try await ParsedEmail.parse(
            Self.render(Fixtures.notification(kind: "email", alerts: [Self.alert(1)]), config: config))
        #expect(email.subject == "Pager: {{ custom }}")
        #expect(email.header("X-Team") == "b")
        #expect(email.headers.filter { $0[0].lowercased() == "subject" }.count == 1)
    }
}
