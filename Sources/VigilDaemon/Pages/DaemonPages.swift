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
}
