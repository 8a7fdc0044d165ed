import Alerting
import Foundation
import Pages
import Schedule
import Server
import VigilCore

/// The daemon's web pages: gathers what the services hold now (the engine's last report, the alert
/// groups, open incidents, on-call shifts) and hands it to the `Pages` renderers. Reads only, and
/// never runs the engine.
struct DaemonPages: WebPages {
    let resilience: ResilienceRunner
    let schedule: ScheduleSource
    let pipeline: AlertPipeline
    let incidents: IncidentService
    let rules: RuleManager
    let clock: any VigilClock

    var stylesheet: String { Stylesheet.text }

    private func timeZone() async -> TimeZone {
        await schedule.current?.program.timezone.flatMap(TimeZone.init(identifier:)) ?? .gmt
    }

    func statusBoard() async -> String {
        let now = clock.now().unixMilliseconds
        let program = await schedule.current?.program
        var names: [String: String] = [:]
        for person in program?.people ?? [] { names[person.id] = person.name }
        let open = (try? await incidents.list(state: "open", since: nil)) ?? []
        return StatusBoard.render(
            StatusBoard.Input(
                report: await resilience.latestReport, names: names,
                evaluatedAt: await resilience.evaluatedAt?.unixMilliseconds, groups: await pipeline.groupViews(now: now),
                incidents: open, onCall: await pipeline.onCall(at: now), now: now, timeZone: await timeZone()))
    }

    func alerts(query: [(name: String, value: String)]) async -> String {
        let now = clock.now().unixMilliseconds
        return AlertsPage.render(
            groups: await pipeline.groupViews(now: now), filter: AlertsPage.Filter(query: query), now: now,
            timeZone: await timeZone())
    }

    func incidents() async -> String {
        IncidentPages.list((try? await incidents.list(state: nil, since: nil)) ?? [], timeZone: await timeZone())
    }

    func incident(id: String) async -> String? {
        guard let incident = try? await incidents.incident(id: id) else { return nil }
        return IncidentPages.detail(incident, timeZone: await timeZone())
    }

    func onCall() async -> String {
        OnCallPage.render(await pipeline.onCall(at: clock.now().unixMilliseconds), timeZone: await timeZone())
    }

    func rules() async -> String {
        RulesPage.render(await rules.groups, timeZone: await timeZone())
    }
}
