import Alerting
import Foundation
import Incidents
import Notify
import Resilience
import Rules
import Storage
import TimeSeries
import VigilCore

/// Gathers what the "observe" step reads at the moment an incident opens, from the services that
/// hold it: the engine's latest report and its window index, the firing alerts, schedule pushes
/// in the last 24 hours, deliveries that failed and scrapes that failed in the last 30 minutes.
struct IncidentObservationSource: Sendable {
    let resilience: ResilienceRunner
    let schedule: ScheduleSource
    let alerting: AlertingService
    let series: SeriesStore
    let changes: ScheduleChangeStore

    func input(now: Int64) async -> Observer.Input {
        let report = await resilience.latestReport
        var index: WindowIndex?
        if let report, let program = await schedule.current?.program {
            let suspended = report.state.sheddingLevel.suspendedCategories.union(
                report.state.activeFallback?.suspendedCategories ?? [])
            index = WindowIndex(program: program, window: report.window, suspended: suspended)
        }
        let firing = await alerting.pipeline.alertViews(now: now).filter { !$0.isResolved }.map {
            $0.alert.name + $0.alert.labels.description
        }
        let recent = now - 30 * 60_000
        let failed = ((try? alerting.outbox.messages(state: nil, limit: 1_000)) ?? []).compactMap {
            message -> Observation.FailedDelivery? in
            guard let error = message.lastError, message.state != .delivered,
                max(message.createdAt, message.nextAttemptAt) >= recent
            else { return nil }
            return Observation.FailedDelivery(
                receiver: message.receiver, integration: message.integration, error: error, at: message.nextAttemptAt)
        }
        var scrapes: [String] = []
        if let up = try? LabelMatcher("__name__", .equal, "up") {
            for series in series.select([up], from: recent, through: now)
            where series.samples.contains(where: { $0.value == 0 }) {
                scrapes.append("\(series.labels["job"] ?? "")/\(series.labels["instance"] ?? "")")
            }
        }
        let changed = try? changes.slotsChanged(since: Date(unixMilliseconds: now - 86_400_000))
        // The last change in the last day, as who and which slots it touched.
        var lastChange: ScheduleDiff?
        if let current = await schedule.current, let previous = await schedule.previous,
            current.loadedAt.unixMilliseconds >= now - 86_400_000
        {
            lastChange = ScheduleDiff.between(
                previous.program, current.program, at: current.loadedAt.unixMilliseconds, source: current.origin.name)
        }
        return Observer.Input(
            report: report, index: index, firingAlerts: firing, slotsChangedLastDay: changed,
            failedDeliveries: failed, scrapeFailures: scrapes, lastChange: lastChange)
    }
}
