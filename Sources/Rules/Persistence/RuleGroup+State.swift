extension RuleGroup {
    /// Every alert the group holds (resolved ones included), tagged with its rule, for saving after a tick.
    public var persistedAlerts: [PersistedAlert] {
        var result: [PersistedAlert] = []
        for (index, rule) in rules.enumerated() {
            guard case .alerting(let alerting) = rule else { continue }
            for alert in alerting.currentAlerts {
                result.append(PersistedAlert(rule: sources[index], alert: alert, savedAt: lastEvaluation ?? 0))
            }
        }
        return result
    }

    /// Restores saved alerts into the rules they belong to (matched by rule source); returns how many
    /// were restored.
    @discardableResult
    public mutating func restore(_ saved: [PersistedAlert], at now: Int64, options: AlertRestoreOptions) -> Int {
        let indexBySource = Dictionary(sources.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var byRule: [Int: [PersistedAlert]] = [:]
        for entry in saved {
            guard let index = indexBySource[entry.rule] else { continue }
            byRule[index, default: []].append(entry)
        }
        var restored = 0
        // One rule at a time, taken out of the group while it changes: its alert dictionary is then uniquely
        // referenced and grows in place (per alert, a copy of the whole dictionary would make this quadratic).
        for (index, entries) in byRule {
            guard case .alerting(var rule) = rules[index] else { continue }
            replaceRule(at: index, with: .recording(RecordingRule(rule.definition)))
            for entry in entries where rule.restore(entry.alert, savedAt: entry.savedAt, at: now, options: options) {
                restored += 1
            }
            replaceRule(at: index, with: .alerting(rule))
        }
        return restored
    }

    /// Takes over the state of `old` (the same group before a reload): rules with the same name and
    /// labels (and occurrence) keep their alerts. Returns the sources of rules that are gone, whose
    /// series the caller marks stale.
    public mutating func inheritState(from old: RuleGroup) -> [String] {
        inheritTiming(from: old)
        let oldIndex = Dictionary(old.sources.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, source) in sources.enumerated() {
            guard let oldRule = oldIndex[source], case .alerting(let previous) = old.rules[oldRule],
                case .alerting(var rule) = rules[index]
            else { continue }
            rule.active = previous.active
            replaceRule(at: index, with: .alerting(rule))
        }
        let kept = Set(sources)
        return old.sources.filter { !kept.contains($0) }
    }
}
