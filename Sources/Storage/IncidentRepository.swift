import Alerting
import Foundation
import GRDB
import Incidents

/// The ``IncidentStore`` in SQLite, and the queries the API and the post-mortem need: an incident
/// row (the incident as JSON, with the columns lists filter on) and its timeline, append-only, one
/// row per event. Saving an incident inserts only the events not yet stored: the record is never
/// rewritten.
public struct IncidentRepository: IncidentStore {
    let database: VigilDatabase

    public init(database: VigilDatabase) {
        self.database = database
    }

    public func save(_ incidents: [Incident]) throws {
        guard !incidents.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try database.write { db in
            for incident in incidents {
                var head = incident
                head.timeline = []
                let body = String(decoding: try encoder.encode(head), as: UTF8.self)
                try db.execute(
                    sql: """
                        INSERT INTO incident (id, number, incident_key, severity, phase, detected_at, resolved_at, body)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET incident_key = excluded.incident_key,
                            severity = excluded.severity, phase = excluded.phase,
                            resolved_at = excluded.resolved_at, body = excluded.body
                        """,
                    arguments: [
                        incident.id, Self.number(incident.id), incident.key, incident.severity.rawValue,
                        incident.phase.rawValue, incident.detectedAt, incident.resolvedAt, body,
                    ])
                let stored =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM incident_event WHERE incident_id = ?", arguments: [incident.id])
                    ?? 0
                for (seq, entry) in incident.timeline.enumerated().dropFirst(stored) {
                    let details = String(decoding: try encoder.encode(entry.details), as: UTF8.self)
                    try db.execute(
                        sql: """
                            INSERT INTO incident_event (incident_id, seq, at, kind, actor, text, details)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [incident.id, seq, entry.at, entry.kind.rawValue, entry.actor, entry.text, details])
                }
            }
        }
    }

    public func loadUnreviewed() throws -> [Incident] {
        try database.read { db in
            try Self.incidents(db, where: "phase != 'reviewed'", arguments: [])
        }
    }

    public func highestNumber() throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: "SELECT MAX(number) FROM incident") ?? 0
        }
    }

    /// One incident with its timeline, reviewed or not.
    public func incident(id: String) throws -> Incident? {
        try database.read { db in
            try Self.incidents(db, where: "id = ?", arguments: [id]).first
        }
    }

    /// Incidents detected at or after `since` (ms), newest first: `open` (not resolved),
    /// `resolved` (resolved or reviewed) or every one (`nil`).
    public func list(state: String?, since: Int64?, limit: Int = 500) throws -> [Incident] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        switch state {
        case "open": conditions.append("phase NOT IN ('resolved', 'reviewed')")
        case "resolved": conditions.append("phase IN ('resolved', 'reviewed')")
        default: break
        }
        if let since {
            conditions.append("detected_at >= ?")
            arguments.append(since)
        }
        let clause = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        return try database.read { db in
            try Self.incidents(
                db, where: clause + " ORDER BY number DESC LIMIT \(max(1, limit))",
                arguments: StatementArguments(arguments))
        }
    }

    static func number(_ id: String) -> Int {
        Int(id.drop { !$0.isNumber }) ?? 0
    }

    static func incidents(_ db: Database, where clause: String, arguments: StatementArguments) throws -> [Incident] {
        let decoder = JSONDecoder()
        let rows = try Row.fetchAll(db, sql: "SELECT id, body FROM incident WHERE " + clause, arguments: arguments)
        return try rows.map { row in
            let id: String = row["id"]
            let body: String = row["body"]
            var incident = try decoder.decode(Incident.self, from: Data(body.utf8))
            incident.timeline = try Row.fetchAll(
                db, sql: "SELECT at, kind, actor, text, details FROM incident_event WHERE incident_id = ? ORDER BY seq",
                arguments: [id]
            ).map { event in
                let kind: String = event["kind"]
                let details: String = event["details"]
                return TimelineEntry(
                    at: event["at"], kind: TimelineEntry.Kind(rawValue: kind) ?? .note, actor: event["actor"],
                    text: event["text"],
                    details: try decoder.decode([String: String].self, from: Data(details.utf8)))
            }
            return incident
        }
    }
}
