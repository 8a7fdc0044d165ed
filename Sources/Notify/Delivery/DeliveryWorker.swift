import Foundation
import Logging
import Synchronization
import VigilCore

/// Delivers the outbox: takes due messages, sends each through its integration's sender, and records
/// the outcome (delivered; retried later with backoff; dead-lettered when too old or refused for
/// good). At most ``perReceiverLimit`` deliveries per receiver and ``totalLimit`` overall run at once,
/// so a slow or dead gateway never delays another receiver.
///
/// The outbox is the only state: a crash at any moment loses nothing, and a message whose delivery
/// was under way is sent again after a restart (at-least-once, under the same delivery id).
public actor DeliveryWorker {
    private let store: any OutboxStore
    private let senders: [String: any MessageSender]
    private let clock: any VigilClock
    private let logger: Logger
    private let policy: RetryPolicy
    private let metrics: (any DeliveryMetrics)?
    public let perReceiverLimit: Int
    public let totalLimit: Int
    private let random: @Sendable () -> Double
    private let wake = WakeSignal()
    private var inFlight: [String: String] = [:]
    private var running: [String: Task<Void, Never>] = [:]

    public init(
        store: any OutboxStore, senders: [String: any MessageSender], clock: any VigilClock, logger: Logger,
        policy: RetryPolicy = RetryPolicy(), metrics: (any DeliveryMetrics)? = nil, perReceiverLimit: Int = 4,
        totalLimit: Int = 32, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.store = store
        self.senders = senders
        self.clock = clock
        self.logger = logger
        self.policy = policy
        self.metrics = metrics
        self.perReceiverLimit = max(1, perReceiverLimit)
        self.totalLimit = max(1, totalLimit)
        self.random = random
    }

    /// New messages are in the outbox: look now rather than at the next planned time.
    public nonisolated func poke() {
        wake.signal()
    }

    /// Delivers until cancelled; deliveries under way finish (or are cancelled) before it returns.
    public func run() async {
        while !Task.isCancelled {
            let next = startDue()
            let deadline = next.map { Date(unixMilliseconds: $0) }
            await wake.wait(until: deadline ?? clock.now().addingTimeInterval(60), clock: clock)
        }
        let tasks = Array(running.values)
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    /// How many deliveries are under way.
    public var inFlightCount: Int { inFlight.count }

    /// Starts every due message there is room for; returns when to look again (ms).
    func startDue() -> Int64? {
        let now = clock.now().unixMilliseconds
        let room = totalLimit - inFlight.count
        if room > 0 {
            let due: [OutboxMessage]
            do {
                due = try store.due(at: now, limit: room * 4, excluding: Set(inFlight.keys))
            } catch {
                logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
                return now + 5_000
            }
            var perReceiver: [String: Int] = [:]
            for receiver in inFlight.values { perReceiver[receiver, default: 0] += 1 }
            for message in due where inFlight.count < totalLimit {
                guard perReceiver[message.receiver, default: 0] < perReceiverLimit else { continue }
                perReceiver[message.receiver, default: 0] += 1
                start(message)
            }
        }
        do {
            return try store.nextAttemptTime().map { max($0, now + 1) }
        } catch {
            return now + 5_000
        }
    }

    private func start(_ message: OutboxMessage) {
        inFlight[message.id] = message.receiver
        let sender = senders[message.kind]
        running[message.id] = Task {
            let started = clock.now().unixMilliseconds
            let outcome =
                await sender?.send(message, now: started)
                ?? .failed("no sender for integration \"\(message.integration)\"")
            self.finish(message, outcome: outcome)
        }
    }

    private func finish(_ message: OutboxMessage, outcome: DeliveryOutcome) {
        inFlight[message.id] = nil
        running[message.id] = nil
        let now = clock.now().unixMilliseconds
        let attempts = message.attempts + 1
        do {
            switch outcome {
            case .delivered:
                try store.markDelivered(id: message.id, at: now, attempts: attempts)
                metrics?.delivered(message, at: now)
            case .retry(let error, let retryAfter):
                if policy.isExpired(createdAt: message.createdAt, now: now) {
                    try store.markDead(id: message.id, at: now, attempts: attempts, error: error)
                    metrics?.deadLettered(message, error: error)
                    logger.error(
                        "notification dead-lettered: the gateway kept failing",
                        metadata: ["id": "\(message.id)", "receiver": "\(message.receiver)", "error": "\(error)"])
                } else {
                    let delay = policy.delay(afterAttempt: attempts, retryAfter: retryAfter, unit: random())
                    try store.reschedule(id: message.id, attempts: attempts, nextAttemptAt: now + delay, error: error)
                    metrics?.failedAttempt(message, error: error)
                    logger.warning(
                        "notification delivery failed; will retry",
                        metadata: [
                            "id": "\(message.id)", "receiver": "\(message.receiver)",
                            "integration": "\(message.integration)", "error": "\(error)", "retry_in_ms": "\(delay)",
                        ])
                }
            case .failed(let error):
                try store.markDead(id: message.id, at: now, attempts: attempts, error: error)
                metrics?.deadLettered(message, error: error)
                logger.error(
                    "notification dead-lettered: the gateway refused it",
                    metadata: ["id": "\(message.id)", "receiver": "\(message.receiver)", "error": "\(error)"])
            }
        } catch {
            logger.error(
                "cannot record a delivery outcome; the message will be sent again",
                metadata: ["id": "\(message.id)", "error": "\(error)"])
        }
        wake.signal()
    }
}

/// What the worker reports to `/metrics`, implemented by the daemon.
public protocol DeliveryMetrics: Sendable {
    func delivered(_ message: OutboxMessage, at time: Int64)
    func failedAttempt(_ message: OutboxMessage, error: String)
    func deadLettered(_ message: OutboxMessage, error: String)
}
