import Alerting
import Foundation
import TimeSeries

/// The incidents being worked, and the rules of the method applied to them: which alerts open or
/// join an incident, which phase may follow which, acknowledgements both ways between an incident
/// and its alert groups, and the timeline of everything.
///
/// Pure: a value with "now" as an argument, no clock and no I/O. Every call returns the incidents
/// it changed, which the service saves (``IncidentStore``) before it answers; a refused call
/// throws ``IncidentError`` and changes nothing.
public struct IncidentBook: Sendable {
    /// A firing alert as the incident engine sees it.
    public struct Alert: Sendable, Equatable {
        public var fingerprint: String
        public var labels: Labels
        /// The Alertmanager group key of the group it is in.
        public var groupKey: String
        /// Its `summary` annotation (or description), for the incident's title and timeline.
        public var summary: String
        /// Silenced or inhibited: someone already knows, so it opens no incident (nor resolves one).
        public var suppressed: Bool
        /// Its `runbook_url` annotation, linked from the incident.
        public var runbookURL: String?

        public init(
            fingerprint: String, labels: Labels, groupKey: String, summary: String = "", suppressed: Bool = false,
            runbookURL: String? = nil
        ) {
            self.fingerprint = fingerprint
            self.labels = labels
            self.groupKey = groupKey
            self.summary = summary
            self.suppressed = suppressed
            self.runbookURL = runbookURL
        }
    }

    /// The incidents not yet reviewed, by id.
    public internal(set) var incidents: [String: Incident]
    /// The last number given; the next incident is `INC-<lastNumber + 1>`.
    public private(set) var lastNumber: Int

