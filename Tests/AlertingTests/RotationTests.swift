import Alerting
import Foundation
import TestSupport
import Testing
import TimeSeries

private let newYork = TimeZone(identifier: "America/New_York") ?? .current

/// ms of a UTC reading.
private func utc(_ text: String) -> Int64 {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return Int64((formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970 * 1000)
}

private func rotations(_ yaml: String, receivers: Set<String> = ["a", "b", "c", "d"]) throws -> EscalationConfig {
    try EscalationFileParser.parse(
        [(path: "esc.yml", text: "route:\n  receiver: a\n" + yaml)], receivers: receivers, fallbackReceiver: "a")
}

private func problem(_ yaml: String) -> String {
    do {
        _ = try rotations(yaml)
        return "no error"
    } catch {
        return "\(error)"
    }
}

/// On-call rotations: turns, handoffs at the local wall-clock time through both daylight-saving
/// changes, overrides, `oncall:` steps paging whoever is on call, and each mistake at its position.
@Suite struct RotationTests {
    static let daily = """
        oncall:
          - name: clinic
            members: [a, b, c]
            shift: daily
            handoff: "08:00"
            start: 2026-03-01
        """

    @Test func membersTakeTurnsAndHandOffAtTheLocalTime() throws {
        let rotation = try #require(try rotations(Self.daily).rotations["clinic"])
        // 2026-03-01 08:00 EST is 13:00Z: a's first day.
        #expect(rotation.shift(at: utc("2026-03-01T12:59:59Z"), defaultZone: newYork) == nil, "before the start")
        let first = try #require(rotation.shift(at: utc("2026-03-01T13:00:00Z"), defaultZone: newYork))
        #expect(first.member == "a")
        #expect(first.start == utc("2026-03-01T13:00:00Z"))
        #expect(first.end == utc("2026-03-02T13:00:00Z"))
        #expect(rotation.shift(at: utc("2026-03-02T13:00:00Z"), defaultZone: newYork)?.member == "b")
        #expect(rotation.shift(at: utc("2026-03-04T12:00:00Z"), defaultZone: newYork)?.member == "c")
        #expect(rotation.shift(at: utc("2026-03-04T13:00:00Z"), defaultZone: newYork)?.member == "a")
    }

    @Test func aShiftSpanningTheSpringChangeIsAnHourShorterAndHandsOffAt8Local() throws {
        let rotation = try #require(try rotations(Self.daily).rotations["clinic"])
        // Clocks jump from 02:00 EST to 03:00 EDT on 2026-03-08: the shift from the 7th, 08:00 EST
        // (13:00Z), ends on the 8th at 08:00 EDT (12:00Z): 23 hours.
        let shift = try #require(rotation.shift(at: utc("2026-03-08T11:59:59Z"), defaultZone: newYork))
        #expect(shift.start == utc("2026-03-07T13:00:00Z"))
        #expect(shift.end == utc("2026-03-08T12:00:00Z"))
        #expect(shift.end - shift.start == 23 * 3_600_000)
        let next = try #require(rotation.shift(at: utc("2026-03-08T12:00:00Z"), defaultZone: newYork))
        #expect(next.member != shift.member)
        #expect(next.end == utc("2026-03-09T12:00:00Z"))
    }

    @Test func aShiftSpanningTheAutumnChangeIsAnHourLongerAndHandsOffAt8Local() throws {
        let rotation = try #require(try rotations(Self.daily).rotations["clinic"])
        // Clocks fall back from 02:00 EDT to 01:00 EST on 2026-11-01: the shift from 31 October,
        // 08:00 EDT (12:00Z), ends on 1 November at 08:00 EST (13:00Z): 25 hours.
        let shift = try #require(rotation.shift(at: utc("2026-11-01T12:30:00Z"), defaultZone: newYork))
        #expect(shift.start == utc("2026-10-31T12:00:00Z"))
        #expect(shift.end == utc("2026-11-01T13:00:00Z"))
        #expect(shift.end - shift.start == 25 * 3_600_000)
        #expect(
            rotation.shift(at: utc("2026-11-01T13:00:00Z"), defaultZone: newYork)?.start == utc("2026-11-01T13:00:00Z"))
    }

    @Test func aWeeklyRotationInItsOwnZoneAndAnOverride() throws {
        let config = try rotations(
            """
            oncall:
              - name: nights
                members: [a, b]
                shift: weekly
                handoff: "18:30"
                start: 2026-10-19
                time_zone: Europe/Berlin
                overrides:
                  - {member: d, start: "2026-10-28T09:00", end: "2026-10-30T09:00"}
            """)
        let rotation = try #require(config.rotations["nights"])
        let utcZone = TimeZone(identifier: "UTC") ?? .current
        // Berlin leaves summer time on 2026-10-25: the week from 19 Oct 18:30 CEST (16:30Z) ends on
        // 26 Oct 18:30 CET (17:30Z).
        let week = try #require(rotation.shift(at: utc("2026-10-20T00:00:00Z"), defaultZone: utcZone))
        #expect(week.member == "a")
        #expect(week.start == utc("2026-10-19T16:30:00Z"))
        #expect(week.end == utc("2026-10-26T17:30:00Z"))
        // b's week, cut short by d's override (09:00 CET = 08:00Z) and resumed after it.
        let before = try #require(rotation.shift(at: utc("2026-10-27T00:00:00Z"), defaultZone: utcZone))
        #expect(before.member == "b")
        #expect(before.end == utc("2026-10-28T08:00:00Z"))
        let covering = try #require(rotation.shift(at: utc("2026-10-29T00:00:00Z"), defaultZone: utcZone))
        #expect(covering.member == "d")
        #expect(covering.isOverride)
        #expect(covering.replacing == "b")
        #expect(covering.end == utc("2026-10-30T08:00:00Z"))
        let after = try #require(rotation.shift(at: utc("2026-10-30T08:00:00Z"), defaultZone: utcZone))
        #expect(after.member == "b")
        #expect(after.start == utc("2026-10-30T08:00:00Z"))
        #expect(after.end == utc("2026-11-02T17:30:00Z"))
        let (now, next) = rotation.nowAndNext(at: utc("2026-10-27T00:00:00Z"), defaultZone: utcZone)
        #expect(now?.member == "b")
        #expect(next?.member == "d")
        #expect(next?.start == utc("2026-10-28T08:00:00Z"))
    }

    @Test func anOncallStepPagesWhoeverIsOnCallWhenItIsTaken() async throws {
        let config = try rotations(
            Self.daily + """

                escalation_policies:
                  - name: p
                    steps:
                      - {after: 0s, notify: ['oncall:clinic']}
                      - {after: 1h, notify: [d]}
                """)
        let integration = ReceiverIntegration(kind: "webhook", index: 0, sendResolved: true)
        let pipeline = AlertPipeline(
            config: AlertPipelineConfig(
                escalation: config,
                planner: NotificationPlanner(
                    receivers: Dictionary(uniqueKeysWithValues: ["a", "b", "c", "d"].map { ($0, [integration]) }),
                    timeZone: newYork)),
            store: nil, recorder: NullRecorder(), logger: CapturingLogHandler.logger(CapturingLogHandler.Lines()))
        let at = utc("2026-03-02T14:00:00Z")  // b's day
        await pipeline.receive(
            [PipelineAlert(labels: Labels(["alertname": "X"]), startsAt: at, endsAt: at + 86_400_000, updatedAt: at)],
            now: at, persist: false)
        let sent = await pipeline.flush(now: at + 30_000)
        #expect(sent.map(\.receiver) == ["b"])
        let views = await pipeline.onCall(at: at)
        #expect(views.map(\.rotation) == ["clinic"])
        #expect(views.first?.now?.member == "b")
        #expect(views.first?.next?.member == "c")
    }

    @Test func mistakesAreReportedWhereTheyAreWritten() {
        #expect(
            problem("oncall:\n  - name: x\n    members: [a, zed]\n    shift: daily\n    start: 2026-03-01\n")
                == #"esc.yml:5:18: oncall[0].members[1]: undefined receiver "zed" in on-call rotation "x"; define it under receivers: in the configuration file"#
        )
        #expect(
            problem("oncall:\n  - name: x\n    members: [a]\n    shift: fortnightly\n    start: 2026-03-01\n")
                .contains("esc.yml:6:12: oncall[0].shift: shift must be daily, weekly or a duration"))
        #expect(
            problem(
                "oncall:\n  - name: x\n    members: [a]\n    shift: daily\n    handoff: '8am'\n    start: 2026-03-01\n"
            )
            .contains("handoff must be a local time HH:MM"))
        #expect(
            problem("oncall:\n  - name: x\n    members: [a]\n    shift: daily\n    start: 2026-02-30\n")
                .contains("start must be a date YYYY-MM-DD"))
        #expect(
            problem(
                "oncall:\n  - name: x\n    members: [a]\n    shift: daily\n    start: 2026-03-01\n    time_zone: Mars/Olympus\n"
            ).contains(#"unknown time zone "Mars/Olympus""#))
        #expect(
            problem(
                "oncall:\n  - name: x\n    members: [a]\n    shift: daily\n    start: 2026-03-01\n    overrides:\n      - {member: b, start: '2026-03-02T08:00', end: '2026-03-02T08:00'}\n"
            ).contains("an override must end after it starts"))
        #expect(
            problem(
                "escalation_policies:\n  - name: p\n    steps: [{notify: ['oncall:nope']}]\n" + Self.daily.dropFirst(0)
            )
            .contains(
                #"undefined on-call rotation "nope" in escalation policy "p"; define it under oncall: (defined: clinic)"#
            ))
        #expect(
            problem(
                "oncall:\n  - {name: x, members: [a], shift: daily, start: 2026-03-01}\n  - {name: x, members: [b], shift: daily, start: 2026-03-01}\n"
            ).contains("esc.yml:5:12"))
    }
}

private struct NullRecorder: NotificationRecorder {
    func record(_ notifications: [GroupNotification]) throws {}
}
