import Alerting
import Foundation
import Testing
import TimeSeries

/// What the fired → delivered latency is measured from: the alerts a notification is the first to
/// report as firing; a repeat reports none.
@Suite struct NotificationLatencyTests {
    @Test func onlyNewlyFiringAlertsStartTheLatencyClock() {
        let now: Int64 = 1_700_000_000_000
        let planner = NotificationPlanner(
            receivers: ["r": [ReceiverIntegration(kind: "webhook", index: 0, sendResolved: true)]])
        let options = RouteOptions(receiver: "r", repeatInterval: 3_600_000)
        func flush(_ alerts: [PipelineAlert]) -> GroupFlush {
            GroupFlush(
                id: "g", routeID: "{}", groupKey: "{}:{}", groupLabels: Labels(), options: options, alerts: alerts)
        }
        let old = PipelineAlert(labels: Labels(["alertname": "A"]), startsAt: now - 60_000, endsAt: 0, updatedAt: now)
        var log = NotificationLog()
        let first = planner.plan(
            flush([old]), silences: Silences(), inhibitor: Inhibitor(rules: [], alerts: [old], now: now), log: log,
            now: now)
        #expect(first.map(\.firstNewlyFiringAt) == [now - 60_000])
        for notification in first { log.record(notification.logEntry) }

        // A second alert joins: only it is new.
        let new = PipelineAlert(labels: Labels(["alertname": "B"]), startsAt: now + 5_000, endsAt: 0, updatedAt: now)
        let second = planner.plan(
            flush([old, new]), silences: Silences(), inhibitor: Inhibitor(rules: [], alerts: [old, new], now: now),
            log: log, now: now + 10_000)
        #expect(second.map(\.firstNewlyFiringAt) == [now + 5_000])
        for notification in second { log.record(notification.logEntry) }

        // The repeat after repeat_interval reports nothing new.
        let repeated = planner.plan(
            flush([old, new]), silences: Silences(), inhibitor: Inhibitor(rules: [], alerts: [old, new], now: now),
            log: log, now: now + 2 * 3_600_000)
        #expect(repeated.count == 1)
        #expect(repeated.map(\.firstNewlyFiringAt) == [nil])
    }
}
