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
}

/// Records a flush's decisions: the notification log entries and the messages to deliver, in one
/// transaction, so a crash can never leave a notification decided but not queued (or queued twice).
public protocol NotificationRecorder: Sendable {
    func record(_ notifications: [GroupNotification]) throws
}
