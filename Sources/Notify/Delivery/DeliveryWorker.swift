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
/// Outcomes are written in batches, one transaction per look, always before anything new starts, so
/// the database is not the limit on throughput and no message of a group is sent before the outcome
/// of the one before it is on disk.
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
    /// Outcomes decided but not yet written; written before the next message starts.
    private var unrecorded: [(outcome: OutboxOutcome, message: OutboxMessage)] = []
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
        recordOutcomes()
    }

    /// How many deliveries are under way.
    public var inFlightCount: Int { inFlight.count }

    /// Starts every due message there is room for; returns when to look again (ms).
    func startDue() -> Int64? {
        recordOutcomes()
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
                // Only what the read saw leaves the inbox: a message committed after the read and
                // handed over before this line must still be scheduled below, not dropped.
                let read = Set(pending.map(\.id))
                inbox.withLock { $0.removeAll { read.contains($0.id) } }
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
        switch outcome {
        case .delivered:
            unrecorded.append((.delivered(id: message.id, at: now, attempts: attempts), message))
            schedule.finish(message, now: now)
        case .retry(let error, let retryAfter):
            if policy.isExpired(createdAt: message.createdAt, now: now) {
                unrecorded.append((.dead(id: message.id, at: now, attempts: attempts, error: error), message))
                schedule.finish(message, now: now)
                logger.error(
                    "notification dead-lettered: the gateway kept failing",
                    metadata: ["id": "\(message.id)", "receiver": "\(message.receiver)", "error": "\(error)"])
            } else {
                let delay = policy.delay(afterAttempt: attempts, retryAfter: retryAfter, unit: random())
                let next = now + delay
                unrecorded.append(
                    (.rescheduled(id: message.id, attempts: attempts, nextAttemptAt: next, error: error), message))
                schedule.retry(message, attempts: attempts, at: now + delay, error: error, now: now)
                logger.warning(
                    "notification delivery failed; will retry",
                    metadata: [
                        "id": "\(message.id)", "receiver": "\(message.receiver)",
                        "integration": "\(message.integration)", "error": "\(error)", "retry_in_ms": "\(delay)",
                    ])
            }
        case .failed(let error):
            unrecorded.append((.dead(id: message.id, at: now, attempts: attempts, error: error), message))
            schedule.finish(message, now: now)
            logger.error(
                "notification dead-lettered: the gateway refused it",
                metadata: ["id": "\(message.id)", "receiver": "\(message.receiver)", "error": "\(error)"])
        }
        wake.signal()
    }

    /// Writes the outcomes decided since the last look, in one transaction, then reports them to the
    /// metrics (which so count only what is on disk). If the write fails the outbox still says
    /// "pending" for them: the worker reads it again and sends them again (at-least-once).
    private func recordOutcomes() {
        guard !unrecorded.isEmpty else { return }
        let outcomes = unrecorded
        unrecorded.removeAll(keepingCapacity: true)
        do {
            try store.record(outcomes.map(\.outcome))
            for (outcome, message) in outcomes {
                switch outcome {
                case .delivered(_, let time, _): metrics?.delivered(message, at: time)
                case .rescheduled(_, _, _, let error): metrics?.failedAttempt(message, error: error)
                case .dead(_, _, _, let error): metrics?.deadLettered(message, error: error)
                }
            }
        } catch {
            logger.error(
                "cannot record delivery outcomes; those messages will be sent again",
                metadata: ["count": "\(outcomes.count)", "error": "\(error)"])
            reload.withLock { $0 = true }
        }
    }
}

/// What the worker reports to `/metrics`, implemented by the daemon.
public protocol DeliveryMetrics: Sendable {
    func delivered(_ message: OutboxMessage, at time: Int64)
    func failedAttempt(_ message: OutboxMessage, error: String)
    func deadLettered(_ message: OutboxMessage, error: String)
}
