import Foundation
import Resilience
import Schedule
import Server
import VigilCore

/// The daemon's side of the schedule and resilience routes: pushes go to the schedule source,
/// state changes to the engine runner, and either is evaluated at once so the answer (and
/// `/metrics`) already reflect it.
struct DaemonScheduleControl: ScheduleControl {
    let source: ScheduleSource
    let runner: ResilienceRunner
    let state: DaemonState
    let clock: any VigilClock

    func pushSchedule(_ body: [UInt8], actor: String) async -> ScheduleControlReply {
        let now = clock.now()
        switch await source.push(body, actor: actor, at: now) {
        case .failure(.invalid(let error)):
            return .rejected(problems: error.inputProblems, omitted: error.omittedCount)
        case .failure(.notStored(let error)):
            return .failed(
                reason: "the schedule is valid but could not be stored, so it was not put in force: \(error)")
        case .success:
            await runner.refresh(at: now, config: await state.config)
            return await scheduleSummary()
        }
    }

    func scheduleSummary() async -> ScheduleControlReply {
        guard let loaded = await source.current else {
            let reason = await source.lastFileFailure.map { "no schedule loaded: \($0)" } ?? "no schedule loaded yet"
            return .unavailable(reason: reason)
        }
        let config = await state.config
        let report = await runner.latestReport
        let window =
            report?.window
            ?? EngineWindow.window(for: config.schedule, timezone: loaded.program.timezone, now: clock.now())
        return .ok(
            json: DaemonJSON.encode(
                ScheduleSummaryDocument(
                    loaded: loaded, window: window, lastFileFailure: await source.lastFileFailure,
                    headline: report.map(ResilienceHeadline.init))))
    }

    func resilienceState() async -> ScheduleControlReply {
        .ok(
            json: DaemonJSON.encode(
                EngineStateDocument(state: await runner.engineState, change: await runner.stateChange)))
    }

    func setResilienceState(_ body: [UInt8], actor: String) async -> ScheduleControlReply {
        let now = clock.now()
        switch await runner.changeState(with: body, actor: actor, at: now) {
        case .failure(.invalid(let problems)):
            return .rejected(problems: problems, omitted: 0)
        case .failure(.notStored(let error)):
            return .failed(reason: "the resilience state could not be stored, so it was not changed: \(error)")
        case .success:
            await runner.refresh(at: now, config: await state.config)
            return await resilienceState()
        }
    }

    func resilienceReport() async -> ScheduleControlReply {
        guard let report = await runner.latestReport else {
            return .unavailable(reason: "no resilience report yet: no schedule has been loaded")
        }
        return .ok(json: Array(report.json(pretty: false).utf8))
    }

    func resilienceAdvice() async -> ScheduleControlReply {
        guard let report = await runner.latestReport else {
            return .unavailable(reason: "no cross-training advice yet: no schedule has been loaded")
        }
        return .ok(json: Array(report.advice.json(pretty: false).utf8))
    }
}
