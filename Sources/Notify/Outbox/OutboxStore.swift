/// The durable outbox the delivery worker reads and updates; declared here, implemented by
/// `Storage`. Messages of one receiver, integration and group are handed out oldest first and one at
/// a time, so a resolve never overtakes the firing notification before it.
public protocol OutboxStore: Sendable {
    /// Pending messages due at `now`: per receiver, integration and group only the oldest, and none
    /// of those in `busy` (ids in flight); at most `limit`.
    func due(at now: Int64, limit: Int, excluding busy: Set<String>) throws -> [OutboxMessage]
    /// The earliest `nextAttemptAt` among pending messages.
    func nextAttemptTime() throws -> Int64?
    /// Records what became of delivery attempts, all in one transaction (the worker batches them:
    /// one write per message would make the database the limit on delivery throughput).
    func record(_ outcomes: [OutboxOutcome]) throws
    /// Messages in `state` (all when nil), newest first, at most `limit`.
    func messages(state: OutboxState?, limit: Int) throws -> [OutboxMessage]
    /// Puts a dead (or delivered) message back in the queue for an attempt at `time`; false when
    /// there is no such message.
    func requeue(id: String, at time: Int64) throws -> Bool
    /// How many messages are pending.
    func pendingCount() throws -> Int
}

/// What became of one delivery attempt, as the outbox records it.
public enum OutboxOutcome: Sendable, Equatable {
    /// The gateway accepted the message: it leaves the queue.
    case delivered(id: String, at: Int64, attempts: Int)
    /// It failed and will be tried again at `nextAttemptAt` (ms).
    case rescheduled(id: String, attempts: Int, nextAttemptAt: Int64, error: String)
    /// Refused for good, or too old: it stays as a dead letter until re-sent by hand.
    case dead(id: String, at: Int64, attempts: Int, error: String)
}
