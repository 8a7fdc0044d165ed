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
    private var schedule = OutboxSchedule()
    /// Messages handed over by ``deliver(_:)``, taken into the schedule at the next look.
    private let inbox = Mutex<[OutboxMessage]>([])
    /// Set by ``poke()``: the outbox changed behind the worker's back; read it again.
    private let reload = Mutex(true)

    public init(
        store: any OutboxStore, senders: [String: any MessageSender], clock: any VigilClock, logger: Logger,
        policy: RetryPolicy = RetryPolicy(), metrics: (any DeliveryMetrics)? = nil, perReceiverLimit: Int = 8,
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

    /// The outbox changed (a message re-queued, or written by someone else): read it again and look
    /// now rather than at the next planned time.
    public nonisolated func poke() {
        reload.withLock { $0 = true }
        wake.signal()
    }

    /// Messages just committed to the outbox: schedule them without reading the outbox again.
    public nonisolated func deliver(_ messages: [OutboxMessage]) {
        inbox.withLock { $0 += messages }
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
        if reload.withLock({ flag in
            defer { flag = false }
            return flag
        }) {
            do {
                var fresh = OutboxSchedule()
                let pending = try store.messages(state: .pending, limit: Int.max).reversed()
                fresh.add(pending.filter { inFlight[$0.id] == nil }, now: now)
                schedule = fresh
                inbox.withLock { $0.removeAll() }
            } catch {
                logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
                reload.withLock { $0 = true }
                return now + 5_000
            }
        }
        let arrived = inbox.withLock { messages in
            defer { messages.removeAll() }
            return messages
        }
        if !arrived.isEmpty { schedule.add(arrived, now: now) }
        var perReceiver: [String: Int] = [:]
        for receiver in inFlight.values { perReceiver[receiver, default: 0] += 1 }
        let room = totalLimit - inFlight.count
        if room > 0 {
            let limit = perReceiverLimit
            let due = schedule.takeDue(now: now, limit: room) { receiver in limit - perReceiver[receiver, default: 0] }
            for message in due where inFlight[message.id] == nil { start(message) }
        }
        if schedule.hasReady { return nil }
        return schedule.nextTime.map { max($0, now + 1) }
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
                schedule.finish(message, now: now)
                metrics?.delivered(message, at: now)
            case .retry(let error, let retryAfter):
                if policy.isExpired(createdAt: message.createdAt, now: now) {
                    try store.markDead(id: message.id, at: now, attempts: attempts, error: error)
                    schedule.finish(message, now: now)
                    metrics?.deadLettered(message, error: error)
                    logger.error(
                        "notification dead-lettered: the gateway kept failing",
                        metadata: ["id": "\(message.id)", "receiver": "\(message.receiver)", "error": "\(error)"])
                } else {
                    let delay = policy.delay(afterAttempt: attempts, retryAfter: retryAfter, unit: random())
                    try store.reschedule(id: message.id, attempts: attempts, nextAttemptAt: now + delay, error: error)
                    schedule.retry(message, attempts: attempts, at: now + delay, error: error, now: now)
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
                schedule.finish(message, now: now)
                metrics?.deadLettered(message, error: error)
                logger.error(
                    "notification dead-lettered: the gateway refused it",
                    metadata: ["id": "\(message.id)", "receiver": "\(message.receiver)", "error": "\(error)"])
            }
        } catch {
            logger.error(
                "cannot record a delivery outcome; the message will be sent again",
                metadata: ["id": "\(message.id)", "error": "\(error)"])
            reload.withLock { $0 = true }
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
