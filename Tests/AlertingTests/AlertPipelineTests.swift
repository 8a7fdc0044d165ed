import Alerting
import Foundation
import Rules
import Synchronization
import TestSupport
import Testing
import TimeSeries

private let second: Int64 = 1_000
private let minute: Int64 = 60_000
private let hour: Int64 = 3_600_000
private let start: Int64 = 1_700_000_000_000
/// An end far ahead, as a rule that keeps re-sending its alert would give.
private let never: Int64 = start + 1_000 * hour

/// Counts calls from any thread.
private final class Counter: Sendable {
    private let count = Mutex(0)

    func increment() { count.withLock { $0 += 1 } }

    var value: Int { count.withLock { $0 } }
}

/// Why the failing recorder fails.
private struct DiskFull: Error {}

/// Keeps every batch it is given; fails while told to.
private final class Recorder: NotificationRecorder {
    private let batches = Mutex<[[GroupNotification]]>([])
    private let failing = Mutex(false)

    func fail(_ fail: Bool) {
        failing.withLock { $0 = fail }
    }

    var recorded: [[GroupNotification]] { batches.withLock { $0 } }

    func record(_ notifications: [GroupNotification]) throws {
        if failing.withLock({ $0 }) { throw DiskFull() }
        batches.withLock { $0.append(notifications) }
    }
}

private func config(inhibitRules: [InhibitRule] = []) -> AlertPipelineConfig {
    let route = Route(
        options: RouteOptions(
            receiver: "team", groupBy: ["alertname"], groupWait: 30 * second, groupInterval: 5 * minute,
            repeatInterval: 4 * hour))
    return AlertPipelineConfig(
        escalation: EscalationConfig(route: route, inhibitRules: inhibitRules),
        planner: NotificationPlanner(
            receivers: ["team": [ReceiverIntegration(kind: "webhook", index: 0, sendResolved: true)]],
            timeZone: TimeZone(identifier: "UTC") ?? .current))
}

private func firing(_ labels: [String: String], startsAt: Int64 = start, at now: Int64 = start) -> PipelineAlert {
    PipelineAlert(labels: Labels(labels), startsAt: startsAt, endsAt: never, updatedAt: now)
}

private func resolved(_ labels: [String: String], at now: Int64) -> PipelineAlert {
    PipelineAlert(labels: Labels(labels), startsAt: start, endsAt: now, updatedAt: now)
}

/// Flushes every group that falls due up to `end`, as the daemon's timer would; returns what was
/// notified, with when.
private func run(_ pipeline: AlertPipeline, until end: Int64) async -> [(at: Int64, notification: GroupNotification)] {
    var sent: [(at: Int64, notification: GroupNotification)] = []
    while let next = await pipeline.nextFlushTime, next <= end {
        for notification in await pipeline.flush(now: next) { sent.append((next, notification)) }
    }
    return sent
}

/// The whole pipeline in memory, end to end: alerts in, notifications recorded.
@Suite struct AlertPipelineTests {
    private let recorder = Recorder()
    private let lines = CapturingLogHandler.Lines()

    private func pipeline(_ config: AlertPipelineConfig = config()) -> AlertPipeline {
        AlertPipeline(config: config, store: nil, recorder: recorder, logger: CapturingLogHandler.logger(lines))
    }

    @Test func aFiringAlertIsNotifiedOnceAfterGroupWaitThenOnlyAfterTheRepeatInterval() async throws {
        let pipeline = pipeline()
        await pipeline.receive([firing(["alertname": "A"])], now: start, persist: false)
        #expect(await pipeline.nextFlushTime == start + 30 * second)
        #expect(await pipeline.flush(now: start + 30 * second - 1).isEmpty)

        let first = await run(pipeline, until: start + 30 * second)
        #expect(first.map(\.at) == [start + 30 * second])
        let notification = try #require(first.first?.notification)
        #expect(notification.receiver == "team")
        #expect(notification.groupKey == #"{}:{alertname="A"}"#)
        #expect(notification.alerts.map(\.labels) == [Labels(["alertname": "A"])])
        #expect(notification.alerts.map(\.endsAt) == [0])
        #expect(recorder.recorded.count == 1)

        // Every group_interval the group is looked at; nothing changed, nothing is sent...
        #expect(await run(pipeline, until: start + 30 * second + 4 * hour).isEmpty)
        // ...until the first tick after the repeat interval.
        let repeated = await run(pipeline, until: start + 30 * second + 4 * hour + 5 * minute)
        #expect(repeated.map(\.at) == [start + 30 * second + 4 * hour + 5 * minute])
        #expect(recorder.recorded.count == 2)
    }

