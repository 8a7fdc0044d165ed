import Foundation
import GRDB

/// What `vigil admin check` reports about a database file, read-only: SQLite's integrity check,
/// the schema version against the one this build knows, the file sizes and the rows per table
/// (the outbox by state), so an operator can tell a healthy file from one to restore.
public struct DatabaseCheck: Sendable, Equatable {
    public var path: String
    /// `["ok"]`, or SQLite's list of problems.
    public var integrity: [String]
    public var appliedMigrations: [String]
    /// Applied but unknown to this build: the file is from a newer Vigil.
    public var unknownMigrations: [String]
    /// Known but not applied: an older file, migrated forward when the daemon opens it.
    public var pendingMigrations: [String]
    public var fileBytes: Int64
    public var walBytes: Int64
    /// Rows per table, by table name.
    public var rows: [String: Int]
    /// Outbox rows per state (`pending`, `delivered`, `dead`).
    public var outbox: [String: Int]

    public var isHealthy: Bool { integrity == ["ok"] && unknownMigrations.isEmpty }

    /// Inspects the database at `path` without writing to it.
    public static func inspect(_ path: String) throws(StorageError) -> DatabaseCheck {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        let queue = try openReadOnly(path)
        defer { try? queue.close() }
        do {
            return try queue.read { db -> DatabaseCheck in
                guard try db.tableExists("grdb_migrations") else { throw StorageError.notVigil(path: path) }
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let known = VigilDatabase.knownMigrations
                let tables = try String.fetchAll(
                    db,
                    sql: """
                        SELECT name FROM sqlite_master WHERE type = 'table'
                        AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY name
                        """)
                var rows: [String: Int] = [:]
                for table in tables {
                    rows[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)")
                }
                var outbox: [String: Int] = [:]
                if tables.contains("outbox") {
                    for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM outbox GROUP BY state") {
                        outbox[row["state"]] = row["n"]
                    }
                }
                return DatabaseCheck(
                    path: path, integrity: integrity, appliedMigrations: applied,
                    unknownMigrations: applied.filter { !known.contains($0) },
                    pendingMigrations: known.filter { !applied.contains($0) },
                    fileBytes: size(path), walBytes: size(path + "-wal"), rows: rows, outbox: outbox)
            }
        } catch {
            throw VigilDatabase.classify(error, path: path)
        }
    }

    /// A connection that cannot write: checking or copying a file never changes it.
    static func openReadOnly(_ path: String) throws(StorageError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw VigilDatabase.classify(error, path: path)
        }
    }

    private static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// The report `vigil admin check` prints.
    public var text: String {
        var lines = [
            "database:   \(path)",
            "integrity:  \(integrity.joined(separator: "; "))",
            "schema:     \(appliedMigrations.last ?? "none") (\(appliedMigrations.count) of \(VigilDatabase.knownMigrations.count) migrations this build knows)",
        ]
        if !unknownMigrations.isEmpty {
            lines.append("            written by a newer Vigil: \(unknownMigrations.joined(separator: ", "))")
        }
        if !pendingMigrations.isEmpty {
            lines.append("            older; migrated at the next start: \(pendingMigrations.joined(separator: ", "))")
        }
        lines.append("size:       \(fileBytes) bytes (+ \(walBytes) bytes of write-ahead log)")
        let states = ["pending", "delivered", "dead"].map { "\(outbox[$0] ?? 0) \($0)" }.joined(separator: ", ")
        lines.append("outbox:     \(states)")
        lines.append(
            "alerts:     \(rows["pipeline_alert"] ?? 0) received, \(rows["alert_state"] ?? 0) rule alert states")
        lines.append("silences:   \(rows["silence"] ?? 0)")
        lines.append("audit log:  \(rows["audit_log"] ?? 0) entries")
        return lines.joined(separator: "\n")
    }
}