    public init(incidents: [Incident] = [], lastNumber: Int = 0) {
        self.incidents = Dictionary(incidents.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        let numbers = incidents.compactMap { Int($0.id.dropFirst(4)) }
        self.lastNumber = max(lastNumber, numbers.max() ?? 0)
    }

    /// The open incident with `key`, if any.
    public func open(key: String) -> Incident? {
        incidents.values.filter { $0.isOpen && $0.key == key }.min { $0.detectedAt < $1.detectedAt }
    }

    // MARK: Alerts

    /// An alert started firing: the first policy matching it opens an incident, or the alert joins
    /// the open incident with its key (raising the incident's severity when the policy's is higher).
    /// Returns the changed incident, nil when no policy matches or the alert is already on it.
    public mutating func alertFired(_ alert: Alert, policies: [IncidentPolicy], now: Int64) -> Incident? {
        guard let policy = policies.first(where: { $0.matches(alert.labels) }) else { return nil }
        let key = policy.incidentKey(alert.labels)
        let name = alert.labels["alertname"] ?? ""
        var incident: Incident
        if let existing = open(key: key) {
            incident = existing
            if incident.alerts[alert.fingerprint] == true { return nil }
        } else {
            lastNumber += 1
            let id = "INC-\(lastNumber)"
            let title = alert.summary.isEmpty ? "\(name) (\(key))" : "\(name): \(alert.summary)"
            incident = Incident(
                id: id, key: key, title: title, severity: policy.severity, openedAt: now, openedBy: TimelineEntry.daemon
            )
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .opened, actor: TimelineEntry.daemon,
                    text: "\(policy.severity.rawValue) incident opened by \(name)",
                    details: ["severity": policy.severity.rawValue, "key": key]))
        }
        if policy.severity < incident.severity {
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .severity, actor: TimelineEntry.daemon,
                    text:
                        "severity raised from \(incident.severity.rawValue) to \(policy.severity.rawValue) by \(name)",
                    details: ["from": incident.severity.rawValue, "to": policy.severity.rawValue]))
            incident.severity = policy.severity
        }
        incident.alerts[alert.fingerprint] = true
        if let url = alert.runbookURL, !url.isEmpty { incident.runbooks[name] = url }
        if !incident.groupKeys.contains(alert.groupKey) { incident.groupKeys.append(alert.groupKey) }
        incident.timeline.append(
            TimelineEntry(
                at: now, kind: .alertFired, actor: TimelineEntry.daemon,
                text: "\(name) firing" + (alert.summary.isEmpty ? "" : ": \(alert.summary)"),
                details: [
                    "fingerprint": alert.fingerprint, "alertname": name, "group_key": alert.groupKey,
                    "labels": alert.labels.description,
                ]))
        incidents[incident.id] = incident
        return incident
    }

    /// An alert resolved: every incident it fires on records it. Returns those incidents.
    public mutating func alertResolved(fingerprint: String, name: String, now: Int64) -> [Incident] {
        var changed: [Incident] = []
        for var incident in incidents.values.sorted(by: { $0.id < $1.id }) where incident.alerts[fingerprint] == true {
            incident.alerts[fingerprint] = false
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .alertResolved, actor: TimelineEntry.daemon, text: "\(name) resolved",
                    details: ["fingerprint": fingerprint]))
            incidents[incident.id] = incident
            changed.append(incident)
        }
        return changed
    }

    // MARK: People

    /// Opens an incident by hand (`POST /api/v1/incidents`, `vigil incident open`).
    public mutating func open(
        title: String, severity: IncidentSeverity, key: String? = nil, by actor: String, now: Int64
    ) throws(IncidentError) -> Incident {
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else { throw .actorRequired }
        lastNumber += 1
        let id = "INC-\(lastNumber)"
        var incident = Incident(
            id: id, key: key ?? "manual=\(id)", title: title, severity: severity, openedAt: now, openedBy: actor)
        incident.timeline.append(
            TimelineEntry(
                at: now, kind: .opened, actor: actor, text: "\(severity.rawValue) incident opened by hand: \(title)",
                details: ["severity": severity.rawValue, "key": incident.key]))
        incidents[id] = incident
        return incident
    }

    /// Moves incident `id` to `phase`, as the method allows (``IncidentPhase/allowed``); going back
    /// or resolving before verification needs a `reason`, and `falseAlarm` records the resolution
    /// as a false alarm. A reviewed incident leaves the book (it stays in the store).
    public mutating func move(
        _ id: String, to phase: IncidentPhase, by actor: String, reason: String? = nil, falseAlarm: Bool = false,
        now: Int64
    ) throws(IncidentError) -> Incident {
        guard var incident = incidents[id] else { throw .notFound(id) }
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else { throw .actorRequired }
        let from = incident.phase
        guard from.allowed.contains(phase) else {
            throw .invalidTransition(id: id, from: from, to: phase, allowed: from.allowed)
        }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if (from.needsReason(toward: phase) || falseAlarm) && reason == nil {
            throw .reasonRequired(id: id, from: from, to: phase)
        }
        incident.phases.append(Incident.PhaseEntry(phase: phase, at: now, by: actor, reason: reason))
        if falseAlarm, phase == .resolved { incident.falseAlarm = reason }
        var text = "\(from.rawValue) → \(phase.rawValue)"
        if falseAlarm, phase == .resolved { text += " as a false alarm" }
        if let reason { text += ": \(reason)" }
        var details = ["from": from.rawValue, "to": phase.rawValue]
        if falseAlarm { details["false_alarm"] = "true" }
        incident.timeline.append(TimelineEntry(at: now, kind: .phase, actor: actor, text: text, details: details))
        if phase == .reviewed {
            incidents[id] = nil
        } else {
            incidents[id] = incident
        }
        return incident
    }

    /// Adds a note to incident `id`'s timeline.
    public mutating func note(_ id: String, text: String, by actor: String, now: Int64) throws(IncidentError)
        -> Incident
    {
        guard var incident = incidents[id] else { throw .notFound(id) }
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else { throw .actorRequired }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .emptyNote }
        incident.timeline.append(TimelineEntry(at: now, kind: .note, actor: actor, text: text))
        incidents[id] = incident
        return incident
    }

    /// Appends an event the daemon observed (a notification sent or failed, …) to incident `id`.
    public mutating func record(_ id: String, _ entry: TimelineEntry) throws(IncidentError) -> Incident {
        guard var incident = incidents[id] else { throw .notFound(id) }
        incident.timeline.append(entry)
        incidents[id] = incident
        return incident
    }

    // MARK: Acknowledgements

    /// Acknowledges incident `id`. Returns the incident and the alert groups the caller must
    /// acknowledge too, so their escalations stop; acknowledging again changes nothing.
    public mutating func acknowledge(_ id: String, by actor: String, now: Int64) throws(IncidentError)
        -> (incident: Incident, groupKeys: [String])
    {
        guard var incident = incidents[id] else { throw .notFound(id) }
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else { throw .actorRequired }
        guard incident.acknowledgement == nil else { return (incident, []) }
        incident.acknowledgement = Incident.Acknowledgement(by: actor, at: now)
        incident.timeline.append(
            TimelineEntry(at: now, kind: .acknowledged, actor: actor, text: "acknowledged by \(actor)"))
        incidents[id] = incident
        return (incident, incident.groupKeys)
    }

    /// An alert group was acknowledged (by link, webhook, CLI or API): every open incident it
    /// belongs to is acknowledged by the same person, once.
    public mutating func groupAcknowledged(_ groupKey: String, by actor: String, now: Int64) -> [Incident] {
        var changed: [Incident] = []
        for var incident in incidents.values.sorted(by: { $0.id < $1.id })
        where incident.isOpen && incident.acknowledgement == nil && incident.groupKeys.contains(groupKey) {
            incident.acknowledgement = Incident.Acknowledgement(by: actor, at: now)
            incident.acknowledgedGroups = [groupKey]
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .acknowledged, actor: actor,
                    text: "acknowledged by \(actor) through its alert group",
                    details: ["group_key": groupKey]))
            incidents[incident.id] = incident
            changed.append(incident)
        }
        return changed
    }

    /// An alert group's acknowledgement was taken back (by hand, or a new alert reopened it): the
    /// incidents it belongs to are no longer acknowledged, and say why.
    public mutating func groupUnacknowledged(_ groupKey: String, by actor: String, reason: String, now: Int64)
        -> [Incident]
    {
        var changed: [Incident] = []
        for var incident in incidents.values.sorted(by: { $0.id < $1.id })
        where incident.isOpen && incident.acknowledgement != nil && incident.groupKeys.contains(groupKey) {
            incident.acknowledgement = nil
            incident.acknowledgedGroups = []
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .unacknowledged, actor: actor, text: "acknowledgement taken back: \(reason)",
                    details: ["group_key": groupKey]))
            incidents[incident.id] = incident
            changed.append(incident)
        }
        return changed
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
