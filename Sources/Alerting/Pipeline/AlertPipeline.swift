import Logging
import Rules
import TimeSeries

/// The alerting pipeline's state and its one entry for each thing that happens to it, with "now"
/// always an argument: alerts arrive, groups flush, silences change, the configuration reloads.
///
/// Holds the alert store (Alertmanager's merge rules), the dispatcher's groups, the silences and the
/// notification log; writes what must survive through ``AlertingStateStore`` and hands each flush's
/// decisions to the ``NotificationRecorder`` before forgetting resolved alerts.
public actor AlertPipeline {
    public private(set) var config: AlertPipelineConfig
    private var alerts: [AlertFingerprint: PipelineAlert] = [:]
    private(set) var dispatcher: Dispatcher
    public private(set) var silences: Silences
    public private(set) var log: NotificationLog
    private let store: (any AlertingStateStore)?
    private let recorder: any NotificationRecorder
    private let logger: Logger
    /// How long resolved alerts stay in the store (ms).
    private let resolvedRetention: Int64
    /// The longest the alerting loop sleeps between flushes (ms), whatever ``nextFlushTime`` says:
    /// work that falls due later than that is found without a wake-up.
    public static let longestSleep: Int64 = 30_000
    /// Told whenever a flush may have become due earlier than planned.
    private var wakeUp: (@Sendable () -> Void)?
    public private(set) var receivedTotal: (firing: Int, resolved: Int, invalid: Int) = (0, 0, 0)
    /// Each group's escalation, by dispatcher id.
    public private(set) var escalations: [String: EscalationState] = [:]
    /// Groups whose next step is due but could not be taken (nothing visible fires, or the group is
    /// not back yet after a restart): retried at the group's next flush, not in a busy loop.
    private var stalled: Set<String> = []
    /// When an escalating group was first seen missing from the dispatcher (ms).
    private var missingSince: [String: Int64] = [:]
    /// Steps taken, by policy and step (`vigil_escalation_steps_total`).
    public private(set) var stepsTotal: [StepCounterKey: Int] = [:]
    /// Alerts resolved by hand, until they fire again.
    private var manualResolutions: [AlertFingerprint: ManualResolution] = [:]
    /// Acknowledgement actions, by action and path (`vigil_acks_total`).
    public private(set) var acksTotal: [AckCounterKey: Int] = [:]

    public init(
        config: AlertPipelineConfig, store: (any AlertingStateStore)?, recorder: any NotificationRecorder,
        logger: Logger, resolvedRetention: Int64 = 15 * 60_000
    ) {
        self.config = config
        self.store = store
        self.recorder = recorder
        self.logger = logger
        self.resolvedRetention = resolvedRetention
        dispatcher = Dispatcher(route: config.escalation.route)
        silences = Silences()
        log = NotificationLog()
    }

    /// Reads what was saved (alerts, silences, the log) and puts the alerts back into groups.
    public func restore(now: Int64) {
        guard let store else { return }
        do {
            silences = Silences(try store.loadSilences(), retention: silences.retention)
            log = NotificationLog(try store.loadNotificationLog())
            for state in try store.loadEscalations() { escalations[state.groupID] = state }
            for resolution in try store.loadManualResolutions() {
                manualResolutions[resolution.fingerprint] = resolution
            }
            for loaded in try store.loadAlerts() {
                let alert = manualResolutions[loaded.fingerprint]?.apply(to: loaded, now: now) ?? loaded
                alerts[alert.fingerprint] = alert
                dispatcher.insert(alert, now: now)
            }
        } catch {
            logger.error("cannot read saved alerting state", metadata: ["error": "\(error)"])
        }
    }

    public func onWakeUp(_ action: @escaping @Sendable () -> Void) {
        wakeUp = action
    }

    /// Alerts arrive (from rule evaluation, or posted to the API when `persist` is true). Each is
    /// merged with the version already held, as Alertmanager's alert store merges.
    public func receive(_ incoming: [PipelineAlert], now: Int64, persist: Bool) {
        var changed: [PipelineAlert] = []
        var reopened: [String: AlertFingerprint] = [:]
        for alert in incoming {
            var merged = alert
            let wasFiring = alerts[alert.fingerprint].map { !$0.isResolved(at: now) } ?? false
            if let old = alerts[alert.fingerprint],
                (alert.endsAt > old.startsAt && alert.endsAt < old.endsAt)
                    || (alert.startsAt > old.startsAt && alert.startsAt < old.endsAt)
            {
                merged = old.merged(with: alert, at: now)
            }
            if let resolution = manualResolutions[merged.fingerprint] {
                if let stillResolved = resolution.apply(to: merged, now: now) {
                    merged = stillResolved
                } else {
                    forgetResolution(of: merged.fingerprint)
                }
            }
            alerts[alert.fingerprint] = merged
            let groupIDs = dispatcher.insert(merged, now: now)
            if !wasFiring, !merged.isResolved(at: now) {
                for id in groupIDs where reopensOnNewAlerts(id, startedAt: merged.startsAt) {
                    reopened[id] = reopened[id] ?? merged.fingerprint
                }
            }
            if merged.isResolved(at: now) { receivedTotal.resolved += 1 } else { receivedTotal.firing += 1 }
            if persist { changed.append(merged) }
        }
        if !changed.isEmpty, let store {
            do {
                try store.saveAlerts(changed, removing: [])
            } catch {
                logger.error(
                    "cannot save received alerts", metadata: ["error": "\(error)", "alerts": "\(changed.count)"])
            }
        }
        if !reopened.isEmpty { reopen(reopened, now: now) }
        wakeUp?()
    }

    /// Whether an alert that started firing at `startedAt` takes group `id`'s acknowledgement back:
    /// only one that started after the acknowledgement is news to whoever acknowledged (after a
    /// restart the rules re-send every firing alert, and those must not reopen anything).
    private func reopensOnNewAlerts(_ id: String, startedAt: Int64) -> Bool {
        guard let state = escalations[id], let acknowledgement = state.acknowledgement,
            startedAt > acknowledgement.at
        else { return false }
        return state.plan?.reopenOnNewAlerts ?? true
    }

    /// Takes back the acknowledgements of the groups a new alert started firing in (`reopen_on_new_alerts`):
    /// their escalations resume from the step they were at, audited as an unack by the daemon, via
    /// `new_alert`, from the alert that reopened each.
    private func reopen(_ groups: [String: AlertFingerprint], now: Int64) {
        var saved: [EscalationState] = []
        var removed: [String] = []
        var records: [AckRecord] = []
        for (id, fingerprint) in groups.sorted(by: { $0.key < $1.key }) {
            guard var state = escalations[id] else { continue }
            state.unacknowledge(at: now)
            if state.plan == nil { removed.append(id) } else { saved.append(state) }
            records.append(
                AckRecord(
                    action: .unack, groupKey: state.groupKey, by: "daemon", via: "new_alert",
                    source: "alert \(fingerprint)", at: now))
        }
        do {
            try commitAcknowledgements(saved: saved, removed: removed, records: records, now: now)
        } catch {
            logger.error(
                "cannot reopen acknowledged groups a new alert fired in",
                metadata: ["error": "\(error)", "groups": "\(records.map(\.groupKey))"])
        }
    }

    /// Counts alerts refused by validation (for `vigil_alerts_received_total{status="invalid"}`).
    public func countInvalid(_ count: Int) {
        receivedTotal.invalid += count
    }

    /// When the next group or escalation step is due (ms), if any.
    public var nextFlushTime: Int64? {
        let step = escalations.values.lazy.filter { !self.stalled.contains($0.groupID) }.compactMap(\.nextStepAt).min()
        return [dispatcher.nextFlushTime, step].compactMap { $0 }.min()
    }

    /// Flushes every due group and takes every due escalation step: decides each group's
    /// notifications (``Escalator``), records them with the escalations they change, then lets the
    /// groups forget the resolved alerts they sent. A failed record keeps everything for the next try.
    @discardableResult
    public func flush(now: Int64) -> [GroupNotification] {
        let due = dispatcher.dueFlushes(now: now)
        var work = due.map { (flush: $0, routeFlush: true) }
        let dueIDs = Set(due.map(\.id))
        for state in escalations.values where !dueIDs.contains(state.groupID) && !stalled.contains(state.groupID) {
            guard let at = state.nextStepAt, at <= now else { continue }
            if let flush = dispatcher.currentFlush(id: state.groupID, now: now) {
                work.append((flush, false))
            } else {
                stalled.insert(state.groupID)
            }
        }
        guard !work.isEmpty else { return [] }
        let inhibitor = Inhibitor(rules: config.escalation.inhibitRules, alerts: alerts.values, now: now)
        let escalator = config.escalator
        var all: [GroupNotification] = []
        var changes = EscalationChanges()
        var next = escalations
        var nowStalled: [String] = []
        for (flush, routeFlush) in work {
            let decision = escalator.decide(
                flush, state: escalations[flush.id], routeFlush: routeFlush, silences: silences, inhibitor: inhibitor,
                log: log, now: now)
            all += decision.notifications
            changes.steps += decision.steps
            if decision.state != escalations[flush.id] {
                next[flush.id] = decision.state
                if let state = decision.state { changes.saved.append(state) } else { changes.removed.append(flush.id) }
            }
            if let at = decision.state?.nextStepAt, at <= now { nowStalled.append(flush.id) }
        }
        // Every due group's decisions in one transaction: a burst of alerts is one write, not one per group.
        do {
            if !all.isEmpty || !changes.isEmpty { try recorder.record(all, escalations: changes) }
        } catch {
            logger.error(
                "cannot record notifications; the groups are retried at their next flush",
                metadata: ["groups": "\(work.count)", "error": "\(error)"])
            return []
        }
        escalations = next
        for (flush, routeFlush) in work where routeFlush { stalled.remove(flush.id) }
        stalled.formUnion(nowStalled)
        for step in changes.steps { stepsTotal[StepCounterKey(policy: step.policy, step: step.step), default: 0] += 1 }
        for notification in all { log.record(notification.logEntry) }
        for flush in due { dispatcher.completed(flush, now: now) }
        return all
    }

    /// Drops resolved alerts older than the retention, expired silences past theirs and expired log
    /// entries (Alertmanager's periodic maintenance).
    public func collectGarbage(now: Int64) {
        let stale = alerts.values.filter { $0.isResolved(at: now) && $0.endsAt + resolvedRetention <= now }
            .map(\.fingerprint)
        for fingerprint in stale {
            alerts[fingerprint] = nil
            dispatcher.remove(fingerprint)
        }
        let silenceIDs = silences.collectGarbage(now: now)
        let endedEscalations = orphanedEscalations(now: now)
        let logKeys = log.collectGarbage(now: now)
        guard let store else { return }
        do {
            if !stale.isEmpty { try store.saveAlerts([], removing: stale) }
            if !silenceIDs.isEmpty { try store.saveSilences([], removing: silenceIDs) }
            if !logKeys.isEmpty { try store.removeNotificationLog(logKeys) }
            if !endedEscalations.isEmpty { try store.saveEscalations([], removing: endedEscalations, audit: []) }
        } catch {
            logger.error("cannot remove expired alerting state", metadata: ["error": "\(error)"])
        }
    }

    /// Escalations whose group has been gone for the resolved-alert retention (its alerts were
    /// collected, or a restart's rules never sent them again): forgotten. A group merely not back yet
    /// after a restart keeps its escalation.
    private func orphanedEscalations(now: Int64) -> [String] {
        var ended: [String] = []
        for id in escalations.keys {
            if dispatcher.groups[id] != nil {
                missingSince[id] = nil
                continue
            }
            let since = missingSince[id] ?? now
            missingSince[id] = since
            if now - since >= resolvedRetention { ended.append(id) }
        }
        for id in ended {
            escalations[id] = nil
            missingSince[id] = nil
            stalled.remove(id)
        }
        return ended
    }

    /// A new configuration: groups are rebuilt under the new tree (as Alertmanager rebuilds its
    /// dispatcher), the notification log keeps anything already sent from being sent again.
    public func apply(_ config: AlertPipelineConfig, now: Int64) {
        self.config = config
        dispatcher = Dispatcher(route: config.escalation.route)
        for alert in alerts.values { dispatcher.insert(alert, now: now) }
        wakeUp?()
    }

    // MARK: Acknowledgements (see AlertPipeline+Acknowledge.swift)

    /// Every alert held in an acknowledged group, with its acknowledgement.
    public func acknowledgements() -> [AlertFingerprint: Acknowledgement] {
        var result: [AlertFingerprint: Acknowledgement] = [:]
        for state in escalations.values {
            guard let acknowledgement = state.acknowledgement, let group = dispatcher.groups[state.groupID] else {
                continue
            }
            for fingerprint in group.alerts.keys { result[fingerprint] = acknowledgement }
        }
        return result
    }

    /// Resolves the groups' firing alerts by hand until they fire again: saved with the audit
    /// entries first, then the alerts end now and the groups' next flush sends the resolve.
    func resolveByHand(_ groups: [AggregationGroup], by: String, via: String, source: String, now: Int64)
        throws(AckError) -> [AckRecord]
    {
        var resolutions: [ManualResolution] = []
        var records: [AckRecord] = []
        for group in groups {
            let firing = group.alerts.keys.compactMap { alerts[$0] }.filter { !$0.isResolved(at: now) }
            guard !firing.isEmpty else { continue }
            resolutions += firing.map {
                ManualResolution(fingerprint: $0.fingerprint, startsAt: $0.startsAt, resolvedAt: now, by: by)
            }
            records.append(AckRecord(action: .resolve, groupKey: group.key, by: by, via: via, source: source, at: now))
        }
        guard !records.isEmpty else { return [] }
        do {
            try store?.saveManualResolutions(resolutions, removing: [], audit: records)
        } catch {
            throw .storage("\(error)")
        }
        for resolution in resolutions {
            manualResolutions[resolution.fingerprint] = resolution
            guard var alert = alerts[resolution.fingerprint] else { continue }
            alert.endsAt = now
            alert.updatedAt = now
            alerts[alert.fingerprint] = alert
            dispatcher.insert(alert, now: now)
        }
        for record in records {
            acksTotal[AckCounterKey(action: record.action.rawValue, via: record.via), default: 0] += 1
        }
        wakeUp?()
        return records
    }

    private func forgetResolution(of fingerprint: AlertFingerprint) {
        manualResolutions[fingerprint] = nil
        do {
            try store?.saveManualResolutions([], removing: [fingerprint], audit: [])
        } catch {
            logger.error("cannot forget a manual resolution", metadata: ["error": "\(error)"])
        }
    }

    func groupsWithKey(_ key: String) -> [AggregationGroup] {
        dispatcher.groups.values.filter { $0.key == key }.sorted { $0.routeID < $1.routeID }
    }

    func groupsHolding(_ fingerprint: AlertFingerprint) -> [AggregationGroup] {
        dispatcher.groups.values.filter { $0.alerts[fingerprint] != nil }.sorted {
            ($0.key, $0.routeID) < ($1.key, $1.routeID)
        }
    }

    /// Saves acknowledgement changes with their audit entries, then applies them; nothing changes
    /// when the save fails. The alerting loop is woken only when a resumed step falls due before
    /// it would wake anyway (it never sleeps longer than ``longestSleep``): an acknowledgement only
    /// postpones work, and at thousands of acks a second a wake each would cost more than the ack.
    func commitAcknowledgements(
        saved: [EscalationState], removed: [String], records: [AckRecord], now: Int64
    ) throws(AckError) {
        guard !records.isEmpty else { return }
        do {
            try store?.saveEscalations(saved, removing: removed, audit: records)
        } catch {
            throw .storage("\(error)")
        }
        for state in saved {
            escalations[state.groupID] = state
            // Resumed: its next step may be due at once.
            stalled.remove(state.groupID)
        }
        for id in removed { escalations[id] = nil }
        for record in records {
            acksTotal[AckCounterKey(action: record.action.rawValue, via: record.via), default: 0] += 1
        }
        let acknowledged = saved.filter { $0.acknowledgement != nil }.map(\.groupID)
        let told = acknowledged.isEmpty ? [] : acknowledgementNotifications(for: acknowledged, now: now)
        if !told.isEmpty {
            do {
                try recorder.record(told)
            } catch {
                logger.error(
                    "cannot queue the acknowledgement for the pagers that follow acknowledgements",
                    metadata: ["error": "\(error)", "groups": "\(told.map(\.groupKey))"])
            }
        }
        if saved.contains(where: { ($0.nextStepAt ?? .max) <= now + Self.longestSleep }) { wakeUp?() }
    }

    // MARK: Silences

    /// Creates or updates a silence (see ``Silences/set(_:now:newID:)``) and saves what changed.
    public func setSilence(_ silence: Silence, now: Int64, newID: () -> String) throws(SilenceError) -> String {
        var next = silences
        let result = try next.set(silence, now: now, newID: newID)
        try save(result.changed)
        silences = next
        return result.id
    }

    /// Expires a silence now and saves it.
    public func expireSilence(id: String, now: Int64) throws(SilenceError) {
        var next = silences
        let expired = try next.expire(id: id, now: now)
        try save([expired])
        silences = next
    }

    private func save(_ changed: [Silence]) throws(SilenceError) {
        do {
            try store?.saveSilences(changed, removing: [])
        } catch {
            throw .invalid("cannot save the silence: \(error)")
        }
    }

    // MARK: Views for the API

    /// Every alert held, with what it is muted by and the receivers its routes name.
    public func alertViews(now: Int64) -> [AlertView] {
        let inhibitor = Inhibitor(rules: config.escalation.inhibitRules, alerts: alerts.values, now: now)
        // Each alert's escalation: that of a group holding it, an acknowledged one first.
        var escalationOf: [AlertFingerprint: EscalationState] = [:]
        for state in escalations.values {
            guard let group = dispatcher.groups[state.groupID] else { continue }
            for fingerprint in group.alerts.keys where escalationOf[fingerprint]?.acknowledgement == nil {
                escalationOf[fingerprint] = state
            }
        }
        return alerts.values.sorted { $0.fingerprint < $1.fingerprint }.map { alert in
            let receivers = Array(Set(config.escalation.route.match(alert.labels).map(\.options.receiver))).sorted()
            var view = AlertView(
                alert: alert, receivers: receivers, silencedBy: silences.silencing(alert.labels, at: now),
                inhibitedBy: inhibitor.inhibitor(of: alert.labels).map { [$0.description] } ?? [], now: now)
            view.escalation = escalationOf[alert.fingerprint].map(NotificationEscalation.init)
            return view
        }
    }

    /// The aggregation groups with their alerts' views, in Alertmanager's order: by group labels
    /// (`LabelSet.Before`), then receiver; alerts by `job`, `instance`, then labels.
    public func groupViews(now: Int64) -> [GroupView] {
        let views = Dictionary(alertViews(now: now).map { ($0.alert.fingerprint, $0) }, uniquingKeysWith: { a, _ in a })
        let groups = dispatcher.groups.map { id, group in
            GroupView(
                groupKey: group.key, routeID: group.routeID, labels: group.groupLabels,
                receiver: group.options.receiver,
                alerts: group.alerts.values.sorted(by: AggregationGroup.alertmanagerOrder).compactMap {
                    views[$0.fingerprint]
                }, escalation: escalations[id].map(NotificationEscalation.init))
        }
        return groups.sorted { lhs, rhs in
            if lhs.labels != rhs.labels { return AggregationGroup.labelSetBefore(lhs.labels, rhs.labels) }
            if lhs.receiver != rhs.receiver { return lhs.receiver < rhs.receiver }
            return (lhs.groupKey, lhs.routeID) < (rhs.groupKey, rhs.routeID)
        }
    }
}

