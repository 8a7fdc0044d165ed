import Foundation
import Incidents
import Prometheus
import Resilience
import Schedule
import Storage
import VigilCore

/// Carries out incidents' proposals in the daemon: the recovery point is an online backup of the
/// database into `<data>/backups/` (the schedule version in force is in it), the change goes
/// through the resilience runner as `PUT /api/v1/resilience/state` does, and the engine is re-run
/// at once so the figures after are real. Counts `resilience_load_shedding_events_total` and
/// `resilience_fallback_activations_total`.
struct DaemonIncidentActuator: IncidentActuator {
    let runner: ResilienceRunner
    let schedule: ScheduleSource
    let state: DaemonState
    let database: VigilDatabase
    let backups: String
    let registry: PrometheusCollectorRegistry
    let clock: any VigilClock

    func decisionContext() async -> DecisionContext? {
        guard let report = await runner.latestReport, let program = await schedule.current?.program else {
            return nil
        }
        let settings = await state.config.resilience
        let window = report.window
        return DecisionContext(report: report, program: program) { changed, proposed in
            ResilienceEngine(settings: settings).evaluate(program: changed, window: window, state: proposed)
        }
    }

    func recoveryPoint(incident: String, proposal: Int) async throws -> String {
        let version = await schedule.current?.version ?? 0
        let name = "\(DatabaseBackup.stamp(clock.now()))-\(incident)-proposal\(proposal)-schedule-v\(version).db"
        let path = (backups as NSString).appendingPathComponent(name)
        _ = try DatabaseBackup.backup(database, to: path)
        return path
    }

    func restoreNormal(incident: String, by: String) async throws -> Proposal.Effect {
        try await change(incident: incident, by: by) { _ in EngineState() }
    }

    func apply(_ proposal: Proposal, incident: String, by: String) async throws -> Proposal.Effect {
        if proposal.strategy == .rollback {
            return try await reschedule(incident: incident, by: by, what: "the rollback") { actor, now in
                if case .failure(let failure) = await schedule.rollback(actor: actor, at: now) {
                    throw ActionError("\(failure)")
                }
            }
        }
        if proposal.strategy == .repair {
            guard let changes = proposal.changes, !changes.isEmpty else {
                throw ActionError("proposal \(proposal.number) names no reassignments")
            }
            let effect = try await reschedule(incident: incident, by: by, what: "the repair") { actor, now in
                guard let program = await schedule.current?.program else { throw ActionError("no schedule is loaded") }
                let repaired: Program
                do {
                    repaired = try Repair.apply(changes, to: program)
                } catch {
                    throw ActionError("\(error)")
                }
                let body = Array(ScheduleEncoder.encode(repaired).utf8)
                if case .failure(let failure) = await schedule.push(body, actor: actor, at: now) {
                    throw ActionError("the repaired schedule was not accepted: \(failure)")
                }
            }
            guard let level = proposal.sheddingLevel.flatMap(LoadSheddingLevel.init(rawValue:)) else { return effect }
            // The assessment's cascade: its reassignments hold only with the lower categories shed.
            let shed = try await change(incident: incident, by: by) { current in
                var engineState = current
                engineState.sheddingLevel = level
                return engineState
            }
            var combined = effect
            (combined.defenseAfter, combined.coverageAfter) = (shed.defenseAfter, shed.coverageAfter)
            (combined.utilizationAfter, combined.gapSlotsAfter) = (shed.utilizationAfter, shed.gapSlotsAfter)
            return combined
        }
        return try await change(incident: incident, by: by) { current in
            var engineState = current
            switch proposal.strategy {
            case .loadShedding:
                guard let level = proposal.sheddingLevel.flatMap(LoadSheddingLevel.init(rawValue:)) else {
                    throw ActionError("proposal \(proposal.number) names no load-shedding level")
                }
                engineState.sheddingLevel = level
            case .fallback:
                guard let scenario = proposal.fallback.flatMap(FallbackScenario.init(rawValue:)) else {
                    throw ActionError("proposal \(proposal.number) names no known fallback")
                }
                engineState.activeFallback = scenario
            case .rollback, .repair:
                return current
            case .investigate:
                throw ActionError("investigating changes nothing")
            }
            return engineState
        }
    }

    /// Puts a new schedule version in force through `push`, re-runs the engine, and returns the
    /// figures before and after.
    private func reschedule(
        incident: String, by: String, what: String, _ push: (String, Date) async throws -> Void
    ) async throws -> Proposal.Effect {
        guard let before = await runner.latestReport else { throw ActionError("no schedule is loaded") }
        let now = clock.now()
        try await push("incident \(incident) (\(by))", now)
        await runner.refresh(at: now, config: await state.config)
        guard let after = await runner.latestReport else {
            throw ActionError("the engine gave no report after \(what)")
        }
        return Self.effect(before, after)
    }

    /// Puts the state `next` makes of the current one in force, re-runs the engine, counts the change.
    private func change(
        incident: String, by: String, _ next: (EngineState) throws -> EngineState
    ) async throws -> Proposal.Effect {
        guard let before = await runner.latestReport else { throw ActionError("no schedule is loaded") }
        let engineState = try next(await runner.engineState)
        let now = clock.now()
        let previous = await runner.engineState
        try await runner.setState(engineState, actor: "incident \(incident) (\(by))", at: now)
        await runner.refresh(at: now, config: await state.config)
        let counters = ResilienceCounters(registry: registry)
        if previous.sheddingLevel != engineState.sheddingLevel {
            counters.loadSheddingEvents(from: previous.sheddingLevel, to: engineState.sheddingLevel).increment()
        }
        if let scenario = engineState.activeFallback, previous.activeFallback != scenario {
            counters.fallbackActivations(scenario).increment()
        }
        guard let after = await runner.latestReport else {
            throw ActionError("the engine gave no report after the change")
        }
        return Self.effect(before, after)
    }

    static func effect(_ before: ResilienceReport, _ after: ResilienceReport) -> Proposal.Effect {
        Proposal.Effect(
            defenseBefore: before.defense.level.description, defenseAfter: after.defense.level.description,
            coverageBefore: before.coverage.rate, coverageAfter: after.coverage.rate,
            utilizationBefore: before.utilization.rate, utilizationAfter: after.utilization.rate,
            gapSlotsBefore: before.coverage.gapSlots, gapSlotsAfter: after.coverage.gapSlots)
    }
}
