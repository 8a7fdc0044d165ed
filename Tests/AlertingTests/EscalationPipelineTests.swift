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
private let never: Int64 = start + 1_000 * hour
/// The critical route's group_wait: the first notification, and so the escalation's start.
private let first = start + 10 * second

/// Keeps every notification and escalation change it is given.
private final class Recorder: NotificationRecorder {
    private let state = Mutex<(notifications: [GroupNotification], changes: [EscalationChanges])>(([], []))

    var notifications: [GroupNotification] { state.withLock { $0.notifications } }
    var steps: [TakenStep] { state.withLock { $0.changes.flatMap(\.steps) } }

    func record(_ notifications: [GroupNotification]) throws {
        try record(notifications, escalations: EscalationChanges())
    }

    func record(_ notifications: [GroupNotification], escalations: EscalationChanges) throws {
        state.withLock {
            $0.notifications += notifications
            $0.changes.append(escalations)
        }
    }
}

private let receiverNames = ["on_call_admin", "program_director", "hospital_admin", "acgme_contact", "admin_team"]

/// The shipped route shape (critical: group_wait 10s, group_interval 1m, repeat 1h) and the program's
/// critical matrix, plus a looping policy for `team="loop"`.
private func config() throws -> AlertPipelineConfig {
    let yaml = """
        route:
          receiver: admin_team
          group_by: [alertname]
          group_wait: 1m
          group_interval: 10m
          repeat_interval: 12h
          routes:
            - matchers: ['severity="critical"']
              receiver: on_call_admin
              group_by: [alertname]
              group_wait: 10s
              group_interval: 1m
              repeat_interval: 1h
        escalation_policies:
          - name: critical
            matchers: ['severity="critical"']
            steps:
              - {after: 0s, notify: [on_call_admin, program_director]}
              - {after: 15m, notify: [hospital_admin]}
              - {after: 1h, notify: [acgme_contact]}
          - name: loop
            matchers: ['team="loop"']
            steps:
              - {after: 0s, notify: [admin_team]}
            repeat: {every: 30m, times: 2}
          - name: quiet
            matchers: ['team="quiet"']
            reopen_on_new_alerts: false
            steps:
              - {after: 0s, notify: [admin_team]}
              - {after: 1h, notify: [on_call_admin]}
        """
    let escalation = try EscalationFileParser.parse(
        [(path: "esc.yml", text: yaml)], receivers: Set(receiverNames), fallbackReceiver: "admin_team")
    let integration = ReceiverIntegration(kind: "webhook", index: 0, sendResolved: true)
    return AlertPipelineConfig(
        escalation: escalation,
        planner: NotificationPlanner(
            receivers: Dictionary(uniqueKeysWithValues: receiverNames.map { ($0, [integration]) }),
            timeZone: TimeZone(identifier: "UTC") ?? .current))
}

private func alert(_ labels: [String: String], startsAt: Int64 = start, endsAt: Int64 = never, at now: Int64 = start)
    -> PipelineAlert
{
    PipelineAlert(labels: Labels(labels), startsAt: startsAt, endsAt: endsAt, updatedAt: now)
}

private let critical = ["alertname": "CoverageGap", "severity": "critical"]
private let criticalKey = #"{}/{severity="critical"}:{alertname="CoverageGap"}"#

/// Runs the pipeline's timer up to `end`; returns who was notified when, in order.
private func run(_ pipeline: AlertPipeline, until end: Int64) async -> [(at: Int64, receiver: String, status: String)] {
    var sent: [(at: Int64, receiver: String, status: String)] = []
    while let next = await pipeline.nextFlushTime, next <= end {
        for notification in await pipeline.flush(now: next) {
            sent.append((next, notification.receiver, notification.status))
        }
    }
    return sent
}

private func names(_ sent: [(at: Int64, receiver: String, status: String)]) -> [String] {
    sent.map(\.receiver)
}

/// Escalation policies in the pipeline, on a manual clock: every step of the program's critical
/// matrix at its time, stopped by an acknowledgement, resumed by an unack, restarted when the group
/// fires again, and never taken for a silenced group.
@Suite struct EscalationPipelineTests {
    private let recorder = Recorder()

