import Foundation
import Notify
import TestSupport
import Testing
import Transport

/// `WebhookSender` against a real HTTP receiver on loopback: what reaches the gateway (the stored
/// body, Alertmanager's and Vigil's headers, a signature a receiver can check, credentials) and how
/// each kind of answer ends the attempt.
@Suite struct WebhookDeliveryTests {
    static let secret = Array("webhook-secret-0123456789".utf8)
    static let now: Int64 = 1_796_396_544_160

    static func sender(_ webhooks: [WebhookConfig], receiver: String = "hook") -> WebhookSender {
        WebhookSender(
            directory: ReceiverDirectory([ReceiverConfig(name: receiver, webhookConfigs: webhooks)]),
            transport: CurlTransport(), secret: secret, userAgent: "Vigil/test")
    }

    static func message(body: [UInt8]? = nil) -> OutboxMessage {
        let data = Fixtures.data(maxAlerts: 2)
        let id = "8a2f7c1e-0b4d-4e5f-9a6b-7c8d9e0f1a2b"
        return Fixtures.message(
            id: id, receiver: "hook",
            body: body
                ?? WebhookPayload.encode(data, extra: WebhookPayload.Extra(deliveryID: id, integration: "webhook[0]")),
            at: now)
    }

    /// Whether `outcome` is `.retry`.
    static func isRetry(_ outcome: DeliveryOutcome) -> Bool {
        if case .retry = outcome { true } else { false }
    }

    static func isFailed(_ outcome: DeliveryOutcome) -> Bool {
        if case .failed = outcome { true } else { false }
    }