    @Test func aResolveIsSentOnceAtTheNextTickAndTheGroupIsForgotten() async throws {
        let pipeline = pipeline()
        await pipeline.receive([firing(["alertname": "A"])], now: start, persist: false)
        #expect(await run(pipeline, until: start + 30 * second).count == 1)

        await pipeline.receive([resolved(["alertname": "A"], at: start + minute)], now: start + minute, persist: false)
        let resolve = await run(pipeline, until: start + 30 * second + 5 * minute)
        #expect(resolve.map(\.at) == [start + 30 * second + 5 * minute])
        let notification = try #require(resolve.first?.notification)
        #expect(notification.status == "resolved")
        #expect(notification.alerts.map(\.endsAt) == [start + minute])
        #expect(notification.alerts.map(\.startsAt) == [start])

        #expect(await pipeline.groupViews(now: start + 10 * minute).isEmpty)
        #expect(await pipeline.nextFlushTime == nil)
        #expect(await run(pipeline, until: start + 24 * hour).isEmpty)
        #expect(recorder.recorded.count == 2)

        // The resolved alert is kept a while for the API, then collected.
        #expect(await pipeline.alertViews(now: start + 10 * minute).map(\.isResolved) == [true])
        await pipeline.collectGarbage(now: start + minute + 15 * minute)
        #expect(await pipeline.alertViews(now: start + 16 * minute).isEmpty)
    }

    @Test func anAlertThatStartedLongAgoIsNotifiedAtOnce() async {
        let pipeline = pipeline()
        await pipeline.receive([firing(["alertname": "A"], startsAt: start - 5 * hour)], now: start, persist: false)
        #expect(await pipeline.nextFlushTime == start)
        #expect(await pipeline.flush(now: start).count == 1)
    }

    @Test func anAlertPostedAlreadyResolvedIsNeverNotified() async {
        let pipeline = pipeline()
        await pipeline.receive([resolved(["alertname": "A"], at: start - second)], now: start, persist: false)
        #expect(await run(pipeline, until: start + hour).isEmpty)
        #expect(recorder.recorded.isEmpty)
        #expect(await pipeline.receivedTotal.resolved == 1)
        #expect(await pipeline.receivedTotal.firing == 0)
    }

    @Test func aSilenceMutesTheAlertUntilItIsExpired() async throws {
        let pipeline = pipeline()
        let id = try await pipeline.setSilence(
            Silence(
                matchers: [.equal("alertname", "A")], startsAt: start, endsAt: start + hour, createdBy: "me",
                comment: "maintenance"), now: start, newID: { "s1" })
        #expect(id == "s1")
        await pipeline.receive([firing(["alertname": "A"])], now: start, persist: false)
        #expect(await run(pipeline, until: start + 30 * second).isEmpty)
        let views = await pipeline.alertViews(now: start + minute)
        #expect(views.map(\.silencedBy) == [["s1"]])
        #expect(views.map(\.state) == ["suppressed"])
        #expect(await pipeline.log.entries.isEmpty)

        try await pipeline.expireSilence(id: "s1", now: start + minute)
        #expect(await pipeline.silences.byID["s1"]?.state(at: start + minute) == .expired)
        #expect(await pipeline.alertViews(now: start + minute).map(\.state) == ["active"])
        let sent = await run(pipeline, until: start + 30 * second + 5 * minute)
        #expect(sent.map(\.at) == [start + 30 * second + 5 * minute])
        #expect(recorder.recorded.count == 1)
    }

    @Test func aFailedRecordKeepsTheGroupsAlertsForTheNextFlush() async throws {
        let pipeline = pipeline()
        recorder.fail(true)
        await pipeline.receive([firing(["alertname": "A"])], now: start, persist: false)
        #expect(await pipeline.flush(now: start + 30 * second).isEmpty)
        #expect(await pipeline.log.entries.isEmpty)
        #expect(lines.all.contains { $0.contains("cannot record notifications") && $0.contains("DiskFull") })

        recorder.fail(false)
        let retried = await run(pipeline, until: start + 30 * second + 5 * minute)
        #expect(retried.map(\.at) == [start + 30 * second + 5 * minute])
        #expect(await pipeline.log.entries.count == 1)

        // The resolve fails to record once: the resolved alert stays in its group and goes out next time.
        await pipeline.receive(
            [resolved(["alertname": "A"], at: start + 6 * minute)], now: start + 6 * minute, persist: false)
        recorder.fail(true)
        #expect(await pipeline.flush(now: start + 30 * second + 10 * minute).isEmpty)
        #expect(await pipeline.groupViews(now: start + 11 * minute).map(\.alerts.count) == [1])
        recorder.fail(false)
        let resolve = await run(pipeline, until: start + 30 * second + 15 * minute)
        #expect(resolve.map(\.notification.status) == ["resolved"])
        #expect(await pipeline.groupViews(now: start + 16 * minute).isEmpty)
        #expect(recorder.recorded.count == 2)
    }

