import Alerting
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import VigilCore

/// `POST /api/v1/acks`: acknowledgements from chat and pager integrations, authenticated by an
/// HMAC-SHA256 signature (`X-Vigil-Signature: sha256=<hex>` over `"<X-Vigil-Timestamp>.<raw body>"`,
/// keyed by the webhook secret) instead of the API token. A bad or missing signature, a timestamp
/// more than 300 s from now and a replayed request id are 401 with a JSON error and change nothing;
/// an unknown alert or group is 404; acknowledging twice is 200. A source that keeps failing the
/// signature is answered 429 for a minute: signed requests cannot be forged, guesses can be throttled.
/// Verified requests are taken through an ``AckCommitQueue``, so a burst shares its commits.
struct SignedAckRoute {
    let settings: AlertmanagerAPISettings
    let clock: any VigilClock
    let failures = FailureLimiter(limit: 10, window: 60_000)
    let queue: AckCommitQueue

    init(settings: AlertmanagerAPISettings, clock: any VigilClock) {
        self.settings = settings
        self.clock = clock
        queue = AckCommitQueue(pipeline: settings.pipeline, ledger: settings.ackRequests)
    }

    func register(on router: Router<VigilRequestContext>) {
        router.post("/api/v1/acks") { request, context in
            try await handle(request, context: context)
        }
    }

    private func handle(_ request: Request, context: VigilRequestContext) async throws -> Response {
        let source = context.remoteAddress?.ipAddress ?? ""
        let now = clock.now().unixMilliseconds
        if failures.isBlocked(source, now: now) {
            throw APIError(
                .tooManyRequests, type: "too_many_requests",
                "too many unauthenticated acknowledgements from \(source); wait a minute",
                headers: [.retryAfter: "60"])
        }
        var request = request
        let body = Array(buffer: try await request.collectBody(upTo: context.maxUploadSize))
        let ack: SignedAck
        do {
            ack = try SignedAck.verify(
                body: body, timestamp: request.headers[values: .vigilTimestamp].first,
                signature: request.headers[values: .vigilSignature].first, secret: settings.webhookSecret, now: now)
        } catch {
            guard error.isAuthentication else { throw APIError(.badRequest, type: "bad_data", error.description) }
            failures.record(source, now: now)
            throw APIError(.unauthorized, type: "unauthorized", error.description)
        }
        let command = AckCommand(
            action: ack.action, target: ack.target, by: ack.by, via: "webhook", source: source, now: now)
        switch await queue.submit(id: ack.id, command) {
        case .success(let records):
            return AckRoutes.answer(ack.action, records)
        case .failure(.replayed):
            failures.record(source, now: now)
            throw APIError(.unauthorized, type: "unauthorized", SignedAck.Refusal.replayed.description)
        case .failure(.refused(.notFound(let message))):
            throw APIError(.notFound, type: "not_found", message)
        case .failure(.refused(.storage(let message))):
            throw APIError(.internalServerError, type: "internal", message)
        }
    }
}

extension HTTPField.Name {
    static let vigilTimestamp = Self("X-Vigil-Timestamp")!
    static let vigilSignature = Self("X-Vigil-Signature")!
}

/// Counts failed authentications per source address in a sliding window; a source over the limit
/// is refused until its oldest failure leaves the window.
final class FailureLimiter: Sendable {
    let limit: Int
    /// ms.
    let window: Int64
    private let failures = Mutex<[String: [Int64]]>([:])

    init(limit: Int, window: Int64) {
        self.limit = limit
        self.window = window
    }

    func isBlocked(_ source: String, now: Int64) -> Bool {
        failures.withLock { all in
            let recent = (all[source] ?? []).filter { $0 > now - window }
            all[source] = recent.isEmpty ? nil : recent
            return recent.count >= limit
        }
    }

    func record(_ source: String, now: Int64) {
        failures.withLock { all in
            all[source, default: []].append(now)
            if all.count > 10_000 { all = all.filter { $0.value.contains { $0 > now - window } } }
        }
    }
}
