import Rules
import Storage
import TimeSeries

/// The rule manager's ``RuleStatePersistence`` over SQLite: converts the engine's alerts to the plain
/// records `Storage` keeps, and back (an unknown state word is skipped, never guessed).
public struct AlertStatePersistence: RuleStatePersistence {
    let store: AlertStateStore

    public init(store: AlertStateStore) {
        self.store = store
    }

    public func saveAlerts(group: String, alerts: [PersistedAlert]) throws {
        try store.replaceAlerts(ofGroup: group, with: alerts.map(Self.stored))
    }

    public func saveChanges(group: String, changed: [PersistedAlert], removed: [AlertIdentity], savedAt: Int64) throws {
        try store.applyChanges(
            ofGroup: group, upserts: changed.map(Self.stored),
            removals: removed.map { (rule: $0.rule, labels: $0.labels.pairs.map { [$0.name, $0.value] }) },
            savedAt: savedAt)
    }

    public func loadAlerts() throws -> [String: [PersistedAlert]] {
        try store.loadAlerts().mapValues { $0.compactMap(Self.persisted) }
    }

    public func removeGroups(notIn keys: Set<String>) throws {
        try store.removeGroups(notIn: keys)
    }

    static func stored(_ entry: PersistedAlert) -> StoredAlert {
        let alert = entry.alert
        return StoredAlert(
            rule: entry.rule, labels: alert.labels.pairs.map { [$0.name, $0.value] },
            annotations: alert.annotations.pairs.map { [$0.name, $0.value] }, state: alert.state.description,
            value: alert.value, activeAt: alert.activeAt, firedAt: alert.firedAt, resolvedAt: alert.resolvedAt,
            keepFiringSince: alert.keepFiringSince, savedAt: entry.savedAt)
    }

    static func persisted(_ stored: StoredAlert) -> PersistedAlert? {
        let states: [String: AlertState] = ["inactive": .inactive, "pending": .pending, "firing": .firing]
        guard let state = states[stored.state] else { return nil }
        func labels(_ pairs: [[String]]) -> Labels {
            Labels(pairs.compactMap { $0.count == 2 ? Label($0[0], $0[1]) : nil })
        }
        let alert = Alert(
            labels: labels(stored.labels), annotations: labels(stored.annotations), state: state, value: stored.value,
            activeAt: stored.activeAt, firedAt: stored.firedAt, resolvedAt: stored.resolvedAt,
            keepFiringSince: stored.keepFiringSince)
        return PersistedAlert(rule: stored.rule, alert: alert, savedAt: stored.savedAt)
    }
}
