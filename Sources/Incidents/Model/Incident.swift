import Alerting

/// One incident: a problem in the program that people work through the method's phases, with
/// everything that happened on its timeline.
///
/// A value: the engine (``IncidentBook``) returns changed copies and the service stores them, so a
/// restart in the middle of an incident picks up exactly where it was.
public struct Incident: Sendable, Equatable, Codable {
    /// One phase as entered: when, by whom, and why when the method asks for a reason.
    public struct PhaseEntry: Sendable, Equatable, Codable {
        public var phase: IncidentPhase
        public var at: Int64
        public var by: String
        public var reason: String?

        public init(phase: IncidentPhase, at: Int64, by: String, reason: String? = nil) {
            self.phase = phase
            self.at = at
            self.by = by
            self.reason = reason
        }
    }

    /// Who acknowledged the incident, and when.
    public struct Acknowledgement: Sendable, Equatable, Codable {
        public var by: String
        public var at: Int64

        public init(by: String, at: Int64) {
            self.by = by
            self.at = at
        }
    }

    /// `INC-<number>`, numbered in order of opening.
    public var id: String
    /// What makes later alerts join this incident rather than open another (`component=clinic`).
    public var key: String
    public var title: String
    public var severity: IncidentSeverity
    /// Every phase entered, in order; the last is the current one.
    public var phases: [PhaseEntry]
    /// The alert groups whose alerts are part of the incident (Alertmanager group keys).
    public var groupKeys: [String]
    /// Fingerprints of the alerts that are part of it, and whether each is still firing.
    public var alerts: [String: Bool]
    public var acknowledgement: Acknowledgement?
    /// The last escalation step seen for each of its groups (`policy/step`).
    public var escalationSteps: [String: String] = [:]
    /// The runbooks of its alerts: alert name → `runbook_url`.
    public var runbooks: [String: String] = [:]
    /// The alert groups seen acknowledged while the incident was: one of them taken back (by hand,
    /// or by a new alert) takes the incident's acknowledgement back too.
    public var acknowledgedGroups: [String] = []
    /// Set when the incident was closed as a false alarm: the reason given.
    public var falseAlarm: String?
    /// What Vigil saw when the incident opened (the method's "observe").
    public var observation: Observation?
    /// The failure modes that observation points to, ranked (the method's "orient").
    public var orientation: Orientation?
    /// Since when verification has found the program recovered (ms), while it holds.
    public var recoveredSince: Int64?
    /// What Vigil proposed, over the incident's life (the method's "decide").
    public var proposals: [Proposal] = []
    /// The delivery outcomes already on the timeline: outbox message id → the last one recorded
    /// (`delivered`, `failed:<attempts>`, `dead`), so each lands once.
    public var deliveries: [String: String] = [:]
    public var timeline: [TimelineEntry]

    public init(
        id: String, key: String, title: String, severity: IncidentSeverity, openedAt: Int64, openedBy: String
    ) {
        self.id = id
        self.key = key
        self.title = title
        self.severity = severity
        phases = [PhaseEntry(phase: .detected, at: openedAt, by: openedBy)]
        groupKeys = []
        alerts = [:]
        timeline = []
    }

    enum CodingKeys: String, CodingKey {
        case id, key, title, severity, phases, groupKeys, alerts, acknowledgement, escalationSteps, runbooks
        case acknowledgedGroups, falseAlarm, observation, orientation, recoveredSince, proposals, deliveries, timeline
    }

    /// Reads a stored incident; fields added after incidents were first stored default to empty,
    /// so an upgrade reads what an older version saved.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        key = try container.decode(String.self, forKey: .key)
        title = try container.decode(String.self, forKey: .title)
        severity = try container.decode(IncidentSeverity.self, forKey: .severity)
        phases = try container.decode([PhaseEntry].self, forKey: .phases)
        groupKeys = try container.decodeIfPresent([String].self, forKey: .groupKeys) ?? []
        alerts = try container.decodeIfPresent([String: Bool].self, forKey: .alerts) ?? [:]
        acknowledgement = try container.decodeIfPresent(Acknowledgement.self, forKey: .acknowledgement)
        escalationSteps = try container.decodeIfPresent([String: String].self, forKey: .escalationSteps) ?? [:]
        runbooks = try container.decodeIfPresent([String: String].self, forKey: .runbooks) ?? [:]
        acknowledgedGroups = try container.decodeIfPresent([String].self, forKey: .acknowledgedGroups) ?? []
        falseAlarm = try container.decodeIfPresent(String.self, forKey: .falseAlarm)
        observation = try container.decodeIfPresent(Observation.self, forKey: .observation)
        orientation = try container.decodeIfPresent(Orientation.self, forKey: .orientation)
        recoveredSince = try container.decodeIfPresent(Int64.self, forKey: .recoveredSince)
        proposals = try container.decodeIfPresent([Proposal].self, forKey: .proposals) ?? []
        deliveries = try container.decodeIfPresent([String: String].self, forKey: .deliveries) ?? [:]
        timeline = try container.decodeIfPresent([TimelineEntry].self, forKey: .timeline) ?? []
    }

    /// The current phase.
    public var phase: IncidentPhase { phases.last?.phase ?? .detected }

    /// When it was detected (opened), ms.
    public var detectedAt: Int64 { phases.first?.at ?? 0 }

    /// When it was last resolved, ms (nil while open).
    public var resolvedAt: Int64? {
        phase.isOpen ? nil : phases.last { $0.phase == .resolved }?.at
    }

    /// Whether it is still being worked.
    public var isOpen: Bool { phase.isOpen }

    /// Whether any of its alerts still fires.
    public var hasFiringAlerts: Bool { alerts.values.contains(true) }
}
