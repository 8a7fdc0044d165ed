import Foundation
import GRDB

/// One saved alert as stored: plain strings and numbers, because `Storage` knows nothing of the rule
/// engine's types (the daemon converts). Times are milliseconds since the epoch; labels and annotations
/// are name/value pairs in order; the value is kept as its bit pattern so NaN and ±Inf survive (SQLite
/// REAL cannot hold NaN).
public struct StoredAlert: Sendable, Equatable {
    public var rule: String
    public var labels: [[String]]
    public var annotations: [[String]]
    public var state: String
    public var value: Double
    public var activeAt: Int64
    public var firedAt: Int64?
    public var resolvedAt: Int64?
    public var keepFiringSince: Int64?
    public var savedAt: Int64

    public init(
        rule: String, labels: [[String]], annotations: [[String]], state: String, value: Double, activeAt: Int64,
        firedAt: Int64?, resolvedAt: Int64?, keepFiringSince: Int64?, savedAt: Int64
    ) {
        self.rule = rule
        self.labels = labels
        self.annotations = annotations
        self.state = state
        self.value = value
        self.activeAt = activeAt
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
        self.keepFiringSince = keepFiringSince
        self.savedAt = savedAt
    }

    public static func == (lhs: StoredAlert, rhs: StoredAlert) -> Bool {
        lhs.rule == rhs.rule && lhs.labels == rhs.labels && lhs.annotations == rhs.annotations
            && lhs.state == rhs.state && lhs.value.bitPattern == rhs.value.bitPattern && lhs.activeAt == rhs.activeAt
            && lhs.firedAt == rhs.firedAt && lhs.resolvedAt == rhs.resolvedAt
            && lhs.keepFiringSince == rhs.keepFiringSince && lhs.savedAt == rhs.savedAt
    }
}

/// The repository of every rule group's alerts, so pending timers, firing alerts and `keep_firing_for`
/// holds survive a restart. A group's alerts are replaced as a whole after each of its evaluations, in
/// one transaction: one write per group tick, however many alerts it holds.
public struct AlertStateStore: Sendable {
    private let database: VigilDatabase

    public init(database: VigilDatabase) {
        self.database = database
    }

    /// Replaces the alerts saved for `groupKey` with `alerts`.
    public func replaceAlerts(ofGroup groupKey: String, with alerts: [StoredAlert]) throws(StorageError) {
        let encoder = JSONEncoder()
        try database.write { db in
            try db.execute(sql: "DELETE FROM alert_state WHERE group_key = ?", arguments: [groupKey])
            try db.execute(sql: "DELETE FROM alert_group_saved WHERE group_key = ?", arguments: [groupKey])
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO alert_state (group_key, rule, labels, annotations, state, value, active_at, fired_at,
                        resolved_at, keep_firing_since, saved_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for alert in alerts {
                let labels = String(decoding: try encoder.encode(alert.labels), as: UTF8.self)
                let annotations = String(decoding: try encoder.encode(alert.annotations), as: UTF8.self)
                try insert.execute(arguments: [
                    groupKey, alert.rule, labels, annotations, alert.state, String(alert.value.bitPattern, radix: 16),
                    alert.activeAt, alert.firedAt, alert.resolvedAt, alert.keepFiringSince, alert.savedAt,
                ])
            }
        }
    }

    /// Applies one group evaluation's changes in one transaction: `upserts` replace the alerts with the
    /// same rule and labels, `removals` (rule, labels) are deleted, and the group's heartbeat records
    /// `savedAt`, the evaluation time up to which every alert of the group is known.
    public func applyChanges(
        ofGroup groupKey: String, upserts: [StoredAlert], removals: [(rule: String, labels: [[String]])],
        savedAt: Int64
    ) throws(StorageError) {
        let encoder = JSONEncoder()
        try database.write { db in
            if !upserts.isEmpty {
                let insert = try db.makeStatement(
                    sql: """
                        INSERT OR REPLACE INTO alert_state (group_key, rule, labels, annotations, state, value,
                            active_at, fired_at, resolved_at, keep_firing_since, saved_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for alert in upserts {
                    let labels = String(decoding: try encoder.encode(alert.labels), as: UTF8.self)
                    let annotations = String(decoding: try encoder.encode(alert.annotations), as: UTF8.self)
                    try insert.execute(arguments: [
                        groupKey, alert.rule, labels, annotations, alert.state,
                        String(alert.value.bitPattern, radix: 16), alert.activeAt, alert.firedAt, alert.resolvedAt,
                        alert.keepFiringSince, alert.savedAt,
                    ])
                }
            }
            if !removals.isEmpty {
                let delete = try db.makeStatement(
                    sql: "DELETE FROM alert_state WHERE group_key = ? AND rule = ? AND labels = ?")
                for removal in removals {
                    let labels = String(decoding: try encoder.encode(removal.labels), as: UTF8.self)
                    try delete.execute(arguments: [groupKey, removal.rule, labels])
                }
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO alert_group_saved (group_key, saved_at) VALUES (?, ?)",
                arguments: [groupKey, savedAt])
        }
    }

    /// Every saved alert, by group key, in the order saved.
    public func loadAlerts() throws(StorageError) -> [String: [StoredAlert]] {
        let decoder = JSONDecoder()
        return try database.read { db in
            var result: [String: [StoredAlert]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT a.*, max(a.saved_at, coalesce(g.saved_at, 0)) AS known_at FROM alert_state a
                    LEFT JOIN alert_group_saved g ON g.group_key = a.group_key ORDER BY a.rowid
                    """)
            while let row = try rows.next() {
                let labels: String = row["labels"]
                let annotations: String = row["annotations"]
                let bits: String = row["value"]
                guard let pattern = UInt64(bits, radix: 16) else {
                    throw StorageError.corrupt(
                        path: database.path,
                        reason: "alert_state holds a value that is not a 64-bit pattern: \"\(bits)\"")
                }
                let alert = StoredAlert(
                    rule: row["rule"], labels: try decoder.decode([[String]].self, from: Data(labels.utf8)),
                    annotations: try decoder.decode([[String]].self, from: Data(annotations.utf8)),
                    state: row["state"], value: Double(bitPattern: pattern),
                    activeAt: row["active_at"], firedAt: row["fired_at"], resolvedAt: row["resolved_at"],
                    keepFiringSince: row["keep_firing_since"], savedAt: row["known_at"])
                result[row["group_key"], default: []].append(alert)
            }
            return result
        }
    }

    /// Forgets the alerts of groups not in `keys` (groups removed from the rule files).
    public func removeGroups(notIn keys: Set<String>) throws(StorageError) {
        try database.write { db in
            let saved = try String.fetchAll(db, sql: "SELECT DISTINCT group_key FROM alert_state")
            for key in saved where !keys.contains(key) {
                try db.execute(sql: "DELETE FROM alert_state WHERE group_key = ?", arguments: [key])
                try db.execute(sql: "DELETE FROM alert_group_saved WHERE group_key = ?", arguments: [key])
            }
        }
    }
}
