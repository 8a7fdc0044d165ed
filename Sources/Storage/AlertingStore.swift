import Alerting
import Foundation
import GRDB
import Notify
import Rules
import TimeSeries
import VigilCore

/// The alerting pipeline's durable state in SQLite: alerts posted to the API, silences and the
/// notification log (``AlertingStateStore``), and the recording of a flush's decisions — log entries
/// and outbox messages in one transaction.
public struct AlertingStore: AlertingStateStore {
    let database: VigilDatabase

    public init(database: VigilDatabase) {
        self.database = database
    }

    // MARK: Alerts

    public func loadAlerts() throws -> [PipelineAlert] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM pipeline_alert").map { row in
                PipelineAlert(
                    labels: try LabelCoding.decode(row["labels"]),
                    annotations: try LabelCoding.decode(row["annotations"]),
                    startsAt: row["starts_at"], endsAt: row["ends_at"], generatorURL: row["generator_url"],
                    updatedAt: row["updated_at"], timeout: row["timeout"])
            }
        }
    }

    public func saveAlerts(_ alerts: [PipelineAlert], removing removed: [AlertFingerprint]) throws {
        try database.write { db in
            let insert = try db.makeStatement(
                sql: """
                    INSERT OR REPLACE INTO pipeline_alert
                        (fingerprint, labels, annotations, starts_at, ends_at, generator_url, updated_at, timeout)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for alert in alerts {
                try insert.execute(arguments: [
                    alert.fingerprint.description, LabelCoding.encode(alert.labels),
                    LabelCoding.encode(alert.annotations),
                    alert.startsAt, alert.endsAt, alert.generatorURL, alert.updatedAt, alert.timeout,
                ])
            }
            for fingerprint in removed {
                try db.execute(
                    sql: "DELETE FROM pipeline_alert WHERE fingerprint = ?", arguments: [fingerprint.description])
            }
        }
    }

    // MARK: Silences

    public func loadSilences() throws -> [Silence] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM silence").map { row in
                Silence(
                    id: row["id"], matchers: try MatcherCoding.decode(row["matchers"]), startsAt: row["starts_at"],
                    endsAt: row["ends_at"], updatedAt: row["updated_at"], createdBy: row["created_by"],
                    comment: row["comment"])
            }
        }
    }

    public func saveSilences(_ silences: [Silence], removing removed: [String]) throws {
        try database.write { db in
            for silence in silences {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO silence (id, matchers, starts_at, ends_at, updated_at, created_by, comment)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        silence.id, MatcherCoding.encode(silence.matchers), silence.startsAt, silence.endsAt,
                        silence.updatedAt, silence.createdBy, silence.comment,
                    ])
            }
            for id in removed {
                try db.execute(sql: "DELETE FROM silence WHERE id = ?", arguments: [id])
            }
        }
    }

    // MARK: GroupNotification log

    public func loadNotificationLog() throws -> [NotificationLogEntry] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM notification_log").map { row in
                NotificationLogEntry(
                    key: NotificationLogKey(
                        receiver: row["receiver"], integration: row["integration"], groupKey: row["group_key"]),
                    firing: try HashCoding.decode(row["firing"]), resolved: try HashCoding.decode(row["resolved"]),
                    timestamp: row["timestamp"], expiresAt: row["expires_at"])
            }
        }
    }

    public func removeNotificationLog(_ keys: [NotificationLogKey]) throws {
        try database.write { db in
            for key in keys {
                try db.execute(
                    sql: "DELETE FROM notification_log WHERE receiver = ? AND integration = ? AND group_key = ?",
                    arguments: [key.receiver, key.integration, key.groupKey])
            }
        }
    }

    // MARK: Escalations

    public func loadEscalations() throws -> [EscalationState] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM escalation").map { row in
                let planText: String? = row["plan"]
                let plan = try planText.map { try JSONDecoder().decode(EscalationPlan.self, from: Data($0.utf8)) }
                let ackedBy: String? = row["acked_by"]
                let acknowledgement = ackedBy.map { by in
                    Acknowledgement(by: by, at: row["acked_at"] ?? 0, via: row["acked_via"] ?? "")
                }
                let routeID: String = row["route_id"]
                let groupKey: String = row["group_key"]
                return EscalationState(
                    groupID: routeID + "\u{0}" + groupKey, groupKey: groupKey, routeReceiver: row["route_receiver"],
                    plan: plan, startedAt: row["started_at"], stepsTaken: row["steps_taken"],
                    acknowledgement: acknowledgement, pausedFor: row["paused_for"])
            }
        }
    }

    /// An acknowledgement changes only a group's acknowledgement and pause (the plan is frozen when
    /// the escalation starts): a row that exists is updated in place, without writing the plan
    /// again, and a group acknowledged before it escalated gets a row of its own.
    public func saveEscalations(_ states: [EscalationState], removing removed: [String], audit: [AckRecord]) throws {
        try database.write { db in
            var inserted: [EscalationState] = []
            for state in states {
                try db.execute(
                    sql: """
                        UPDATE escalation SET acked_by = ?, acked_at = ?, acked_via = ?, paused_for = ?
                        WHERE route_id = ? AND group_key = ?
                        """,
                    arguments: [
                        state.acknowledgement?.by, state.acknowledgement?.at, state.acknowledgement?.via,
                        state.pausedFor, Self.routeID(of: state.groupID), state.groupKey,
                    ])
                if db.changesCount == 0 { inserted.append(state) }
            }
            try Self.write(EscalationChanges(saved: inserted, removed: removed), in: db)
            try Self.appendAudit(audit, in: db)
        }
    }

    public func loadManualResolutions() throws -> [ManualResolution] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM manual_resolution").compactMap { row in
                let text: String = row["fingerprint"]
                guard let value = UInt64(text, radix: 16) else { return nil }
                return ManualResolution(
                    fingerprint: AlertFingerprint(value: value), startsAt: row["starts_at"],
                    resolvedAt: row["resolved_at"], by: row["resolved_by"])
            }
        }
    }

    public func saveManualResolutions(
        _ resolutions: [ManualResolution], removing removed: [AlertFingerprint], audit: [AckRecord]
    ) throws {
        try database.write { db in
            for resolution in resolutions {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO manual_resolution (fingerprint, starts_at, resolved_at, resolved_by)
                        VALUES (?, ?, ?, ?)
                        """,
                    arguments: [
                        resolution.fingerprint.description, resolution.startsAt, resolution.resolvedAt, resolution.by,
                    ])
            }
            for fingerprint in removed {
                try db.execute(
                    sql: "DELETE FROM manual_resolution WHERE fingerprint = ?", arguments: [fingerprint.description])
            }
            try Self.appendAudit(audit, in: db)
        }
    }

    static func appendAudit(_ records: [AckRecord], in db: Database) throws {
        for record in records {
            try appendAudit(
                at: record.at, actor: record.by, action: "alert_group.\(record.action.rawValue)",
                details: ["group_key": record.groupKey, "via": record.via, "source": record.source], in: db)
        }
    }

    static func write(_ changes: EscalationChanges, in db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for state in changes.saved {
            let plan = try state.plan.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO escalation (route_id, group_key, route_receiver, plan, started_at,
                        steps_taken, acked_by, acked_at, acked_via, paused_for)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    Self.routeID(of: state.groupID), state.groupKey, state.routeReceiver, plan, state.startedAt,
                    state.stepsTaken,
                    state.acknowledgement?.by, state.acknowledgement?.at, state.acknowledgement?.via, state.pausedFor,
                ])
        }
        for id in changes.removed {
            let parts = id.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
            try db.execute(
                sql: "DELETE FROM escalation WHERE route_id = ? AND group_key = ?",
                arguments: [String(parts[0]), parts.count > 1 ? String(parts[1]) : ""])
        }
        for step in changes.steps {
            try appendAudit(
                at: step.at, actor: "daemon", action: "escalation.step",
                details: [
                    "group_key": step.groupKey, "policy": step.policy, "step": step.step,
                    "receivers": step.receivers.joined(separator: ","),
                ], in: db)
        }
    }

    /// The route part of a dispatcher group id (`routeID NUL groupKey`): SQLite text is kept apart
    /// from the NUL.
    static func routeID(of groupID: String) -> String {
        String(groupID.prefix { $0 != "\u{0}" })
    }

    static func appendAudit(at: Int64, actor: String, action: String, details: [String: String], in db: Database)
        throws
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, details) VALUES (?, ?, ?, ?)",
            arguments: [
                Double(at) / 1000, actor, action, String(decoding: try encoder.encode(details), as: UTF8.self),
            ])
    }

    /// Writes the log entries and the messages of one flush in one transaction.
    public func record(log entries: [NotificationLogEntry], messages: [OutboxMessage]) throws {
        try record(log: entries, messages: messages, escalations: EscalationChanges())
    }

    /// Writes a flush's log entries, messages and escalation changes (with an audit entry per step
    /// taken) in one transaction: a step is never taken without its pages queued, nor twice.
    public func record(
        log entries: [NotificationLogEntry], messages: [OutboxMessage], escalations: EscalationChanges
    ) throws {
        try database.write { db in
            if !escalations.isEmpty { try Self.write(escalations, in: db) }
            for entry in entries {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO notification_log
                            (receiver, integration, group_key, firing, resolved, timestamp, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        entry.key.receiver, entry.key.integration, entry.key.groupKey, HashCoding.encode(entry.firing),
                        HashCoding.encode(entry.resolved), entry.timestamp, entry.expiresAt,
                    ])
            }
            try OutboxRepository.insert(messages, in: db)
        }
    }
}