/// An alert as the API shows it: its state, and what mutes it.
public struct AlertView: Sendable, Equatable {
    public var alert: PipelineAlert
    public var receivers: [String]
    public var silencedBy: [String]
    public var inhibitedBy: [String]
    /// `active`, `suppressed` (silenced or inhibited) or `unprocessed`, as Alertmanager's API says.
    public var state: String
    public var isResolved: Bool
    /// The escalation of a group holding the alert (an acknowledged one first), if any.
    public var escalation: NotificationEscalation?

    public init(alert: PipelineAlert, receivers: [String], silencedBy: [String], inhibitedBy: [String], now: Int64) {
        self.alert = alert
        self.receivers = receivers
        self.silencedBy = silencedBy
        self.inhibitedBy = inhibitedBy
        state = silencedBy.isEmpty && inhibitedBy.isEmpty ? "active" : "suppressed"
        isResolved = alert.isResolved(at: now)
    }
}

/// An aggregation group as `GET /api/v2/alerts/groups` shows it.
public struct GroupView: Sendable, Equatable {
    public var groupKey: String
    public var routeID: String
    public var labels: Labels
    public var receiver: String
    public var alerts: [AlertView]
    /// This group's escalation and acknowledgement, if it has one.
    public var escalation: NotificationEscalation?
}
