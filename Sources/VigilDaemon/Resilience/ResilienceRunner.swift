import Foundation
import Logging
import Resilience
import Schedule
import Server
import Storage

/// Runs the resilience engine on every evaluation tick and hands its samples to the sinks
/// (`/metrics` now, the series store later).
///
/// The engine is pure and deterministic, so it runs only when something it reads changed: the
/// schedule's version, the window (a new day, a new `as_of` or horizon), the engine state or the
/// settings. Otherwise the cached report is used again. It runs in this actor, on the cooperative
/// pool: it is CPU work of milliseconds to about a second a year of a large program, done at most
/// once per change, which a dedicated thread would not make faster.
///
/// The engine state (load-shedding level, active fallback) lives here and in SQLite, so an
/// operator's decision survives a restart; changing it re-evaluates at once.
actor ResilienceRunner {
    private struct EvaluationKey: Equatable {
        var version: Int
        var window: ScheduleWindow
        var state: EngineState
        var settings: ResilienceSettings
    }

    private let source: ScheduleSource
    private let sinks: [any ResilienceSampleSink]
    private let metrics: ResilienceRunMetrics
    private let stateStore: ResilienceStateStore
    private let changes: ScheduleChangeStore
    /// The last schedule version seen, to count the slots the next one changes.
    private var previous: (version: Int, program: Program)?
    private let audit: AuditWriter
    private let logger: Logger
    private(set) var engineState: EngineState
    /// Who last set the engine state and when; nil when never set (the defaults are in force).
    private(set) var stateChange: (actor: String, at: Date)?
    private var cached: (key: EvaluationKey, report: ResilienceReport)?
    private var violations = ViolationTally()
    /// `schedule_violations_total` by type, as the series store's sink receives it.
    private var violationTotals: [String: Int] = [:]
    /// How many times the engine actually ran (not counting reuses of the cached report).
    private(set) var evaluations = 0

    init(
        source: ScheduleSource, sinks: [any ResilienceSampleSink], metrics: ResilienceRunMetrics,
        stateStore: ResilienceStateStore, changes: ScheduleChangeStore, audit: @escaping AuditWriter, logger: Logger
    ) {
        self.source = source
        self.sinks = sinks
        self.metrics = metrics
        self.stateStore = stateStore
        self.changes = changes
        self.audit = audit
        self.logger = logger
        var state = EngineState()
        do {
            if let stored = try stateStore.load() {
                if let restored = EngineState(stored: stored) {
                    state = restored
                    stateChange = (stored.actor, stored.updatedAt)
                } else {
                    logger.error(
                        "the stored resilience state names values this Vigil does not know; using the defaults",
                        metadata: [
                            "load_shedding_level": "\(stored.loadSheddingLevel)",
                            "active_fallback": "\(stored.activeFallback ?? "none")",
                        ])
                }
            }
        } catch {
            logger.error("cannot read the stored resilience state; using the defaults", metadata: ["error": "\(error)"])
        }
        engineState = state
    }

    /// The latest report, if a schedule was ever evaluated.
    var latestReport: ResilienceReport? { cached?.report }
    /// When the latest report was last confirmed current (evaluated, or reused unchanged).
    private(set) var evaluatedAt: Date?

    /// One evaluation tick: notices a changed schedule file, then evaluates if needed and exports.
    func tick(at now: Date, config: VigilConfig) async {
        await source.poll(path: config.schedule.path, at: now)
        await refresh(at: now, config: config)
    }

    /// Evaluates the schedule in force if anything the engine reads changed, and hands the
    /// report's samples to every sink. Without a schedule it does nothing: no resilience metrics.
    func refresh(at now: Date, config: VigilConfig) async {
        guard let loaded = await source.current else { return }
        let report = report(for: loaded, now: now, config: config)
        let samples = report.samples()
        let counters = violationTotals.sorted { $0.key < $1.key }.map { type, total in
            ResilienceSample(
                name: "schedule_violations_total", labels: [("violation_type", type)], value: Double(total),
                kind: .counter, help: "Schedule violations seen for the first time since start, by type.")
        }
        for sink in sinks {
            await sink.ingest(sink.wantsViolationCounters ? samples + counters : samples, at: now)
        }
        metrics.recordSuccess(at: now)
        evaluatedAt = now
    }

    /// Why a state change was not made.
    enum StateChangeFailure: Error, Sendable {
        case invalid([InputProblem])
        case notStored(StorageError)
    }

    /// Applies a `PUT /api/v1/resilience/state` body to the state in force (read, checked and
    /// written without an await in between, so two concurrent changes cannot lose one another).
    func changeState(with body: [UInt8], actor: String, at now: Date) async -> Result<Void, StateChangeFailure> {
        switch EngineStateRequest.parse(body, current: engineState) {
        case .invalid(let problems):
            return .failure(.invalid(problems))
        case .state(let state):
            do throws(StorageError) {
                try await setState(state, actor: actor, at: now)
                return .success(())
            } catch {
                return .failure(.notStored(error))
            }
        }
    }

    /// Puts `state` in force: stored first (so a refused write changes nothing), then audited.
    func setState(_ state: EngineState, actor: String, at now: Date) async throws(StorageError) {
        try stateStore.save(StoredResilienceState(state, actor: actor, at: now))
        let previous = engineState
        engineState = state
        stateChange = (actor, now)
        logger.notice(
            "resilience state changed",
            metadata: [
                "actor": "\(actor)", "load_shedding_level": "\(state.sheddingLevel)",
                "active_fallback": "\(state.activeFallback?.rawValue ?? "none")",
            ])
        await audit(
            actor, "resilience.state", now,
            [
                "load_shedding_level": "\(state.sheddingLevel.rawValue)",
                "active_fallback": state.activeFallback?.rawValue ?? "",
                "previous_load_shedding_level": "\(previous.sheddingLevel.rawValue)",
                "previous_active_fallback": previous.activeFallback?.rawValue ?? "",
            ])
    }

    private func report(for loaded: LoadedSchedule, now: Date, config: VigilConfig) -> ResilienceReport {
        let window = EngineWindow.window(for: config.schedule, timezone: loaded.program.timezone, now: now)
        let churn = churn(of: loaded, now: now)
        let key = EvaluationKey(
            version: loaded.version, window: window, state: engineState, settings: config.resilience)
        if var cached, cached.key == key || cached.key.version > loaded.version {
            // Unchanged, or a newer schedule was evaluated while this call waited for the source. Only
            // the phase-transition risk reads the churn: a change of it (a new row, one aging out of
            // the 7 days) updates that part alone instead of running the whole engine again.
            if cached.report.phaseTransition.churn != churn {
                cached.report.phaseTransition = PhaseTransitionRisk(
                    utilization: cached.report.utilization.rate, churn: churn)
                self.cached = cached
            }
            return cached.report
        }
        let report = ResilienceEngine(settings: config.resilience).evaluate(
            program: loaded.program, window: window, state: engineState, churn: churn)
        evaluations += 1
        metrics.observe(report.timings)
        for (type, count) in violations.record(report.violationIdentities) {
            metrics.countNewViolations(type: type, count: count)
            violationTotals[type, default: 0] += count
        }
        cached = (key, report)
        logger.debug(
            "resilience evaluated",
            metadata: [
                "window": "\(window)", "defense_level": "\(report.defense.level)",
                "seconds": "\(report.timings.total)",
            ])
        return report
    }

    /// Records the slots a newer schedule version changed against the last one seen (the first
    /// version after a start has nothing to compare with), then answers the slots changed in the
    /// last 7 days; nil when the history cannot be read.
    private func churn(of loaded: LoadedSchedule, now: Date) -> Int? {
        if let previous, previous.version < loaded.version {
            let changed = ScheduleChurn.changedSlots(from: previous.program, to: loaded.program)
            if changed > 0 {
                do {
                    try changes.record(slots: changed, source: loaded.origin.name, at: now)
                } catch {
                    logger.error("cannot record a schedule change", metadata: ["error": "\(error)"])
                }
            }
        }
        if previous.map({ $0.version < loaded.version }) ?? true { previous = (loaded.version, loaded.program) }
        do {
            return try changes.slotsChanged(since: now.addingTimeInterval(-7 * 86_400))
        } catch {
            logger.error("cannot read the schedule change history", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
