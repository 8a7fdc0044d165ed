import Rules
import TimeSeries

/// Where the rule manager saves alerts after each group tick and finds them again at start.
///
/// The Rules engine stays free of SQLite; the daemon wires the Storage repository in through this.
public protocol RuleStatePersistence: Sendable {
    /// Replaces what is saved for `group` (its key) with `alerts`, in one transaction.
    func saveAlerts(group: String, alerts: [PersistedAlert]) throws
    /// Applies one evaluation's changes to what is saved for `group`: `changed` alerts replace those with
    /// the same rule and labels, `removed` ones are forgotten, and the group is known up to `savedAt`.
    func saveChanges(group: String, changed: [PersistedAlert], removed: [AlertIdentity], savedAt: Int64) throws
    /// Everything saved, by group key.
    func loadAlerts() throws -> [String: [PersistedAlert]]
    /// Forgets groups that no longer exist.
    func removeGroups(notIn keys: Set<String>) throws
}

/// An alert's identity within its group: its rule's source and its labels.
public struct AlertIdentity: Sendable, Hashable {
    public var rule: String
    public var labels: Labels

    public init(rule: String, labels: Labels) {
        self.rule = rule
        self.labels = labels
    }
}
