/// One event on an incident's timeline: what happened, when, and who did it (a person's name, or
/// `vigil` for what the daemon did itself). The timeline is the post-mortem's raw material, so
/// every event lands on it in order and nothing is rewritten.
public struct TimelineEntry: Sendable, Equatable, Codable {
    /// What kind of event, as the API and the post-mortem name it.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case opened
        case alertFired = "alert_fired"
        case alertResolved = "alert_resolved"
        case phase
        case acknowledged
        case unacknowledged
        case severity
        case note
        case observation
        case orientation
        case proposal
        case approval
        case action
        case verification
        case notificationSent = "notification_sent"
        case notificationFailed = "notification_failed"
        /// An escalation policy took a step for one of the incident's groups.
        case escalation
    }

    /// Milliseconds since the epoch.
    public var at: Int64
    public var kind: Kind
    /// Who: a person's name, or ``TimelineEntry/daemon``.
    public var actor: String
    /// One line a coordinator can read.
    public var text: String
    /// Machine-readable facts (alert fingerprint, group key, phase from/to, …).
    public var details: [String: String]

    public init(at: Int64, kind: Kind, actor: String, text: String, details: [String: String] = [:]) {
        self.at = at
        self.kind = kind
        self.actor = actor
        self.text = text
        self.details = details
    }

    /// The actor of what the daemon does by itself.
    public static let daemon = "vigil"
}
