import Foundation
import GRDB

/// A schedule pushed over the API, kept so a restart goes on serving it.
///
/// The body is stored as received (the daemon validates it again when it reads it back, so a
/// newer Vigil with stricter checks never trusts an old snapshot blindly). The schedule file's
/// path and identity at push time let the daemon tell, after a restart, whether the file changed
/// since the push and therefore supersedes it.
public struct ScheduleSnapshot: Sendable, Equatable {
    public var body: [UInt8]
    public var pushedAt: Date
    /// Who pushed it (`api`).
    public var actor: String
    /// The configured schedule file when the snapshot was pushed.
    public var filePath: String
    /// That file's identity (inode, size, modification time) at push time; nil when it was absent.
    public var fileStamp: String?

    public init(body: [UInt8], pushedAt: Date, actor: String, filePath: String, fileStamp: String?) {
        self.body = body
        self.pushedAt = pushedAt
        self.actor = actor
        self.filePath = filePath
        self.fileStamp = fileStamp
    }
}

/// The repository of the one ``ScheduleSnapshot`` in force: saving replaces it, clearing drops it
/// (when the schedule file supersedes the push).
public struct ScheduleSnapshotStore: Sendable {
    private let database: VigilDatabase

    public init(database: VigilDatabase) {
        self.database = database
    }

    /// Stores `snapshot` in place of any earlier one.
    public func save(_ snapshot: ScheduleSnapshot) throws(StorageError) {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO schedule_snapshot (id, pushed_at, actor, body, file_path, file_stamp)
                    VALUES (1, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    snapshot.pushedAt.timeIntervalSince1970, snapshot.actor, Data(snapshot.body), snapshot.filePath,
                    snapshot.fileStamp,
                ])
        }
    }

    /// The snapshot in force, if any.
    public func latest() throws(StorageError) -> ScheduleSnapshot? {
        try database.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT pushed_at, actor, body, file_path, file_stamp FROM schedule_snapshot WHERE id = 1")
            else { return nil }
            let body: Data = row["body"]
            return ScheduleSnapshot(
                body: Array(body), pushedAt: Date(timeIntervalSince1970: row["pushed_at"]), actor: row["actor"],
                filePath: row["file_path"], fileStamp: row["file_stamp"])
        }
    }

    /// Drops the stored snapshot (the schedule file superseded it).
    public func clear() throws(StorageError) {
        try database.write { db in try db.execute(sql: "DELETE FROM schedule_snapshot") }
    }
}
