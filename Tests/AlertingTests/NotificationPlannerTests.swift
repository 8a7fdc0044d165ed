import Alerting
import Foundation
import Rules
import Testing
import TimeSeries

private let second: Int64 = 1_000
private let minute: Int64 = 60_000
private let hour: Int64 = 3_600_000
private let now: Int64 = 1_700_000_000_000

private let utc = TimeZone(identifier: "UTC") ?? .current

/// `team` has a webhook that hears about resolved alerts and one that does not.
private let team = [
    ReceiverIntegration(kind: "webhook", index: 0, sendResolved: true),
    ReceiverIntegration(kind: "webhook", index: 1, sendResolved: false),
]

private let options = RouteOptions(
    receiver: "team", groupBy: ["alertname"], groupWait: 30 * second, groupInterval: 5 * minute,
    repeatInterval: 4 * hour)

private let a1 = Labels(["alertname": "A", "n": "1"])
private let a2 = Labels(["alertname": "A", "n": "2"])

/// An alert as a flush hands it over: firing ones without an end.
private func flushed(_ labels: Labels, resolvedAt: Int64? = nil) -> PipelineAlert {
    PipelineAlert(labels: labels, startsAt: now - hour, endsAt: resolvedAt ?? 0, updatedAt: resolvedAt ?? now - hour)
}

private func flush(_ alerts: [PipelineAlert], options: RouteOptions = options) -> GroupFlush {
    GroupFlush(
        id: "group", routeID: "{}", groupKey: #"{}:{alertname="A"}"#, groupLabels: Labels(["alertname": "A"]),
        options: options, alerts: alerts)
}

private let nobody = Inhibitor(rules: [], alerts: [], now: now)

/// An instant written as Go's RFC822Z (`19 Nov 21 13:00 +1100`), in milliseconds.
private func rfc822(_ text: String) throws -> Int64 {
    let fields = text.split(separator: " ").map(String.init)
    try #require(fields.count == 5)
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let offset = try #require(Int(fields[4]))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(secondsFromGMT: (offset / 100 * 60 + offset % 100) * 60))
    let clock = fields[3].split(separator: ":").compactMap { Int($0) }
    let year = try #require(Int(fields[2]))
    let month = try #require(months.firstIndex(of: fields[1]))
    let components = DateComponents(
        year: 2000 + year, month: month + 1, day: Int(fields[0]), hour: clock[0], minute: clock[1])
    let date = try #require(calendar.date(from: components))
    return Int64(date.timeIntervalSince1970 * 1000)
}

/// The time intervals a YAML `time_intervals:` list defines.
private func intervals(_ yaml: String) throws -> [String: NamedTimeInterval] {
    try EscalationFileParser.parse([(path: "intervals.yml", text: yaml)], receivers: [], fallbackReceiver: "team")
        .timeIntervals
}

/// Applies what a plan decided to the log, as the pipeline does once it is recorded.
private func logging(_ notifications: [GroupNotification], into log: NotificationLog) -> NotificationLog {
    var log = log
    for notification in notifications { log.record(notification.logEntry) }
    return log
}

/// What a flush sends to whom (notify.go's stages after the dispatcher): time intervals, inhibition,
/// silences, then per integration the dedup stage and `send_resolved`.
@Suite struct NotificationPlannerTests {
    private let planner = NotificationPlanner(receivers: ["team": team], timeZone: utc)

