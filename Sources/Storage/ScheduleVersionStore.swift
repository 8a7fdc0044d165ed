import Foundation
import GRDB

/// One schedule version as it was put in force: the program in Vigil's own JSON, when, and from
/// where (`file:<path>`, `api:<actor>`).
public struct ScheduleVersion: Sendable, Equatable {
    public var seq: Int64
    public var installedAt: Date
    public var origin: String
    public var body: [UInt8]

    public init(seq: Int64, installedAt: Date, origin: String, body: [UInt8]) {
        self.seq = seq
        self.installedAt = installedAt
        self.origin = origin
        self.body = body
    }
}

/// The last few schedule versions put in force, so an incident can roll back to the one before
/// the current one even after a restart, and its observation can diff the two.
public struct ScheduleVersionStore: Sendable {
    /// How many versions are kept: enough to roll back twice over, small enough not to matter
    /// (a year of the demo program is about a megabyte).
    public static let kept = 5

    private let database: VigilDatabase

    public init(database: VigilDatabase) {
        self.database = database
    }

    /// Records `body` as the version in force; a body equal to the latest stored one (a restart
    /// reading the same schedule) records nothing. Returns the version before it, if any.
    @discardableResult
    public func record(body: [UInt8], origin: String, at time: Date) throws(StorageError) -> ScheduleVersion? {
        try database.write { db in
            let latest = try Self.versions(db, limit: 2)
            if let newest = latest.first, newest.body == body {
                return latest.dropFirst().first
            }
            try db.execute(
                sql: "INSERT INTO schedule_version (installed_at, origin, body) VALUES (?, ?, ?)",
                arguments: [time.timeIntervalSince1970, origin, Data(body)])
            try db.execute(
                sql: """
                    DELETE FROM schedule_version WHERE seq NOT IN
                        (SELECT seq FROM schedule_version ORDER BY seq DESC LIMIT ?)
                    """, arguments: [Self.kept])
            return latest.first
        }
    }

    /// The stored versions, newest first.
    public func versions() throws(StorageError) -> [ScheduleVersion] {
        try database.read { db in try Self.versions(db, limit: Self.kept) }
    }

    static func versions(_ db: Database, limit: Int) throws -> [ScheduleVersion] {
        try Row.fetchAll(
            db, sql: "SELECT seq, installed_at, origin, body FROM schedule_version ORDER BY seq DESC LIMIT ?",
            arguments: [limit]
        ).map { row in
            ScheduleVersion(
                seq: row["seq"], installedAt: Date(timeIntervalSince1970: row["installed_at"]), origin: row["origin"],
                body: [UInt8](row["body"] as Data? ?? Data()))
        }
    }
}
