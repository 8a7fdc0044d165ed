import Alerting
import GRDB

/// The ``AckRequestLedger`` in SQLite: one row per signed acknowledgement's request id.
public struct AckRequestStore: AckRequestLedger {
    let database: VigilDatabase

    public init(database: VigilDatabase) {
        self.database = database
    }

    public func claim(id: String, now: Int64) throws -> Bool {
        try database.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO ack_request (id, seen_at) VALUES (?, ?)", arguments: [id, now])
            return db.changesCount == 1
        }
    }

    public func claim(ids: [String], now: Int64) throws -> [Bool] {
        try database.write { db in
            try ids.map { id in
                try db.execute(
                    sql: "INSERT OR IGNORE INTO ack_request (id, seen_at) VALUES (?, ?)", arguments: [id, now])
                return db.changesCount == 1
            }
        }
    }

    public func release(ids: [String]) throws {
        try database.write { db in
            for id in ids { try db.execute(sql: "DELETE FROM ack_request WHERE id = ?", arguments: [id]) }
        }
    }

    public func forget(before cutoff: Int64) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM ack_request WHERE seen_at < ?", arguments: [cutoff])
        }
    }
}
