/// The durable outbox the delivery worker reads and updates; declared here, implemented by
/// `Storage`. Messages of one receiver, integration and group are handed out oldest first and one at
/// a time, so a resolve never overtakes the firing notification before it.
public protocol OutboxStore: Sendable {
    /// Pending messages due at `now`: per receiver, integration and group only the oldest, and none
    /// of those in `busy` (ids in flight); at most `limit`.
    func due(at now: Int64, limit: Int, excluding busy: Set<String>) throws -> [OutboxMessage]
    /// The earliest `nextAttemptAt` among pending messages.
    func nextAttemptTime() throws -> Int64?
    func markDelivered(id: String, at time: Int64, attempts: Int) throws
    func reschedule(id: String, attempts: Int, nextAttemptAt: Int64, error: String) throws
    func markDead(id: String, at time: Int64, attempts: Int, error: String) throws
    /// Messages in `state` (all when nil), newest first, at most `limit`.
    func messages(state: OutboxState?, limit: Int) throws -> [OutboxMessage]
    /// Puts a dead (or delivered) message back in the queue for an attempt at `time`; false when
    /// there is no such message.
    func requeue(id: String, at time: Int64) throws -> Bool
    /// How many messages are pending.
    func pendingCount() throws -> Int
}
