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
struct SignedAckRoute {
    let settings: AlertmanagerAPISettings
    let clock: any VigilClock
    let failures = FailureLimiter(limit: 10, window: 60_000)
    /// Ids seen, when there is no ledger (tests without a database).
    let seen = SeenIDs()

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
            guard try claim(ack.id, now: now) else { throw SignedAck.Refusal.replayed }
        } catch let refusal as SignedAck.Refusal {
            guard refusal.isAuthentication else { throw APIError(.badRequest, type: "bad_data", refusal.description) }
            failures.record(source, now: now)
            throw APIError(.unauthorized, type: "unauthorized", refusal.description)
        }
        let records: [AckRecord]
        do {
            records = try await settings.pipeline.acknowledge(
                ack.action, target: ack.target, by: ack.by, via: "webhook", source: source, now: now)
        } catch {
            switch error {
            case .notFound(let message): throw APIError(.notFound, type: "not_found", message)
            case .storage(let message): throw APIError(.internalServerError, type: "internal", message)
            }
        }
        return AckRoutes.answer(ack.action, records)
    }

    /// Whether `id` is new (and now remembered).
    private func claim(_ id: String, now: Int64) throws -> Bool {
        if let ledger = settings.ackRequests {
            if Int.random(in: 0..<1024) == 0 { try? ledger.forget(before: now - 24 * 3_600_000) }
            return try ledger.claim(id: id, now: now)
        }
        return seen.insert(id)
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

/// Request ids remembered in memory.
final class SeenIDs: Sendable {
    private let ids = Mutex<Set<String>>([])

    func insert(_ id: String) -> Bool {
        ids.withLock { $0.insert(id).inserted }
    }
}