    @Test func postsTheStoredBodyByteForByteWithSignedHeaders() async throws {
        try await WebhookReceiver.run { receiver in
            let message = Self.message()
            let outcome = await Self.sender([WebhookConfig(url: receiver.url("a"))]).send(message, now: Self.now)
            #expect(outcome == .delivered)
            let request = try #require(receiver.requests.first)
            #expect(receiver.requests.count == 1)
            #expect(request.body == message.body)
            #expect(request.values(of: "Content-Type") == ["application/json"])
            #expect(request.values(of: "User-Agent") == ["Vigil/test"])
            #expect(request.values(of: "X-Vigil-Delivery") == [message.id])
            let timestamp = try #require(request.header("X-Vigil-Timestamp"))
            #expect(timestamp == String(Self.now / 1000))
            let signature = try #require(request.header("X-Vigil-Signature"))
            #expect(
                WebhookSignature.verify(
                    header: signature, secret: Self.secret, timestamp: timestamp, body: request.body))
            #expect(
                !WebhookSignature.verify(
                    header: signature, secret: Self.secret, timestamp: timestamp, body: request.body + [0x20]))
            #expect(request.values(of: "Authorization").isEmpty)
        }
    }

    @Test func aReceiverRecomputingTheHMACAcceptsTheSignature() async throws {
        try await WebhookReceiver.run { receiver in
            let message = Self.message()
            #expect(
                await Self.sender([WebhookConfig(url: receiver.url("a"))]).send(message, now: Self.now) == .delivered)
            let request = try #require(receiver.requests.first)
            let timestamp = try #require(request.header("X-Vigil-Timestamp"))
            // An independent implementation: Python's hmac over "<timestamp>.<body>".
            let script = """
                import hashlib, hmac, sys
                body = sys.stdin.buffer.read()
                print("sha256=" + hmac.new(sys.argv[1].encode(), sys.argv[2].encode() + b"." + body,
                                           hashlib.sha256).hexdigest(), end="")
                """
            let expected = try await Python.run(
                script, arguments: [String(decoding: Self.secret, as: UTF8.self), timestamp], input: request.body)
            #expect(request.header("X-Vigil-Signature") == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test(arguments: [200, 201, 202, 204, 299])
    func anySuccessStatusIsDelivered(status: Int) async throws {
        try await WebhookReceiver.run { receiver in
            receiver.reply(to: "a", .status(status))
            let outcome = await Self.sender([WebhookConfig(url: receiver.url("a"))]).send(Self.message(), now: Self.now)
            #expect(outcome == .delivered)
            #expect(receiver.requests.count == 1)
        }
    }

    @Test(arguments: [500, 502, 503, 504, 408])
    func serverErrorsAndRequestTimeoutsAreRetried(status: Int) async throws {
        try await WebhookReceiver.run { receiver in
            receiver.reply(to: "a", .status(status))
            let outcome = await Self.sender([WebhookConfig(url: receiver.url("a"))]).send(Self.message(), now: Self.now)
            guard case .retry(let error, let retryAfter) = outcome else {
                Issue.record("HTTP \(status) should be retried, got \(outcome)")
                return
            }
            #expect(error.contains("\(status)"))
            #expect(retryAfter == nil)
        }
    }

    @Test func tooManyRequestsHonoursRetryAfterSeconds() async throws {
        try await WebhookReceiver.run { receiver in
            receiver.reply(to: "a", .status(429, headers: [("Retry-After", "7")]))
            let outcome = await Self.sender([WebhookConfig(url: receiver.url("a"))]).send(Self.message(), now: Self.now)
            guard case .retry(_, let retryAfter) = outcome else {
                Issue.record("HTTP 429 should be retried, got \(outcome)")
                return
            }
            #expect(retryAfter == 7_000)
        }
    }

    @Test func retryAfterAsAnHTTPDateIsTheTimeUntilThatDate() async throws {
        try await WebhookReceiver.run { receiver in
            // now + 90 s: Fri, 04 Dec 2026 15:03:54 GMT (now is 15:02:24.160).
            receiver.reply(to: "a", .status(503, headers: [("Retry-After", "Fri, 04 Dec 2026 15:03:54 GMT")]))
            let outcome = await Self.sender([WebhookConfig(url: receiver.url("a"))]).send(Self.message(), now: Self.now)
            guard case .retry(_, let retryAfter) = outcome else {
                Issue.record("HTTP 503 should be retried, got \(outcome)")
                return
            }
            #expect(retryAfter == 89_840)
        }
    }

    @Test(arguments: [400, 401, 403, 404, 410, 422])
    func otherClientErrorsFailForGood(status: Int) async throws {
        try await WebhookReceiver.run { receiver in
            receiver.reply(to: "a", .status(status))
            let outcome = await Self.sender([WebhookConfig(url: receiver.url("a"))]).send(Self.message(), now: Self.now)
            guard case .failed(let error) = outcome else {
                Issue.record("HTTP \(status) should fail for good, got \(outcome)")
                return
            }
            #expect(error.contains("\(status)"))
            #expect(error.contains("answered \(status)"), "the gateway's answer is kept for the operator")
        }
    }

    @Test func refusedConnectionIsRetried() async throws {
        let port = try LoopbackPort.unused()
        let outcome = await Self.sender([WebhookConfig(url: "http://127.0.0.1:\(port)/hook/a")])
            .send(Self.message(), now: Self.now)
        #expect(Self.isRetry(outcome), "got \(outcome)")
    }

    @Test func receiverHangingPastTheTimeoutIsRetried() async throws {
        try await WebhookReceiver.run { receiver in
            receiver.reply(to: "a", .hang())
            let outcome = await Self.sender([WebhookConfig(url: receiver.url("a"), timeoutMilliseconds: 300)])
                .send(Self.message(), now: Self.now)
            #expect(Self.isRetry(outcome), "got \(outcome)")
            // Whether the request got through before the timeout depends on the machine's load: at most once.
            #expect(receiver.requests.count <= 1)
        }
    }

    @Test func basicAuthCredentialsArriveInTheAuthorizationHeader() async throws {
        try await WebhookReceiver.run { receiver in
            let http = HTTPClientConfig(basicAuth: (username: "alertbot", password: "pa:ss wörd", passwordFile: nil))
            let outcome = await Self.sender([WebhookConfig(url: receiver.url("a"), http: http)])
                .send(Self.message(), now: Self.now)
            #expect(outcome == .delivered)
            let expected = "Basic " + Data("alertbot:pa:ss wörd".utf8).base64EncodedString()
            #expect(receiver.requests.first?.values(of: "Authorization") == [expected])
        }
    }

    @Test func bearerCredentialsArriveInTheAuthorizationHeader() async throws {
        try await WebhookReceiver.run { receiver in
            let http = HTTPClientConfig(authorization: (type: "Bearer", credentials: "tok-123", credentialsFile: nil))
            let outcome = await Self.sender([WebhookConfig(url: receiver.url("a"), http: http)])
                .send(Self.message(), now: Self.now)
            #expect(outcome == .delivered)
            #expect(receiver.requests.first?.values(of: "Authorization") == ["Bearer tok-123"])
        }
    }

    @Test func credentialsFileIsReadAtEachAttempt() async throws {
        let directory = TestDirectory()
        let file = try directory.write("token", "first-token\n")
        try await WebhookReceiver.run { receiver in
            let http = HTTPClientConfig(authorization: (type: "Bearer", credentials: nil, credentialsFile: file))
            let sender = Self.sender([WebhookConfig(url: receiver.url("a"), http: http)])
            #expect(await sender.send(Self.message(), now: Self.now) == .delivered)
            try directory.write("token", "rotated-token")
            #expect(await sender.send(Self.message(), now: Self.now) == .delivered)
            #expect(
                receiver.requests.map { $0.values(of: "Authorization") } == [
                    ["Bearer first-token"], ["Bearer rotated-token"],
                ])
        }
    }

    @Test func oneMebibyteBodyIsDeliveredWithoutExpectContinue() async throws {
        try await WebhookReceiver.run { receiver in
            var body = Array(#"{"receiver":"hook","pad":""#.utf8)
            body += (0..<(1 << 20)).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            body += Array("\"}\n".utf8)
            let message = Self.message(body: body)
            let outcome = await Self.sender([WebhookConfig(url: receiver.url("a"))]).send(message, now: Self.now)
            #expect(outcome == .delivered)
            let request = try #require(receiver.requests.first)
            #expect(request.body.count == body.count)
            #expect(request.body == body)
            #expect(request.values(of: "Expect").isEmpty, "got Expect: \(request.values(of: "Expect"))")
        }
    }

    @Test func aWebhookNoLongerConfiguredFailsForGood() async throws {
        try await WebhookReceiver.run { receiver in
            var message = Self.message()
            message.integration = "webhook[1]"
            let outcome = await Self.sender([WebhookConfig(url: receiver.url("a"))]).send(message, now: Self.now)
            #expect(Self.isFailed(outcome), "got \(outcome)")
            let unknown = await Self.sender([WebhookConfig(url: receiver.url("a"))], receiver: "other")
                .send(Self.message(), now: Self.now)
            #expect(Self.isFailed(unknown), "got \(unknown)")
            #expect(receiver.requests.isEmpty)
        }
    }
}