/// Labels as JSON arrays of name/value pairs (order kept, NUL-safe).
enum LabelCoding {
    static func encode(_ labels: Labels) -> String {
        var writer = GoJSONWriter(capacity: 64 * labels.pairs.count + 2)
        writer.beginArray()
        for pair in labels.pairs {
            writer.element()
            writer.beginArray()
            writer.element()
            writer.string(pair.name)
            writer.element()
            writer.string(pair.value)
            writer.end("]")
        }
        writer.end("]")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func decode(_ text: String) throws -> Labels {
        let pairs = try JSONDecoder().decode([[String]].self, from: Data(text.utf8))
        return Labels(pairs.compactMap { $0.count == 2 ? Label($0[0], $0[1]) : nil })
    }
}

/// Silence matchers as Alertmanager's JSON: `{"name","value","isRegex","isEqual"}`.
enum MatcherCoding {
    struct Stored: Codable {
        var name: String
        var value: String
        var isRegex: Bool
        var isEqual: Bool
    }

    static func encode(_ matchers: [LabelMatcher]) -> String {
        let stored = matchers.map { matcher in
            Stored(
                name: matcher.name, value: matcher.value,
                isRegex: matcher.kind == .regexMatch || matcher.kind == .regexNoMatch,
                isEqual: matcher.kind == .equal || matcher.kind == .regexMatch)
        }
        return String(decoding: (try? JSONEncoder().encode(stored)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [LabelMatcher] {
        try JSONDecoder().decode([Stored].self, from: Data(text.utf8)).map { stored in
            let kind: LabelMatcher.Kind =
                stored.isRegex ? (stored.isEqual ? .regexMatch : .regexNoMatch) : (stored.isEqual ? .equal : .notEqual)
            return try LabelMatcher(stored.name, kind, stored.value)
        }
    }
}

/// Alert hashes as a JSON array of 16-hex-digit strings (JSON numbers cannot hold 64 bits).
enum HashCoding {
    static func encode(_ hashes: Set<UInt64>) -> String {
        var writer = GoJSONWriter(capacity: 19 * hashes.count + 2)
        writer.beginArray()
        for hash in hashes.sorted() {
            writer.element()
            writer.string(AlertFingerprint(value: hash).description)
        }
        writer.end("]")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func decode(_ text: String) throws -> Set<UInt64> {
        let texts = try JSONDecoder().decode([String].self, from: Data(text.utf8))
        return Set(texts.compactMap { UInt64($0, radix: 16) })
    }
}
