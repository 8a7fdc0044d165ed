import Rules

/// Where the rule manager saves alerts after each group tick and finds them again at start.
///
/// The Rules engine stays free of SQLite; the daemon wires the Storage repository in through this.
public protocol RuleStatePersistence: Sendable {
    /// Replaces what is saved for `group` (its key) with `alerts`, in one transaction.
    func saveAlerts(group: String, alerts: [PersistedAlert]) throws
    /// Everything saved, by group key.
    func loadAlerts() throws -> [String: [PersistedAlert]]
    /// Forgets groups that no longer exist.
    func removeGroups(notIn keys: Set<String>) throws
}
