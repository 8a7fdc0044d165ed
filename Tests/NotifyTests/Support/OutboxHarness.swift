import Foundation
import Logging
import Notify
import Storage
import TestSupport
import Transport
import VigilCore

/// What the delivery worker reports, recorded in order: the worker's own `/metrics` seam, used to
/// know when an outcome has been written to the outbox.
final class DeliveryRecorder: DeliveryMetrics {
    enum Event: Sendable, Equatable {
        case delivered(String)
        case failed(String, error: String)
        case dead(String, error: String)

        var id: String {
            switch self {
            case .delivered(let id), .failed(let id, _), .dead(let id, _): id
            }
        }
    }

    let events = EventLog<Event>()

    func delivered(_ message: OutboxMessage, at time: Int64) {
        events.append(.delivered(message.id))
    }

    func failedAttempt(_ message: OutboxMessage, error: String) {
        events.append(.failed(message.id, error: error))
    }

    func deadLettered(_ message: OutboxMessage, error: String) {
        events.append(.dead(message.id, error: error))
    }

    /// The events once `count` of them concern message `id`.
    func wait(for id: String, count: Int = 1) async -> [Event]? {
        await events.wait { $0.filter { $0.id == id }.count >= count }
    }

    /// The events once message `id` was delivered.
    func waitUntilDelivered(_ id: String) async -> [Event]? {
        await events.wait { $0.contains(.delivered(id)) }
    }
}

/// A real SQLite outbox in a temporary directory, a manual clock and a delivery worker running on
/// them until the test is done.
struct OutboxHarness: Sendable {
    static let secret = Array("outbox-secret".utf8)

    let directory: TestDirectory
    let database: VigilDatabase
    let outbox: OutboxRepository
    let alerting: AlertingStore
    let clock: ManualClock
    let recorder = DeliveryRecorder()

    init() throws {
        directory = TestDirectory()
        database = try VigilDatabase(path: directory.file("vigil.db"))
        outbox = OutboxRepository(database: database)
        alerting = AlertingStore(database: database)
        clock = ManualClock()
    }

    /// Now on the manual clock (ms).
    var now: Int64 { clock.now().unixMilliseconds }

    /// The local notifications file.
    var notificationsFile: String { directory.file("var/notifications.jsonl") }

    /// The stored message `id` (any state).
    func stored(_ id: String) throws -> OutboxMessage? {
        try outbox.messages(state: nil, limit: 1_000).first { $0.id == id }
    }

    /// Runs a worker delivering webhooks per `receivers` and files to ``notificationsFile`` for the
    /// duration of `body`, then stops it.
    func withWorker<T: Sendable>(
        receivers: [ReceiverConfig], policy: RetryPolicy = RetryPolicy(), perReceiverLimit: Int = 4,
        totalLimit: Int = 32, _ body: @Sendable (DeliveryWorker) async throws -> T
    ) async throws -> T {
        let directory = ReceiverDirectory(receivers)
        var logger = Logger(label: "delivery-worker")
        logger.logLevel = .critical
        let worker = DeliveryWorker(
            store: outbox,
            senders: [
                "webhook": WebhookSender(
                    directory: directory, transport: CurlTransport(), secret: Self.secret, userAgent: "Vigil/test"),
                "file": FileSender(path: notificationsFile),
            ],
            clock: clock, logger: logger, policy: policy, metrics: recorder, perReceiverLimit: perReceiverLimit,
            totalLimit: totalLimit, random: { 0 })
        let running = Task { await worker.run() }
        do {
            let result = try await body(worker)
            running.cancel()
            await running.value
            return result
        } catch {
            running.cancel()
            await running.value
            throw error
        }
    }
}