    @Test func reloadingTheConfigurationDoesNotNotifyAgain() async {
        let pipeline = pipeline()
        await pipeline.receive([firing(["alertname": "A"])], now: start, persist: false)
        #expect(await run(pipeline, until: start + 30 * second).count == 1)
        await pipeline.apply(config(), now: start + minute)
        #expect(await pipeline.nextFlushTime == start + minute)
        #expect(await run(pipeline, until: start + 2 * hour).isEmpty)
        #expect(await pipeline.groupViews(now: start + 2 * hour).map(\.alerts.count) == [1])
        #expect(recorder.recorded.count == 1)
    }

    @Test func inhibitedAlertsAreNotNotifiedAndNameTheAlertInhibitingThem() async throws {
        let rule = InhibitRule(
            sourceMatchers: [.equal("alertname", "Source")], targetMatchers: [.equal("alertname", "Target")],
            equal: ["instance"])
        let pipeline = pipeline(config(inhibitRules: [rule]))
        let source = firing(["alertname": "Source", "instance": "i1"])
        await pipeline.receive(
            [
                source, firing(["alertname": "Target", "instance": "i1"]),
                firing(["alertname": "Target", "instance": "i2"]),
            ],
            now: start, persist: false)
        let sent = await run(pipeline, until: start + 30 * second)
        #expect(
            sent.map(\.notification.groupKey).sorted() == [#"{}:{alertname="Source"}"#, #"{}:{alertname="Target"}"#])
        let target = try #require(sent.first { $0.notification.groupKey == #"{}:{alertname="Target"}"# })
        #expect(target.notification.alerts.map { $0.labels["instance"] } == ["i2"])

        let views = await pipeline.alertViews(now: start + minute)
        let inhibited = try #require(
            views.first { $0.alert.labels == Labels(["alertname": "Target", "instance": "i1"]) })
        #expect(inhibited.inhibitedBy == [source.fingerprint.description])
        #expect(inhibited.state == "suppressed")
        #expect(inhibited.receivers == ["team"])
        #expect(views.filter { $0.state == "active" }.count == 2)
    }

    @Test func groupViewsShowEachGroupWithItsAlerts() async {
        let pipeline = pipeline()
        await pipeline.receive(
            [firing(["alertname": "A", "n": "1"]), firing(["alertname": "A", "n": "2"]), firing(["alertname": "B"])],
            now: start, persist: false)
        let groups = await pipeline.groupViews(now: start)
        #expect(groups.map(\.groupKey) == [#"{}:{alertname="A"}"#, #"{}:{alertname="B"}"#])
        #expect(groups.map(\.receiver) == ["team", "team"])
        #expect(groups.map(\.routeID) == ["{}", "{}"])
        #expect(groups.map(\.labels) == [Labels(["alertname": "A"]), Labels(["alertname": "B"])])
        #expect(groups.map(\.alerts.count) == [2, 1])
        #expect(await pipeline.receivedTotal.firing == 3)
    }

    @Test func aReSentAlertKeepsItsFirstStartAndIsNotNotifiedAgain() async throws {
        let pipeline = pipeline()
        // Prometheus re-sends the alert every minute with the same start and a moving end.
        for tick in 0..<10 {
            let at = start + Int64(tick) * minute
            await pipeline.receive(
                [
                    PipelineAlert(
                        labels: Labels(["alertname": "A"]), startsAt: start, endsAt: at + 4 * minute, updatedAt: at)
                ],
                now: at, persist: false)
            _ = await run(pipeline, until: at)
        }
        #expect(recorder.recorded.count == 1)
        let view = try #require(await pipeline.alertViews(now: start + 9 * minute).first)
        #expect(view.alert.startsAt == start)
        #expect(view.alert.endsAt == start + 13 * minute)
    }

    @Test func receivingWakesTheFlushTimerUp() async {
        let pipeline = pipeline()
        let wakeUps = Counter()
        await pipeline.onWakeUp { wakeUps.increment() }
        await pipeline.receive([firing(["alertname": "A"])], now: start, persist: false)
        await pipeline.apply(config(), now: start)
        #expect(wakeUps.value == 2)
    }
}