    private func pipeline() throws -> AlertPipeline {
        AlertPipeline(
            config: try config(), store: nil, recorder: recorder,
            logger: CapturingLogHandler.logger(CapturingLogHandler.Lines()))
    }

    @Test func aCriticalGroupEscalatesThroughEveryStepAtItsTimeEachReceiverOncePerStep() async throws {
        let pipeline = try pipeline()
        await pipeline.receive([alert(critical)], now: start, persist: false)

        let now = await run(pipeline, until: first)
        #expect(now.map(\.at) == [first, first])
        #expect(Set(names(now)) == ["on_call_admin", "program_director"])
        #expect(await pipeline.nextFlushTime == first + minute, "the route's group_interval tick comes first")

        // Nothing changes at the route's ticks; the second step comes at 15 minutes, between ticks
        // or not, and pages only the hospital administrator.
        let second = await run(pipeline, until: first + 15 * minute)
        #expect(second.map(\.receiver) == ["hospital_admin"])
        #expect(second.map(\.at) == [first + 15 * minute])
        let third = await run(pipeline, until: first + hour)
        #expect(third.map(\.receiver) == ["acgme_contact"])
        #expect(third.map(\.at) == [first + hour])

        #expect(recorder.steps.map(\.step) == ["1", "2", "3"])
        #expect(recorder.steps.map(\.policy) == ["critical", "critical", "critical"])
        #expect(recorder.steps.first?.receivers == ["on_call_admin", "program_director"])
        #expect(recorder.steps.allSatisfy { $0.groupKey == criticalKey })
        let state = try #require(await pipeline.escalations.values.first)
        #expect(state.stepsTaken == 3)
        #expect(state.nextStepAt == nil)

        // The route's repeat_interval (1h) still repeats to everyone the escalation reached, each an
        // hour after it last heard.
        let repeats = await run(pipeline, until: first + hour + 16 * minute)
        #expect(repeats.map(\.receiver) == ["on_call_admin", "program_director", "hospital_admin"])
        #expect(repeats.map(\.at) == [first + hour + minute, first + hour + minute, first + hour + 16 * minute])
    }

    @Test func anAcknowledgementStopsTheEscalationButTheResolveStillGoesOut() async throws {
        let pipeline = try pipeline()
        await pipeline.receive([alert(critical)], now: start, persist: false)
        #expect(await run(pipeline, until: first).count == 2)

        let records = try await pipeline.acknowledge(
            .ack, target: .group(criticalKey), by: "dr.adams", via: "api", source: "127.0.0.1", now: first + 5 * minute)
        #expect(records.map(\.groupKey) == [criticalKey])
        #expect(records.first?.by == "dr.adams")
        #expect(await pipeline.acksTotal[AckCounterKey(action: "ack", via: "api")] == 1)
        // Acknowledging again changes nothing.
        let again = try await pipeline.acknowledge(
            .ack, target: .group(criticalKey), by: "dr.baker", via: "api", source: "", now: first + 6 * minute)
        #expect(again.isEmpty)
        #expect(await pipeline.escalations.values.first?.acknowledgement?.by == "dr.adams")

        // No step, no repeat for two hours.
        #expect(await run(pipeline, until: first + 2 * hour).isEmpty)
        #expect(recorder.steps.map(\.step) == ["1"])

        let resolvedAt = first + 2 * hour
        await pipeline.receive([alert(critical, endsAt: resolvedAt, at: resolvedAt)], now: resolvedAt, persist: false)
        let resolve = await run(pipeline, until: resolvedAt + minute)
        #expect(Set(names(resolve)) == ["on_call_admin", "program_director"])
        #expect(resolve.allSatisfy { $0.status == "resolved" })
        #expect(await pipeline.escalations.isEmpty, "the escalation ends with the group's alerts")
    }

