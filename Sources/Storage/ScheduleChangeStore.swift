import Foundation
import GRDB

/// The history of schedule changes (when, how many slots, from where), so the churn of the last
/// 7 days survives a restart and the phase-transition risk does not forget a rewrite.
public struct ScheduleChangeStore: Sendable {
    /// How long a change is kept: the risk looks back 7 days; a month leaves room for reports.
    public static let retention: TimeInterval = 30 * 86_400

    private let database: VigilDatabase

    public init(database: VigilDatabase) {
        self.database = database
    }

    /// Records that a new schedule version changed `slots` slots at `at`, and prunes rows older than
    /// ``retention``.
    public func record(slots: Int, source: String, at: Date) throws(StorageError) {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO schedule_change (at, slots_changed, source) VALUES (?, ?, ?)",
                arguments: [at.timeIntervalSince1970, max(0, slots), source])
            try db.execute(
                sql: "DELETE FROM schedule_change WHERE at < ?",
                arguments: [at.timeIntervalSince1970 - Self.retention])
        }
    }

    /// Slots changed from `since` (inclusive) on.
    public func slotsChanged(since: Date) throws(StorageError) -> Int {
        try database.read { db in
            try Int.fetchOne(
                db, sql: "SELECT coalesce(sum(slots_changed), 0) FROM schedule_change WHERE at >= ?",
                arguments: [since.timeIntervalSince1970]) ?? 0
        }
    }
}
