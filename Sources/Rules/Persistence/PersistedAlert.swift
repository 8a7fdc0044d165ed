/// An alert as saved after a group tick, so a restart can pick up where the daemon left off.
///
/// `rule` is the series-store source of the rule that owns it (group key, rule name and labels,
/// occurrence), which is also how a reload matches rules; `savedAt` is the evaluation time it was saved
/// at — the last moment the daemon is known to have seen it.
public struct PersistedAlert: Sendable, Equatable {
    public var rule: String
    public var alert: Alert
    public var savedAt: Int64

    public init(rule: String, alert: Alert, savedAt: Int64) {
        self.rule = rule
        self.alert = alert
        self.savedAt = savedAt
    }
}

/// How restored alerts are treated, as Prometheus' `--rules.alert.for-outage-tolerance` and
/// `--rules.alert.for-grace-period`.
public struct AlertRestoreOptions: Sendable {
    /// Alerts saved longer ago than this are not restored (ms; default 1h).
    public var outageTolerance: Int64 = 3_600_000
    /// A restored pending alert fires no sooner than this after the restart (ms; default 10m); rules
    /// whose `for` is shorter simply start over.
    public var gracePeriod: Int64 = 600_000

    public init(outageTolerance: Int64 = 3_600_000, gracePeriod: Int64 = 600_000) {
        self.outageTolerance = outageTolerance
        self.gracePeriod = gracePeriod
    }
}
