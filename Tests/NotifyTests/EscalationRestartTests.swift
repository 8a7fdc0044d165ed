import Alerting
import Foundation
import Notify
import Rules
import Storage
import TestSupport
import Testing
import TimeSeries

private let minute: Int64 = 60_000
private let start: Int64 = 1_782_864_000_000

/// Records into SQLite as the daemon's recorder does (log entries, escalation changes and their audit
/// entries in one transaction), keeping the notifications to look at.
private struct SQLiteRecorder: NotificationRecorder {
    let store: AlertingStore

    func record(_ notifications: [GroupNotification]) throws {
        try record(notifications, escalations: EscalationChanges())
    }

    func record(_ notifications: [GroupNotification], escalations: EscalationChanges) throws {
        try store.record(log: notifications.map(\.logEntry), messages: [], escalations: escalations)
    }
}

/// An escalation survives a restart in SQLite: the policy frozen onto the group, the steps taken and
/// the acknowledgement; the next step fires once, at its time, and an edited policy does not re-page.
@Suite struct EscalationRestartTests {
    let directory = TestDirectory()

    private func config(secondStepAfter: String = "15m") throws -> AlertPipelineConfig {
        let yaml = """
            route:
              receiver: oncall
              group_by: [alertname]
              group_wait: 0s
              group_interval: 1m
              repeat_interval: 4h
            escalation_policies:
              - name: critical
                matchers: ['severity="critical"']
                steps:
                  - {after: 0s, notify: [oncall]}
                  - {after: \(secondStepAfter), notify: [director]}
            """
        let escalation = try EscalationFileParser.parse(
            [(path: "esc.yml", text: yaml)], receivers: ["oncall", "director"], fallbackReceiver: "oncall")
        let integration = ReceiverIntegration(kind: "webhook", index: 0, sendResolved: true)
        return AlertPipelineConfig(
            escalation: escalation,
            planner: NotificationPlanner(receivers: ["oncall": [integration], "director": [integration]]))
    }

    private func pipeline(_ database: VigilDatabase, _ config: AlertPipelineConfig) -> AlertPipeline {
        let store = AlertingStore(database: database)
        return AlertPipeline(
            config: config, store: store, recorder: SQLiteRecorder(store: store),
            logger: CapturingLogHandler.logger(CapturingLogHandler.Lines()))
    }

    private let alert = PipelineAlert(
        labels: Labels(["alertname": "CoverageGap", "severity": "critical"]), startsAt: start,
        endsAt: start + 100 * 60 * minute, updatedAt: start)

    @Test func aRestartBetweenStepsTakesTheNextStepOnceAtItsTime() async throws {
        let path = directory.file("vigil.db")
        var database = try VigilDatabase(path: path)
        let before = pipeline(database, try config())
        await before.receive([alert], now: start, persist: true)
        #expect(await before.flush(now: start).map(\.receiver) == ["oncall"])
        try database.close()

        // Restarted 5 minutes later with the policy edited: the group keeps the plan it started with.
        database = try VigilDatabase(path: path)
        let after = pipeline(database, try config(secondStepAfter: "2m"))
        await after.restore(now: start + 5 * minute)
        let state = try #require(await after.escalations.values.first)
        #expect(state.stepsTaken == 1)
        #expect(state.startedAt == start)
        #expect(state.plan?.steps.map(\.after) == [0, 15 * minute])
        #expect(await after.nextFlushTime == start + 5 * minute, "the rebuilt group's first flush")
        // The rebuilt group flushes: oncall heard already, the step is not due: nothing.
        #expect(await after.flush(now: start + 5 * minute).isEmpty)
        #expect(await after.flush(now: start + 15 * minute - 1).isEmpty)
        #expect(await after.flush(now: start + 15 * minute).map(\.receiver) == ["director"])
        #expect(await after.flush(now: start + 16 * minute).isEmpty)
        let audit = try AuditLog(database: database).recent(action: "escalation.step")
        #expect(audit.map { $0.details["step"] } == ["2", "1"])
        #expect(audit.first?.details["receivers"] == "director")
        #expect(audit.first?.details["policy"] == "critical")
        try database.close()
    }