    @Test func aFirstFlushNotifiesEveryIntegrationOfTheReceiver() {
        let notifications = planner.plan(
            flush([flushed(a1), flushed(a2)]), silences: Silences(), inhibitor: nobody, log: NotificationLog(), now: now
        )
        #expect(notifications.map(\.integration.name) == ["webhook[0]", "webhook[1]"])
        for notification in notifications {
            #expect(notification.receiver == "team")
            #expect(notification.groupKey == #"{}:{alertname="A"}"#)
            #expect(notification.groupLabels == Labels(["alertname": "A"]))
            #expect(notification.alerts.map(\.labels) == [a1, a2])
            #expect(notification.status == "firing")
            #expect(notification.routeID == "{}")
            #expect(notification.decidedAt == now)
            #expect(notification.logEntry.firing == [AlertFingerprint(a1).value, AlertFingerprint(a2).value])
            #expect(notification.logEntry.resolved.isEmpty)
            #expect(notification.logEntry.timestamp == now)
            #expect(
                notification.logEntry.key
                    == NotificationLogKey(
                        receiver: "team", integration: notification.integration.name, groupKey: #"{}:{alertname="A"}"#))
        }
    }

    @Test func anUnchangedGroupIsNotifiedAgainOnlyAfterTheRepeatInterval() {
        let group = flush([flushed(a1)])
        let log = logging(
            planner.plan(group, silences: Silences(), inhibitor: nobody, log: NotificationLog(), now: now),
            into: NotificationLog())
        #expect(log.entries.count == 2)
        for later in [now + 5 * minute, now + 4 * hour] {
            #expect(planner.plan(group, silences: Silences(), inhibitor: nobody, log: log, now: later).isEmpty)
        }
        let repeated = planner.plan(group, silences: Silences(), inhibitor: nobody, log: log, now: now + 4 * hour + 1)
        #expect(repeated.map(\.integration.name) == ["webhook[0]", "webhook[1]"])
    }

    @Test func aNewFiringAlertIsNotifiedAtOnce() {
        let log = logging(
            planner.plan(
                flush([flushed(a1)]), silences: Silences(), inhibitor: nobody, log: NotificationLog(), now: now),
            into: NotificationLog())
        let grown = planner.plan(
            flush([flushed(a1), flushed(a2)]), silences: Silences(), inhibitor: nobody, log: log, now: now + 5 * minute)
        #expect(grown.map(\.integration.name) == ["webhook[0]", "webhook[1]"])
        #expect(grown.allSatisfy { $0.alerts.count == 2 })
    }

    @Test func aResolveGoesOnlyToIntegrationsWithSendResolvedButEveryLogRecordsIt() throws {
        var log = logging(
            planner.plan(
                flush([flushed(a1), flushed(a2)]), silences: Silences(), inhibitor: nobody, log: NotificationLog(),
                now: now),
            into: NotificationLog())

        // One of two resolves: only the integration with send_resolved hears about it.
        let partly = flush([flushed(a1), flushed(a2, resolvedAt: now + 8 * minute)])
        let partial = planner.plan(partly, silences: Silences(), inhibitor: nobody, log: log, now: now + 10 * minute)
        #expect(partial.map(\.integration.name) == ["webhook[0]"])
        let sent = try #require(partial.first)
        #expect(sent.alerts.map(\.labels) == [a1, a2])
        #expect(sent.status == "firing")
        #expect(sent.logEntry.firing == [AlertFingerprint(a1).value])
        #expect(sent.logEntry.resolved == [AlertFingerprint(a2).value])
        log = logging(partial, into: log)

        // Both resolved: the resolve is sent where send_resolved is set; the other integration only
        // logs it, with nothing to send.
        let done = flush([flushed(a1, resolvedAt: now + 12 * minute), flushed(a2, resolvedAt: now + 8 * minute)])
        let final = planner.plan(done, silences: Silences(), inhibitor: nobody, log: log, now: now + 15 * minute)
        #expect(final.map(\.integration.name) == ["webhook[0]", "webhook[1]"])
        #expect(final.map(\.alerts.count) == [2, 0])
        #expect(final.first?.status == "resolved")
        #expect(final.allSatisfy { $0.logEntry.firing.isEmpty && $0.logEntry.resolved.count == 2 })
        log = logging(final, into: log)

        // Said once: nothing more.
        #expect(planner.plan(done, silences: Silences(), inhibitor: nobody, log: log, now: now + 20 * minute).isEmpty)
        #expect(planner.plan(done, silences: Silences(), inhibitor: nobody, log: log, now: now + 10 * hour).isEmpty)
    }

    @Test func aRepeatWithoutSendResolvedCarriesOnlyTheFiringAlerts() throws {
        let log = logging(
            planner.plan(
                flush([flushed(a1), flushed(a2)]), silences: Silences(), inhibitor: nobody, log: NotificationLog(),
                now: now),
            into: NotificationLog())
        let repeated = planner.plan(
            flush([flushed(a1), flushed(a2, resolvedAt: now + hour)]), silences: Silences(), inhibitor: nobody,
            log: log,
            now: now + 4 * hour + 1)
        let quiet = try #require(repeated.first { $0.integration.name == "webhook[1]" })
        #expect(quiet.alerts.map(\.labels) == [a1])
        #expect(quiet.logEntry.resolved == [AlertFingerprint(a2).value])
        let loud = try #require(repeated.first { $0.integration.name == "webhook[0]" })
        #expect(loud.alerts.map(\.labels) == [a1, a2])
    }

    @Test func anAlertResolvedBeforeItWasEverNotifiedIsNotNotified() {
        let group = flush([flushed(a1, resolvedAt: now - minute)])
        #expect(planner.plan(group, silences: Silences(), inhibitor: nobody, log: NotificationLog(), now: now).isEmpty)
    }

    @Test func silencedAlertsAreDroppedAndAFullySilencedGroupSendsAndLogsNothing() throws {
        var silences = Silences()
        let id = try silences.set(
            Silence(
                matchers: [.equal("n", "2")], startsAt: now - hour, endsAt: now + hour, createdBy: "me", comment: "x"),
            now: now - hour, newID: { "s1" }
        ).id
        #expect(id == "s1")
        let partly = planner.plan(
            flush([flushed(a1), flushed(a2)]), silences: silences, inhibitor: nobody, log: NotificationLog(), now: now)
        #expect(partly.map(\.alerts.count) == [1, 1])
        #expect(
            partly.allSatisfy { $0.alerts.map(\.labels) == [a1] && $0.logEntry.firing == [AlertFingerprint(a1).value] })

        let everything = planner.plan(
            flush([flushed(a2)]), silences: silences, inhibitor: nobody, log: NotificationLog(), now: now)
        #expect(everything.isEmpty)
        // Once the silence has ended, it is notified.
        #expect(
            planner.plan(
                flush([flushed(a2)]), silences: silences, inhibitor: nobody, log: NotificationLog(), now: now + hour
            )
            .count == 2)
    }

    @Test func inhibitedAlertsAreDropped() {
        let source = PipelineAlert(
            labels: Labels(["alertname": "Critical", "n": "2"]), startsAt: now - hour, endsAt: now + hour,
            updatedAt: now)
        let inhibitor = Inhibitor(
            rules: [
                InhibitRule(
                    sourceMatchers: [.equal("alertname", "Critical")], targetMatchers: [.equal("alertname", "A")],
                    equal: ["n"])
            ], alerts: [source], now: now)
        let notifications = planner.plan(
            flush([flushed(a1), flushed(a2)]), silences: Silences(), inhibitor: inhibitor, log: NotificationLog(),
            now: now)
        #expect(notifications.count == 2)
        #expect(notifications.allSatisfy { $0.alerts.map(\.labels) == [a1] })
        #expect(
            planner.plan(
                flush([flushed(a2)]), silences: Silences(), inhibitor: inhibitor, log: NotificationLog(), now: now
            )
            .isEmpty)
    }

    @Test func aReceiverWithoutIntegrationsIsReachedThroughTheLocalFile() {
        let planner = NotificationPlanner(receivers: ["team": team, "empty": []], timeZone: utc)
        for receiver in ["empty", "unknown"] {
            #expect(
                planner.integrations(of: receiver) == [ReceiverIntegration(kind: "file", index: 0, sendResolved: true)])
        }
        #expect(planner.integrations(of: "team") == team)
        #expect(planner.integrations(of: "empty").first?.name == "file[0]")
    }

    @Test(
        arguments: [
            (4 * hour, 120 * hour, 8 * hour),
            (hour, 120 * hour, 2 * hour),
            (100 * hour, 120 * hour, 120 * hour),
        ] as [(Int64, Int64, Int64)])
    func logEntriesExpireAfterTwiceTheRepeatIntervalAtMostTheRetention(
        repeatInterval: Int64, retention: Int64, lifetime: Int64
    ) {
        // nflog.Log: expiresAt = now + 2×repeat_interval, or the retention when that is shorter.
        var route = options
        route.repeatInterval = repeatInterval
        let planner = NotificationPlanner(receivers: ["team": team], timeZone: utc, logRetention: retention)
        let notifications = planner.plan(
            flush([flushed(a1)], options: route), silences: Silences(), inhibitor: nobody, log: NotificationLog(),
            now: now)
        #expect(notifications.map(\.logEntry.expiresAt) == [now + lifetime, now + lifetime])
    }

    private static let businessHoursMute = """
        time_intervals:
        - name: test
          time_intervals:
          - weekdays: ['monday:friday']
            location: 'Australia/Sydney'
            months: ['November']
            times:
             - start_time: '00:00'
               end_time: '09:00'
             - start_time: '17:00'
               end_time: '24:00'
          - weekdays: ['saturday', 'sunday']
            months: ['November']
            location: 'Australia/Sydney'
        """

    /// TestTimeMuteStage: outside business hours in November, Sydney time.
    @Test(arguments: [
        ("19 Nov 21 13:00 +1100", false),
        ("16 Nov 21 16:59 +1100", false),
        ("20 Nov 21 10:00 +1100", true),
        ("17 Nov 21 05:00 +1100", true),
        ("14 Nov 21 20:00 +0900", true),
        ("14 Nov 21 21:30 +0000", true),
        ("15 Nov 22 14:30 +0900", false),
        ("15 Nov 21 02:00 -0500", true),
    ])
    func muteTimeIntervalsMuteTheRouteAsAlertmanagersTimeMuteStage(fireTime: String, muted: Bool) throws {
        let planner = NotificationPlanner(
            receivers: ["team": team], timeIntervals: try intervals(Self.businessHoursMute), timeZone: utc)
        var route = options
        route.muteTimeIntervals = ["test"]
        let at = try rfc822(fireTime)
        #expect(planner.isMuted(by: route, at: at) == muted)
        let sent = planner.plan(
            flush([flushed(a1)], options: route), silences: Silences(), inhibitor: nobody, log: NotificationLog(),
            now: at)
        #expect(sent.isEmpty == muted)
    }

    private static let outsideBusinessHours = """
        time_intervals:
        - name: test
          time_intervals:
          - weekdays: ['monday:friday']
            times:
             - start_time: '00:00'
               end_time: '09:00'
             - start_time: '17:00'
               end_time: '24:00'
          - weekdays: ['saturday', 'sunday']
        """

    /// TestTimeActiveStage: the route is active only outside business hours.
    @Test(arguments: [
        ("01 Jan 21 09:00 +0000", true),
        ("01 Dec 20 16:59 +0000", true),
        ("17 Oct 20 10:00 +0000", false),
        ("14 Oct 20 05:00 +0000", false),
    ])
    func activeTimeIntervalsMuteTheRouteOutsideThemAsAlertmanagersTimeActiveStage(fireTime: String, muted: Bool) throws
    {
        let planner = NotificationPlanner(
            receivers: ["team": team], timeIntervals: try intervals(Self.outsideBusinessHours), timeZone: utc)
        var route = options
        route.activeTimeIntervals = ["test"]
        #expect(planner.isMuted(by: route, at: try rfc822(fireTime)) == muted)
    }

    @Test func aRouteWithoutTimeIntervalsIsNeverMuted() throws {
        let planner = NotificationPlanner(
            receivers: ["team": team], timeIntervals: try intervals(Self.outsideBusinessHours), timeZone: utc)
        #expect(!planner.isMuted(by: options, at: try rfc822("01 Jan 21 09:00 +0000")))
    }

    @Test func aMuteIntervalWinsOverAnActiveOne() throws {
        let planner = NotificationPlanner(
            receivers: ["team": team],
            timeIntervals: try intervals(
                """
                time_intervals:
                - name: always
                  time_intervals: [{}]
                - name: weekends
                  time_intervals: [{weekdays: ['saturday', 'sunday']}]
                """), timeZone: utc)
        var route = options
        route.activeTimeIntervals = ["always"]
        route.muteTimeIntervals = ["weekends"]
        #expect(!planner.isMuted(by: route, at: try rfc822("14 Oct 20 05:00 +0000")))
        #expect(planner.isMuted(by: route, at: try rfc822("17 Oct 20 10:00 +0000")))
    }

    @Test func intervalsWithoutALocationAreJudgedInThePlannersZone() throws {
        let office = try intervals(
            """
            time_intervals:
            - name: office_hours
              time_intervals:
              - weekdays: ['monday:friday']
                times: [{start_time: '07:00', end_time: '18:00'}]
            """)
        var route = options
        route.activeTimeIntervals = ["office_hours"]
        // Monday 06:30 UTC is 07:30 in Berlin.
        let monday = try rfc822("08 Jan 24 06:30 +0000")
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(
            NotificationPlanner(receivers: [:], timeIntervals: office, timeZone: utc).isMuted(by: route, at: monday))
        #expect(
            !NotificationPlanner(receivers: [:], timeIntervals: office, timeZone: berlin).isMuted(by: route, at: monday)
        )
    }
}
