import Alerting
import Foundation
import Incidents

/// What the incident routes ask of the daemon: the incidents and the method's moves on them. The
/// daemon's implementation saves each change (and writes the audit log) before it returns; a
/// refused request throws ``IncidentError`` and changes nothing.
public protocol IncidentControl: Sendable {
    /// Incidents detected since `since` (ms), newest first; `state` is `open`, `resolved` or nil (all).
    func list(state: String?, since: Int64?) async throws -> [Incident]
    func incident(id: String) async throws -> Incident?
    func open(title: String, severity: IncidentSeverity, key: String?, by: String) async throws -> Incident
    func move(_ id: String, to phase: IncidentPhase, by: String, reason: String?, falseAlarm: Bool) async throws
        -> Incident
    func note(_ id: String, text: String, by: String) async throws -> Incident
    func acknowledge(_ id: String, by: String) async throws -> Incident
    /// A named person approves a high-impact proposal.
    func approve(_ id: String, proposal: Int, by: String) async throws -> Incident
    /// Acts on a proposal (from deciding): recovery point, then the change, on the record.
    func act(_ id: String, proposal: Int, by: String) async throws -> Incident
    /// Back to normal operations (no load shedding, no fallback), on the record.
    func undo(_ id: String, by: String) async throws -> Incident
    /// The program's time zone, for the P4 target (the next business day).
    func timeZone() async -> TimeZone
}