    @Test func anUnackResumesFromTheStepItWasAtWithTheDelayItHadLeft() async throws {
        let pipeline = try pipeline()
        await pipeline.receive([alert(critical)], now: start, persist: false)
        _ = await run(pipeline, until: first)
        let fingerprint = AlertFingerprint(Labels(critical))
        try await pipeline.acknowledge(
            .ack, target: .alert(fingerprint), by: "dr.adams", via: "cli", source: "", now: first + 5 * minute)
        #expect(await run(pipeline, until: first + 30 * minute).isEmpty)
        let resumed = try await pipeline.acknowledge(
            .unack, target: .alert(fingerprint), by: "dr.adams", via: "cli", source: "", now: first + 30 * minute)
        #expect(resumed.map(\.action) == [.unack])
        // Ten minutes were left of the fifteen: the second step comes 10 minutes after the unack.
        #expect(await run(pipeline, until: first + 40 * minute - 1).isEmpty)
        let step = await run(pipeline, until: first + 40 * minute)
        #expect(step.map(\.receiver) == ["hospital_admin"])
    }

    @Test func aNewAlertJoiningAnAcknowledgedGroupReopensItAndTheEscalationResumes() async throws {
        let pipeline = try pipeline()
        await pipeline.receive([alert(critical)], now: start, persist: false)
        _ = await run(pipeline, until: first)
        try await pipeline.acknowledge(
            .ack, target: .group(criticalKey), by: "dr.adams", via: "api", source: "", now: first + 5 * minute)
        // The same alert re-sent by its rule is nothing new.
        await pipeline.receive([alert(critical, at: first + 6 * minute)], now: first + 6 * minute, persist: false)
        #expect(await pipeline.escalations.values.first?.acknowledgement?.by == "dr.adams")
        #expect(await run(pipeline, until: first + 8 * minute - 1).isEmpty)

        // A second slot goes uncovered: a new alert in the same group takes the acknowledgement back.
        let joinedAt = first + 8 * minute
        var secondSlot = critical
        secondSlot["slot"] = "2"
        await pipeline.receive([alert(secondSlot, startsAt: joinedAt, at: joinedAt)], now: joinedAt, persist: false)
        let state = try #require(await pipeline.escalations.values.first)
        #expect(state.acknowledgement == nil)
        #expect(state.pausedFor == 3 * minute, "acknowledged from minute 5 to minute 8")
        #expect(await pipeline.acksTotal[AckCounterKey(action: "unack", via: "new_alert")] == 1)

        // Those already paged hear of the new alert at the group's next flush; the second step keeps
        // the ten minutes it had left at the ack: due 15 + 3 minutes after the start.
        let sent = await run(pipeline, until: first + 18 * minute)
        let told = sent.filter { $0.receiver == "on_call_admin" }.map(\.at)
        #expect(told == [joinedAt], "the group's 1m interval falls on minute 8: \(sent.map { ($0.at, $0.receiver) })")
        #expect(sent.filter { $0.receiver == "hospital_admin" }.map(\.at) == [first + 18 * minute])
        #expect(recorder.steps.map(\.step) == ["1", "2"])
    }

    @Test func anAlertThatStartedBeforeTheAcknowledgementDoesNotReopenIt() async throws {
        // After a restart the rules re-send every firing alert, each with the time it started: an
        // alert firing since before the acknowledgement is not news to whoever acknowledged.
        let pipeline = try pipeline()
        await pipeline.receive([alert(critical)], now: start, persist: false)
        _ = await run(pipeline, until: first)
        try await pipeline.acknowledge(
            .ack, target: .group(criticalKey), by: "dr.adams", via: "api", source: "", now: first + 5 * minute)
        var secondSlot = critical
        secondSlot["slot"] = "2"
        await pipeline.receive(
            [alert(secondSlot, startsAt: first + 4 * minute, at: first + 6 * minute)], now: first + 6 * minute,
            persist: false)
        #expect(await pipeline.escalations.values.first?.acknowledgement?.by == "dr.adams")
        #expect(await pipeline.acksTotal[AckCounterKey(action: "unack", via: "new_alert")] == nil)
        #expect(!(await run(pipeline, until: first + 30 * minute)).contains { $0.receiver == "hospital_admin" })
    }