    @Test func anAcknowledgementSurvivesARestartAndIsAudited() async throws {
        let path = directory.file("vigil.db")
        var database = try VigilDatabase(path: path)
        let before = pipeline(database, try config())
        await before.receive([alert], now: start, persist: true)
        _ = await before.flush(now: start)
        try await before.acknowledge(
            .ack, target: .alert(alert.fingerprint), by: "dr.adams", via: "webhook", source: "10.0.0.7",
            now: start + minute)
        try database.close()

        database = try VigilDatabase(path: path)
        let after = pipeline(database, try config())
        await after.restore(now: start + 2 * minute)
        #expect(
            await after.escalations.values.first?.acknowledgement
                == Acknowledgement(
                    by: "dr.adams", at: start + minute, via: "webhook"))
        var sent: [GroupNotification] = []
        var now = start + 2 * minute
        while now <= start + 60 * minute {
            sent += await after.flush(now: now)
            now += minute
        }
        #expect(sent.isEmpty, "acknowledged before the restart: no second step after it")
        let audit = try AuditLog(database: database).recent(action: "alert_group.ack")
        #expect(audit.count == 1)
        #expect(audit.first?.actor == "dr.adams")
        #expect(audit.first?.details["via"] == "webhook")
        #expect(audit.first?.details["source"] == "10.0.0.7")
        #expect(audit.first?.details["group_key"] == #"{}:{alertname="CoverageGap"}"#)
        try database.close()
    }

    @Test func anAlertResolvedByHandStaysResolvedAfterARestartUntilANewEpisode() async throws {
        let path = directory.file("vigil.db")
        var database = try VigilDatabase(path: path)
        let before = pipeline(database, try config())
        var firing = alert
        firing.endsAt = start + 4 * minute
        await before.receive([firing], now: start, persist: false)
        _ = await before.flush(now: start)
        try await before.acknowledge(
            .resolve, target: .alert(alert.fingerprint), by: "dr.adams", via: "cli", source: "", now: start + minute)
        try database.close()

        database = try VigilDatabase(path: path)
        let after = pipeline(database, try config())
        await after.restore(now: start + 2 * minute)
        // The rule re-sends its firing alert, same episode: it stays resolved.
        var resent = firing
        resent.endsAt = start + 6 * minute
        resent.updatedAt = start + 2 * minute
        await after.receive([resent], now: start + 2 * minute, persist: false)
        #expect(await after.alertViews(now: start + 2 * minute).map(\.isResolved) == [true])
        let audit = try AuditLog(database: database).recent(action: "alert_group.resolve")
        #expect(audit.map(\.actor) == ["dr.adams"])
        #expect(audit.first?.details["via"] == "cli")
        // A new episode fires.
        var next = resent
        next.startsAt = start + 3 * minute
        next.updatedAt = start + 3 * minute
        await after.receive([next], now: start + 3 * minute, persist: false)
        #expect(await after.alertViews(now: start + 3 * minute).map(\.isResolved) == [false])
        try database.close()
    }

    @Test func aBatchOfAcknowledgementsIsTakenInOrderAndSavedTogether() async throws {
        let path = directory.file("vigil.db")
        var database = try VigilDatabase(path: path)
        let before = pipeline(database, try config())
        await before.receive([alert], now: start, persist: true)
        _ = await before.flush(now: start)
        let group = AckTarget.alert(alert.fingerprint)
        let results = await before.acknowledge([
            AckCommand(action: .ack, target: group, by: "adams", via: "webhook", source: "a", now: start + minute),
            AckCommand(action: .ack, target: group, by: "baker", via: "webhook", source: "b", now: start + minute),
            AckCommand(
                action: .unack, target: group, by: "chen", via: "webhook", source: "c", now: start + 3 * minute),
            AckCommand(action: .ack, target: .group("no such group"), by: "d", via: "webhook", source: "", now: start),
            AckCommand(action: .ack, target: group, by: "evans", via: "webhook", source: "e", now: start + 4 * minute),
        ])
        #expect(results.map { (try? $0.get())?.map(\.by) } == [["adams"], [], ["chen"], nil, ["evans"]])
        #expect(results[3] == .failure(.notFound("no alert group with key no such group")))
        let state = try #require(await before.escalations.values.first)
        #expect(state.acknowledgement == Acknowledgement(by: "evans", at: start + 4 * minute, via: "webhook"))
        #expect(state.pausedFor == 2 * minute, "acknowledged from minute 1 to minute 3")
        #expect(await before.acksTotal[AckCounterKey(action: "ack", via: "webhook")] == 2)
        try database.close()

        database = try VigilDatabase(path: path)
        let after = pipeline(database, try config())
        await after.restore(now: start + 5 * minute)
        #expect(await after.escalations.values.first == state, "the batch's end state, saved")
        let audit = try AuditLog(database: database).recent().filter { $0.action.hasPrefix("alert_group.") }
        #expect(audit.map(\.actor) == ["evans", "chen", "adams"])
        try database.close()
    }

    @Test func theCommitQueueTakesConcurrentRequestsOnceEachAndRefusesReplays() async throws {
        let path = directory.file("vigil.db")
        var database = try VigilDatabase(path: path)
        let pipeline = pipeline(database, try config())
        await pipeline.receive([alert], now: start, persist: true)
        _ = await pipeline.flush(now: start)
        let queue = AckCommitQueue(pipeline: pipeline, ledger: AckRequestStore(database: database))
        let group = AckTarget.alert(alert.fingerprint)
        // 40 requests at once, each an ack or an unack, and request r7 sent twice.
        let ids = (0..<40).map { "r\($0)" } + ["r7"]
        let results = await withTaskGroup(of: (String, Result<[AckRecord], AckCommitQueue.Failure>).self) { tasks in
            for (index, id) in ids.enumerated() {
                tasks.addTask {
                    let command = AckCommand(
                        action: index % 2 == 0 ? .ack : .unack, target: group, by: "p\(index)", via: "webhook",
                        source: "", now: start + minute)
                    return (id, await queue.submit(id: id, command))
                }
            }
            return await tasks.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 41)
        #expect(results.filter { $0.1 == .failure(.replayed) }.map(\.0) == ["r7"], "only the second r7 is a replay")
        let changes = results.compactMap { try? $0.1.get() }.flatMap { $0 }
        #expect(results.filter { (try? $0.1.get()) != nil }.count == 40)
        let audit = try AuditLog(database: database).recent(limit: 1000).filter { $0.action.hasPrefix("alert_group.") }
        #expect(audit.count == changes.count, "one audit entry per change, none for a request that changed nothing")
        // The end state is the last change's.
        let acknowledged = await pipeline.escalations.values.first?.acknowledgement != nil
        #expect(acknowledged == (audit.first?.action == "alert_group.ack"))
        // Every id is remembered, in SQLite: a replay after a restart is refused too.
        try database.close()
        database = try VigilDatabase(path: path)
        let ledger = AckRequestStore(database: database)
        #expect(try ledger.claim(ids: ids, now: start + 2 * minute).allSatisfy { !$0 })
        #expect(try ledger.claim(ids: ["new", "new"], now: start + 2 * minute) == [true, false])
        // An id whose acknowledgement could not be saved is released: its retry is taken, not refused.
        try ledger.release(ids: ["new", "r3"])
        #expect(try ledger.claim(ids: ["new", "r3", "r4"], now: start + 3 * minute) == [true, true, false])
        try database.close()
    }
}
