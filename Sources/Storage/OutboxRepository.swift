import Foundation
import GRDB
import Notify

/// The outbox in SQLite (``OutboxStore``): messages are handed out oldest first per receiver,
/// integration and group, and leave the `pending` state only when delivered or dead-lettered.
public struct OutboxRepository: OutboxStore {
    let database: VigilDatabase

    public init(database: VigilDatabase) {
        self.database = database
    }

    static func insert(_ messages: [OutboxMessage], in db: Database) throws {
        guard !messages.isEmpty else { return }
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO outbox (id, receiver, integration, group_key, body, status, alert_count, created_at,
                    first_fired_at, attempts, next_attempt_at, state, last_error, delivered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for message in messages {
            try statement.execute(arguments: [
                message.id, message.receiver, message.integration, message.groupKey, Data(message.body), message.status,
                message.alertCount, message.createdAt, message.firstFiredAt, message.attempts, message.nextAttemptAt,
                message.state.rawValue, message.lastError, message.deliveredAt,
            ])
        }
    }

    static func message(_ row: Row) -> OutboxMessage {
        OutboxMessage(
            id: row["id"], receiver: row["receiver"], integration: row["integration"], groupKey: row["group_key"],
            body: [UInt8](row["body"] as Data? ?? Data()), status: row["status"], alertCount: row["alert_count"],
            createdAt: row["created_at"], firstFiredAt: row["first_fired_at"], attempts: row["attempts"],
            nextAttemptAt: row["next_attempt_at"], state: OutboxState(rawValue: row["state"]) ?? .pending,
            lastError: row["last_error"], deliveredAt: row["delivered_at"])
    }

    /// Adds messages (outside a flush: tests, re-sends).
    public func enqueue(_ messages: [OutboxMessage]) throws {
        try database.write { db in try Self.insert(messages, in: db) }
    }

    public func due(at now: Int64, limit: Int, excluding busy: Set<String>) throws -> [OutboxMessage] {
        try database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.* FROM outbox o
                    JOIN (SELECT min(seq) AS seq FROM outbox WHERE state = 'pending'
                          GROUP BY receiver, integration, group_key) head ON head.seq = o.seq
                    WHERE o.next_attempt_at <= ?
                    ORDER BY o.next_attempt_at, o.seq
                    LIMIT ?
                    """, arguments: [now, limit + busy.count])
            return rows.map(Self.message).filter { !busy.contains($0.id) }.prefix(limit).map { $0 }
        }
    }

    public func nextAttemptTime() throws -> Int64? {
        try database.read { db in
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT min(o.next_attempt_at) FROM outbox o
                    JOIN (SELECT min(seq) AS seq FROM outbox WHERE state = 'pending'
                          GROUP BY receiver, integration, group_key) head ON head.seq = o.seq
                    """)
        }
    }

    public func record(_ outcomes: [OutboxOutcome]) throws {
        guard !outcomes.isEmpty else { return }
        try database.write { db in
            for outcome in outcomes {
                switch outcome {
                case .delivered(let id, let time, let attempts):
                    try db.execute(
                        sql: """
                            UPDATE outbox SET state = 'delivered', delivered_at = ?, attempts = ?, last_error = NULL
                            WHERE id = ?
                            """, arguments: [time, attempts, id])
                case .rescheduled(let id, let attempts, let nextAttemptAt, let error):
                    try db.execute(
                        sql: "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                        arguments: [attempts, nextAttemptAt, error, id])
                case .dead(let id, let time, let attempts, let error):
                    try db.execute(
                        sql: """
                            UPDATE outbox SET state = 'dead', attempts = ?, last_error = ?, next_attempt_at = ?
                            WHERE id = ?
                            """, arguments: [attempts, error, time, id])
                }
            }
        }
    }

    public func messages(state: OutboxState?, limit: Int) throws -> [OutboxMessage] {
        try database.read { db in
            if let state {
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM outbox WHERE state = ? ORDER BY seq DESC LIMIT ?",
                    arguments: [state.rawValue, limit]
                ).map(Self.message)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY seq DESC LIMIT ?", arguments: [limit])
                .map(Self.message)
        }
    }

    /// The messages of the groups `groupKeys` queued since `since` (ms), the newest `limit` of
    /// them, oldest first: what an incident's timeline records of its groups' notifications (older
    /// ones were recorded when they were new).
    public func messages(groupKeys: Set<String>, since: Int64, limit: Int = 1_000) throws -> [OutboxMessage] {
        guard !groupKeys.isEmpty else { return [] }
        return try database.read { db in
            let marks = Array(repeating: "?", count: groupKeys.count).joined(separator: ", ")
            var arguments = StatementArguments(groupKeys.sorted())
            arguments += [since, limit]
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox WHERE group_key IN (\(marks)) AND created_at >= ?
                    ORDER BY seq DESC LIMIT ?
                    """, arguments: arguments
            ).reversed().map(Self.message)
        }
    }

    public func requeue(id: String, at time: Int64) throws -> Bool {
        try database.write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'pending', next_attempt_at = ?, created_at = ?, delivered_at = NULL
                    WHERE id = ?
                    """, arguments: [time, time, id])
            return db.changesCount > 0
        }
    }

    public func pendingCount() throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE state = 'pending'") ?? 0
        }
    }

    /// Forgets delivered messages older than `time` (ms); dead letters stay until re-sent or removed.
    public func removeDelivered(before time: Int64) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM outbox WHERE state = 'delivered' AND delivered_at < ?", arguments: [time])
        }
    }
}
