import Alerting
import Foundation
import Logging
import PromQL
import Rules
import TimeSeries
import VigilCore

/// Runs the loaded rule groups, each on its own interval, and swaps them on reload.
///
/// Groups are value types held here; each has a loop task that sleeps on the injected clock and asks the
/// manager to evaluate it. The evaluation itself runs in the loop's task, outside the actor (the group
/// is checked out, evaluated, and checked back in), so groups evaluate concurrently, as many at once as
/// Swift's cooperative pool has threads (the cores), each still in order inside itself; saving alert
/// state is handed to a writer and never waited for. A reload (``apply(_:config:)``) builds the new groups, carries alerts over to
/// rules with the same group, name and labels, marks the series of vanished rules stale, and restarts
/// only the loops whose interval changed. Alerts are saved after every group tick and restored at start.
public actor RuleManager {
    private struct Running {
        var group: RuleGroup
        var loop: Task<Void, Never>?
        /// The reload that put this group value here: an evaluation checked out before a later reload
        /// is not checked back in over the reloaded group.
        var generation: Int
    }

    private let store: SeriesStore
    private let clock: any VigilClock
    private let logger: Logger
    private let metrics: RuleMetrics
    private let persistence: (any RuleStatePersistence)?
    /// Writes alert state off the evaluation path; nil without persistence.
    private let writer: AlertStateWriter?
    private let writerTask: Task<Void, Never>?
    /// Per group, the alerts as last handed to the writer, to save only what changed.
    private var savedState: [String: [AlertIdentity: Alert]] = [:]
    private let restoreOptions: AlertRestoreOptions
    private var context: RuleEvaluationContext
    private var running: [String: Running] = [:]
    private var order: [String] = []
    private var generation = 0
    /// Saved alerts not yet handed to their group (read once, at the first apply).
    private var saved: [String: [PersistedAlert]]?
    /// Where each group's alerts go after its evaluation (the alerting pipeline).
    private var alertSink: (@Sendable ([PipelineAlert], Int64) async -> Void)?
    private var handOff = RuleAlertHandOff(externalLabels: Labels(), externalURL: "")
    /// Per group, the evaluation time up to which resolved alerts were handed over.
    private var handedOffUntil: [String: Int64] = [:]

    init(
        store: SeriesStore, clock: any VigilClock, logger: Logger, metrics: RuleMetrics,
        persistence: (any RuleStatePersistence)?, restoreOptions: AlertRestoreOptions = AlertRestoreOptions(),
        engine: QueryEngine = QueryEngine()
    ) {
        self.store = store
        self.clock = clock
        self.logger = logger
        self.metrics = metrics
        self.persistence = persistence
        let writer = persistence.map { AlertStateWriter(persistence: $0, logger: logger) }
        self.writer = writer
        writerTask = writer.map { writer in Task { await writer.run() } }
        self.restoreOptions = restoreOptions
        context = RuleEvaluationContext(store: store, engine: engine)
    }

    /// Sends every group's firing and newly resolved alerts to `sink` after each evaluation.
    public func sendAlerts(to sink: @escaping @Sendable ([PipelineAlert], Int64) async -> Void) {
        alertSink = sink
    }

    /// Alerts firing across all groups, as of the latest evaluation.
    public private(set) var firingAlerts = 0

    /// The groups as they stand, in file order (snapshots: value types).
    public var groups: [RuleGroup] {
        order.compactMap { running[$0]?.group }
    }

    /// Replaces the running groups with those of `files`.
    public func apply(_ files: [RuleFile], config: VigilConfig) {
        let now = SeriesTime.milliseconds(clock.now())
        context.externalLabels = Labels(config.global.externalLabels)
        context.externalURL = config.global.externalURL ?? ""
        handOff = RuleAlertHandOff(
            externalLabels: Labels(config.global.externalLabels),
            externalURL: config.global.externalURL ?? "http://\(config.web.listenAddress)")
        if saved == nil { saved = loadSaved() }
        generation += 1
        var next: [String: Running] = [:]
        var nextOrder: [String] = []
        var orphans: [String] = []
        var longestWindow: Int64 = 0
        for file in files {
            for definition in file.groups {
                var group = RuleGroup(
                    definition, file: file.path, defaultInterval: config.global.evaluationInterval.milliseconds)
                longestWindow = max(longestWindow, definition.rules.map(\.expression.window).max() ?? 0)
                var loop: Task<Void, Never>?
                if let old = running[group.key] {
                    orphans += group.inheritState(from: old.group)
                    if old.group.interval == group.interval { loop = old.loop } else { old.loop?.cancel() }
                } else if let alerts = saved?.removeValue(forKey: group.key) {
                    let restored = group.restore(alerts, at: now, options: restoreOptions)
                    if restored > 0 {
                        logger.info("alerts restored", metadata: ["group": "\(group.key)", "alerts": "\(restored)"])
                    }
                }
                metrics.recordRules(of: group)
                next[group.key] = Running(group: group, loop: loop, generation: generation)
                nextOrder.append(group.key)
            }
        }
        for (key, old) in running where next[key] == nil {
            old.loop?.cancel()
            orphans += old.group.sources
            metrics.removeGroup(key)
        }
        for source in orphans {
            store.retire(source: source, at: now)
        }
        for key in nextOrder {
            guard let entry = next[key], entry.loop == nil else { continue }
            next[key]?.loop = startLoop(key: key, interval: entry.group.interval)
        }
        running = next
        order = nextOrder
        store.retention = SeriesRetention.milliseconds(
            configured: config.storage.seriesRetention?.milliseconds, longestRuleWindow: longestWindow)
        writer?.submit(.removeGroups(notIn: Set(nextOrder)))
        savedState = savedState.filter { next[$0.key] != nil }
        logger.info(
            "rules loaded",
            metadata: [
                "files": "\(files.count)", "groups": "\(nextOrder.count)",
                "rules": "\(groups.map(\.rules.count).reduce(0, +))",
            ])
    }

    /// Evaluates one group at `time` (ms), off the actor, and saves its alerts.
    nonisolated func evaluate(key: String, at time: Int64) async {
        guard var checkedOut = await checkOut(key) else { return }
        let failures = checkedOut.group.evaluate(at: time, in: checkedOut.context)
        await checkIn(key, checkedOut.group, generation: checkedOut.generation, failures: failures, at: time)
    }

    /// The group as it stands and what evaluating it needs; nil when no such group runs.
    func checkOut(_ key: String) -> (group: RuleGroup, context: RuleEvaluationContext, generation: Int)? {
        running[key].map { ($0.group, context, $0.generation) }
    }

    /// Puts an evaluated group back, records it and saves its alerts, unless a reload replaced the
    /// group meanwhile (then this evaluation is dropped; the reloaded group evaluates at its next tick).
    func checkIn(_ key: String, _ group: RuleGroup, generation: Int, failures: Int, at time: Int64) async {
        guard running[key]?.generation == generation else {
            logger.debug("a reload replaced the group during its evaluation", metadata: ["group": "\(key)"])
            return
        }
        running[key]?.group = group
        metrics.recordEvaluation(of: group, failures: failures)
        save(group, key: key, at: time)
        var pending = 0
        var firing = 0
        for entry in running.values {
            for rule in entry.group.alertingRules {
                for alert in rule.activeAlerts {
                    if alert.state == .firing { firing += 1 } else if alert.state == .pending { pending += 1 }
                }
            }
        }
        metrics.recordAlerts(pending: pending, firing: firing)
        firingAlerts = firing
        if let alertSink {
            let alerts = handOff.alerts(of: group, now: time, since: handedOffUntil[key] ?? Int64.min)
            handedOffUntil[key] = time
            if !alerts.isEmpty { await alertSink(alerts, time) }
        }
    }

    /// Hands the group's changed alerts to the writer (the whole group after a failed write or at its
    /// first evaluation); never waits for the database.
    private func save(_ group: RuleGroup, key: String, at time: Int64) {
        guard let writer else { return }
        let current = group.persistedAlerts
        var state: [AlertIdentity: Alert] = [:]
        state.reserveCapacity(current.count)
        for entry in current { state[AlertIdentity(rule: entry.rule, labels: entry.alert.labels)] = entry.alert }
        defer { savedState[key] = state }
        guard let previous = savedState[key], !writer.takeFailure(of: key) else {
            writer.submit(.replace(group: key, alerts: current))
            return
        }
        let changed = current.filter { entry in
            guard let before = previous[AlertIdentity(rule: entry.rule, labels: entry.alert.labels)] else {
                return true
            }
            return !Self.sameForSaving(before, entry.alert)
        }
        let removed = previous.keys.filter { state[$0] == nil }
        writer.submit(.changes(group: key, changed: changed, removed: removed, savedAt: time))
    }

    /// Equal in everything a restart needs (the expression's value is left out: it changes every
    /// evaluation and is recomputed at the first one after a restart).
    static func sameForSaving(_ lhs: Alert, _ rhs: Alert) -> Bool {
        lhs.state == rhs.state && lhs.activeAt == rhs.activeAt && lhs.firedAt == rhs.firedAt
            && lhs.resolvedAt == rhs.resolvedAt && lhs.keepFiringSince == rhs.keepFiringSince
            && lhs.annotations == rhs.annotations
    }

    func recordMissed(_ count: Int, key: String) {
        metrics.recordMissed(count, group: key)
        logger.warning("rule group evaluation fell behind", metadata: ["group": "\(key)", "missed": "\(count)"])
    }

    /// Stops every loop (shutdown).
    public func stopAll() async {
        let loops = running.values.compactMap(\.loop)
        for loop in loops { loop.cancel() }
        for loop in loops { await loop.value }
        writer?.finish()
        await writerTask?.value
    }

    private func startLoop(key: String, interval: Int64) -> Task<Void, Never> {
        let loop = RuleGroupLoop(key: key, interval: interval, clock: clock, manager: self)
        return Task { await loop.run() }
    }

    private func loadSaved() -> [String: [PersistedAlert]] {
        do {
            return try persistence?.loadAlerts() ?? [:]
        } catch {
            logger.error("cannot read saved alert state; alerts start afresh", metadata: ["error": "\(error)"])
            return [:]
        }
    }
}
