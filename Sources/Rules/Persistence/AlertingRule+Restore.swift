extension AlertingRule {
    /// Puts back an alert saved at `savedAt`, at restart time `now` (ms), Prometheus' way for the time
    /// spent pending, and — unlike Prometheus — keeping firing and `keep_firing_for` state, so an alert
    /// that ended while the daemon was down still resolves (and notifies) at the next evaluation.
    /// Returns whether the alert was restored.
    @discardableResult
    public mutating func restore(_ saved: Alert, savedAt: Int64, at now: Int64, options: AlertRestoreOptions) -> Bool {
        guard now - savedAt <= options.outageTolerance, saved.state != .inactive else { return false }
        var alert = saved
        let hold = definition.holdDuration
        if alert.state == .firing {
            active[alert.labels] = alert
            return true
        }
        guard hold >= options.gracePeriod else { return false }
        let remaining = hold - (savedAt - alert.activeAt)
        if remaining < options.gracePeriod {
            alert.activeAt = now + options.gracePeriod - hold
        } else {
            alert.activeAt += now - savedAt
        }
        active[alert.labels] = alert
        return true
    }
}
