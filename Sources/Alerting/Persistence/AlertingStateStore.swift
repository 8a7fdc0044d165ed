import Rules

/// Where the pipeline keeps what must survive a restart: alerts posted to the API, silences and the
/// notification log. Declared here, implemented by `Storage` through the daemon; every call is one
/// transaction.
public protocol AlertingStateStore: Sendable {
    func loadAlerts() throws -> [PipelineAlert]
    /// Saves `alerts` (insert or replace by fingerprint) and forgets `removed`.
    func saveAlerts(_ alerts: [PipelineAlert], removing removed: [AlertFingerprint]) throws
    func loadSilences() throws -> [Silence]
    /// Saves `silences` (insert or replace by id) and forgets `removed`.
    func saveSilences(_ silences: [Silence], removing removed: [String]) throws
    func loadNotificationLog() throws -> [NotificationLogEntry]
    func removeNotificationLog(_ keys: [NotificationLogKey]) throws
    /// Every group's escalation (policy frozen, steps taken, acknowledgement).
    func loadEscalations() throws -> [EscalationState]
    /// Saves acknowledgement changes, with their audit entries, in one transaction: for a group
    /// already stored only the acknowledgement and the pause are written (the plan and the steps
    /// taken are the flush's to write); a group not stored yet is saved whole. Forgets `removed`.
    func saveEscalations(_ states: [EscalationState], removing removed: [String], audit: [AckRecord]) throws
    /// Alerts resolved by hand, until they fire again.
    func loadManualResolutions() throws -> [ManualResolution]
    /// Saves `resolutions` (by fingerprint) and forgets `removed`, with audit entries in the same transaction.
    func saveManualResolutions(
        _ resolutions: [ManualResolution], removing removed: [AlertFingerprint], audit: [AckRecord])
        throws
}

/// Records a flush's decisions: the notification log entries and the messages to deliver, in one
/// transaction, so a crash can never leave a notification decided but not queued (or queued twice).
public protocol NotificationRecorder: Sendable {
    func record(_ notifications: [GroupNotification]) throws
    /// Records the notifications together with what they changed in the escalations (states saved
    /// or ended, steps taken for the audit log), all or nothing.
    func record(_ notifications: [GroupNotification], escalations: EscalationChanges) throws
}

extension NotificationRecorder {
    /// For recorders that keep no escalation state (tests): the notifications alone.
    public func record(_ notifications: [GroupNotification], escalations: EscalationChanges) throws {
        try record(notifications)
    }
}