    @Test func aPolicyThatDoesNotReopenKeepsTheAcknowledgementWhenNewAlertsJoin() async throws {
        let pipeline = try pipeline()
        let quiet = ["alertname": "Quiet", "team": "quiet"]
        await pipeline.receive([alert(quiet)], now: start, persist: false)
        _ = await run(pipeline, until: start + minute)
        try await pipeline.acknowledge(
            .ack, target: .alert(AlertFingerprint(Labels(quiet))), by: "dr.adams", via: "api", source: "",
            now: start + 2 * minute)
        var another = quiet
        another["slot"] = "2"
        await pipeline.receive([alert(another, at: start + 3 * minute)], now: start + 3 * minute, persist: false)
        #expect(await pipeline.escalations.values.first?.acknowledgement?.by == "dr.adams")
        #expect(await pipeline.acksTotal[AckCounterKey(action: "unack", via: "new_alert")] == nil)
        let sent = await run(pipeline, until: start + 3 * hour)
        #expect(!sent.contains { $0.receiver == "on_call_admin" }, "the second step was taken: \(sent)")
    }

    @Test func aGroupThatFiresAgainStartsOverFromTheFirstStep() async throws {
        let pipeline = try pipeline()
        await pipeline.receive([alert(critical)], now: start, persist: false)
        _ = await run(pipeline, until: first + 20 * minute)
        #expect(recorder.steps.map(\.step) == ["1", "2"])
        let resolvedAt = first + 20 * minute + 30 * second
        await pipeline.receive([alert(critical, endsAt: resolvedAt, at: resolvedAt)], now: resolvedAt, persist: false)
        _ = await run(pipeline, until: resolvedAt + minute)
        #expect(await pipeline.escalations.isEmpty)

        let again = resolvedAt + 10 * minute
        await pipeline.receive([alert(critical, startsAt: again, at: again)], now: again, persist: false)
        let reopened = await run(pipeline, until: again + 10 * second)
        #expect(Set(names(reopened)) == ["on_call_admin", "program_director"])
        #expect(recorder.steps.map(\.step) == ["1", "2", "1"])
        #expect(await pipeline.escalations.values.first?.startedAt == again + 10 * second)
    }

    @Test func theLastStepRepeatsAsOftenAsThePolicySays() async throws {
        let pipeline = try pipeline()
        await pipeline.receive([alert(["alertname": "Loop", "team": "loop"])], now: start, persist: false)
        let sent = await run(pipeline, until: start + 3 * hour)
        let pages = sent.filter { $0.receiver == "admin_team" }.map(\.at)
        #expect(pages == [start + minute, start + minute + 30 * minute, start + minute + 60 * minute])
        #expect(recorder.steps.map(\.step) == ["1", "1r1", "1r2"])
    }

    @Test func aStepDueWhileTheGroupIsSilencedWaitsForTheSilenceToEnd() async throws {
        let pipeline = try pipeline()
        await pipeline.receive([alert(critical)], now: start, persist: false)
        _ = await run(pipeline, until: first)
        let silence = Silence(
            id: "", matchers: [try LabelMatcher("alertname", .equal, "CoverageGap")], startsAt: first,
            endsAt: first + 30 * minute, updatedAt: first, createdBy: "dr.adams", comment: "known")
        _ = try await pipeline.setSilence(silence, now: first) { "s1" }
        #expect(await run(pipeline, until: first + 30 * minute - 1).isEmpty)
        #expect(recorder.steps.map(\.step) == ["1"])
        // The first tick once the silence has ended takes the overdue step.
        let after = await run(pipeline, until: first + 31 * minute)
        #expect(after.map(\.receiver) == ["hospital_admin"])
        #expect(after.map(\.at) == [first + 30 * minute])
    }

