import Foundation
import GRDB

/// One state change: who did what, when, and the facts needed to understand it later.
///
/// Coordinators answer "who silenced this?" and "when did the config change?" from this log, so
/// every state change in the daemon writes an entry.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64?
    public var at: Date
    /// A person (`--by NAME`), or the subsystem that acted: `daemon`, `sighup`, `api`.
    public var actor: String
    /// A stable verb, e.g. `config.reload`, `config.reload_failed`, `secrets.generated`.
    public var action: String
    /// Facts as a JSON object.
    public var details: [String: String]

    public init(id: Int64? = nil, at: Date, actor: String, action: String, details: [String: String] = [:]) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.details = details
    }
}

/// The repository of ``AuditEntry`` records: append-only, read newest first.
public struct AuditLog: Sendable {
    private let database: VigilDatabase

    public init(database: VigilDatabase) {
        self.database = database
    }

    /// Appends `entry` and returns its id.
    @discardableResult
    public func append(_ entry: AuditEntry) throws(StorageError) -> Int64 {
        let details = Self.encode(entry.details)
        return try database.write { db in
            try db.execute(
                sql: "INSERT INTO audit_log (at, actor, action, details) VALUES (?, ?, ?, ?)",
                arguments: [entry.at.timeIntervalSince1970, entry.actor, entry.action, details])
            return db.lastInsertedRowID
        }
    }

    /// The newest `limit` entries, newest first, optionally only those of one action.
    public func recent(limit: Int = 100, action: String? = nil) throws(StorageError) -> [AuditEntry] {
        try database.read { db in
            var sql = "SELECT id, at, actor, action, details FROM audit_log"
            var arguments: StatementArguments = []
            if let action {
                sql += " WHERE action = ?"
                arguments += [action]
            }
            sql += " ORDER BY at DESC, id DESC LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                AuditEntry(
                    id: row["id"], at: Date(timeIntervalSince1970: row["at"]), actor: row["actor"],
                    action: row["action"], details: Self.decode(row["details"]))
            }
        }
    }

    /// The number of entries.
    public func count() throws(StorageError) -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0 }
    }

    private static func encode(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(details) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