    @Test func aGroupNoPolicyMatchesIsNotifiedByTheRouteAloneAndAnAckSilencesItsRepeats() async throws {
        let pipeline = try pipeline()
        await pipeline.receive([alert(["alertname": "Digest", "severity": "info"])], now: start, persist: false)
        #expect(names(await run(pipeline, until: start + minute)) == ["admin_team"])
        #expect(await pipeline.escalations.isEmpty)
        try await pipeline.acknowledge(
            .ack, target: .group(#"{}:{alertname="Digest"}"#), by: "coordinator", via: "api", source: "",
            now: start + 2 * minute)
        #expect(await run(pipeline, until: start + 24 * hour).isEmpty, "no 12-hour repeat once acknowledged")
        try await pipeline.acknowledge(
            .unack, target: .group(#"{}:{alertname="Digest"}"#), by: "coordinator", via: "api", source: "",
            now: start + 24 * hour)
        #expect(await pipeline.escalations.isEmpty)
        #expect(names(await run(pipeline, until: start + 24 * hour + 10 * minute)) == ["admin_team"])
    }

    @Test func acknowledgingWhatIsNotThereIsAnErrorAndChangesNothing() async throws {
        let pipeline = try pipeline()
        await #expect(throws: AckError.notFound("no alert group with key {}:{alertname=\"Nope\"}")) {
            try await pipeline.acknowledge(
                .ack, target: .group(#"{}:{alertname="Nope"}"#), by: "x", via: "api", source: "", now: start)
        }
        await #expect(throws: AckError.self) {
            try await pipeline.acknowledge(
                .ack, target: .alert(AlertFingerprint(value: 42)), by: "x", via: "api", source: "", now: start)
        }
        #expect(await pipeline.escalations.isEmpty)
        #expect(await pipeline.acksTotal.isEmpty)
    }

    @Test func notificationsCarryTheStepTheNextStepAndTheAcknowledgement() async throws {
        let pipeline = try pipeline()
        await pipeline.receive([alert(critical)], now: start, persist: false)
        let firstBatch = await pipeline.flush(now: first)
        #expect(
            firstBatch.first?.escalation
                == NotificationEscalation(
                    policy: "critical", step: "1", nextStepAt: first + 15 * minute, acknowledgement: nil))
        let secondBatch = await pipeline.flush(now: first + 15 * minute)
        #expect(secondBatch.first?.escalation?.step == "2")
        #expect(secondBatch.first?.escalation?.nextStepAt == first + hour)
        try await pipeline.acknowledge(
            .ack, target: .group(criticalKey), by: "dr.adams", via: "link", source: "", now: first + 20 * minute)
        let resolvedAt = first + 30 * minute
        await pipeline.receive([alert(critical, endsAt: resolvedAt, at: resolvedAt)], now: resolvedAt, persist: false)
        let resolve = await run(pipeline, until: resolvedAt + minute)
        #expect(resolve.count == 3, "everyone reached hears the resolve")
        let resolves = recorder.notifications.suffix(3)
        #expect(
            resolves.allSatisfy {
                $0.escalation
                    == NotificationEscalation(
                        policy: "critical", step: "2", nextStepAt: nil,
                        acknowledgement: Acknowledgement(by: "dr.adams", at: first + 20 * minute, via: "link"))
            })
    }

    @Test func aResolveByHandEndsTheAlertsUntilANewEpisodeFires() async throws {
        let pipeline = try pipeline()
        await pipeline.receive([alert(critical)], now: start, persist: false)
        _ = await run(pipeline, until: first)
        let records = try await pipeline.acknowledge(
            .resolve, target: .group(criticalKey), by: "dr.adams", via: "api", source: "", now: first + 5 * minute)
        #expect(records.map(\.action) == [.resolve])
        let resolve = await run(pipeline, until: first + 6 * minute)
        #expect(Set(names(resolve)) == ["on_call_admin", "program_director"])
        #expect(resolve.allSatisfy { $0.status == "resolved" })
        #expect(await pipeline.escalations.isEmpty)

        // The rule keeps reporting the same episode as firing: it stays resolved, nobody is paged.
        for tick in 7...40 {
            let now = first + Int64(tick) * minute
            await pipeline.receive([alert(critical, at: now)], now: now, persist: false)
        }
        #expect(await run(pipeline, until: first + 40 * minute).isEmpty)
        #expect(await pipeline.alertViews(now: first + 40 * minute).allSatisfy(\.isResolved))
        #expect(recorder.steps.map(\.step) == ["1"])

        // A new episode fires again and escalates from the first step.
        let again = first + 41 * minute
        await pipeline.receive([alert(critical, startsAt: again, at: again)], now: again, persist: false)
        let reopened = await run(pipeline, until: again + 10 * second)
        #expect(Set(names(reopened)) == ["on_call_admin", "program_director"])
        #expect(recorder.steps.map(\.step) == ["1", "1"])
        #expect(await pipeline.acksTotal[AckCounterKey(action: "resolve", via: "api")] == 1)
    }
}
