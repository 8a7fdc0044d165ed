import Resilience
import Schedule
import Testing

/// duty_hours_80: the worst rolling 28-day window's hours / 4, > 80 critical, > 76 warning.
///
/// The timetables use 16-hour days (h8 07:00-15:00 + h8 15:00-23:00) in blocks of at most 6 days with a
/// day off between blocks, so no other rule fires; a 17-hour day (PM h9, until midnight) is always the
/// last of a block, so it touches neither the day off nor the next duty day.
@Suite struct ACGMEDutyHoursTests {
    /// 20 duty days in offsets 0...22: blocks 0-5, 7-12, 14-19, 21-22.
    static let twentyDays = Array(0...5) + Array(7...12) + Array(14...19) + Array(21...22)
    /// 19 duty days in offsets 0...21: blocks 0-5, 7-12, 14-19, 21.
    static let nineteenDays = Array(0...5) + Array(7...12) + Array(14...19) + [21]

    @Test func exactlyEightyHoursAWeekIsAWarningNotACritical() {
        // 20 days × 16 h = 320 h. Window of 23 days: the 28-day window ending on offset 22 covers -5...22
        // and holds all 20 days: 320 / 4 = 80.0, not above 80, but above 76.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.fullDays("r01", Self.twentyDays)
        let report = builder.check(days: 23)
        #expect(report.violations.count == 1)
        let violation = report.violations(.dutyHours80).first
        #expect(violation?.severity == .warning)
        #expect(violation?.measured == 80)
        #expect(violation?.limit == 76)
        #expect(violation?.first == ACGMEProgramBuilder.day(-5))
        #expect(violation?.last == ACGMEProgramBuilder.day(22))
        #expect(report.criticalCount == 0)
    }

    @Test func eightyPointTwoFiveHoursAWeekIsCritical() {
        // As above plus one hour (day 5's PM is h9: 15:00-24:00, day 6 is off): 321 h / 4 = 80.25.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.fullDays("r01", Self.twentyDays.filter { $0 != 5 })
        builder.fullDays("r01", [5], pm: "h9")
        let report = builder.check(days: 23)
        #expect(report.violations.count == 1)
        let violation = report.violations(.dutyHours80).first
        #expect(violation?.severity == .critical)
        #expect(violation?.measured == 80.25)
        #expect(violation?.limit == 80)
        #expect(violation?.person == "r01")
        #expect(violation?.residents == ["r01"])
        // -5 is 2026-09-09, 22 is 2026-10-06.
        #expect(violation?.message == "r01 averages 80.25 h/week over 2026-09-09..2026-10-06 (limit 80)")
    }

    @Test func exactlySeventySixHoursAWeekIsNothing() {
        // 19 days × 16 h = 304 h; window of 22 days, worst 28-day window -6...21: 304 / 4 = 76.0.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.fullDays("r01", Self.nineteenDays)
        let report = builder.check(days: 22)
        #expect(report.violations.isEmpty)
        #expect(report.figures("r01")?.fourWeekAverageHours == 76)
    }

    @Test func seventySixAndAHalfHoursAWeekIsAWarning() {
        // 304 h plus an hour on days 5 and 12 (ends of blocks): 306 / 4 = 76.5.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.fullDays("r01", Self.nineteenDays.filter { $0 != 5 && $0 != 12 })
        builder.fullDays("r01", [5, 12], pm: "h9")
        let report = builder.check(days: 22)
        #expect(report.violations.count == 1)
        let violation = report.violations(.dutyHours80).first
        #expect(violation?.severity == .warning)
        #expect(violation?.measured == 76.5)
        #expect(violation?.first == ACGMEProgramBuilder.day(-6))
        #expect(violation?.last == ACGMEProgramBuilder.day(21))
        #expect(violation?.message.hasPrefix("r01 averages 76.5 h/week over 2026-09-08..2026-10-05") == true)
    }

    @Test func oneFindingPerResidentForTheEarliestWorstWindow() {
        // The 80.25 timetable in a 28-day window: the windows ending on 22...27 all hold the 321 h; one
        // critical finding, for the earliest of them (-5...22), not six.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.fullDays("r01", Self.twentyDays.filter { $0 != 5 })
        builder.fullDays("r01", [5], pm: "h9")
        let findings = builder.check(days: 28).violations(.dutyHours80)
        #expect(findings.count == 1)
        #expect(findings.first?.first == ACGMEProgramBuilder.day(-5))
    }

    @Test func hoursBeforeTheWindowCount() {
        // The 80.25 timetable moved 27 days earlier (offsets -27...-5) and a one-day window: its only
        // 28-day window, -27...0 (2026-08-18..2026-09-14), holds all 321 h.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.fullDays("r01", Self.twentyDays.filter { $0 != 5 }.map { $0 - 27 })
        builder.fullDays("r01", [5 - 27], pm: "h9")
        let violation = builder.check(days: 1).violations(.dutyHours80).first
        #expect(violation?.severity == .critical)
        #expect(violation?.measured == 80.25)
        #expect(violation?.first == ACGMEProgramBuilder.day(-27))
    }

    @Test func hoursMoreThanTwentySevenDaysBeforeTheWindowAreNotRead() {
        // The same timetable one day earlier (offsets -28...-6): the 16 h of offset -28 fall outside the
        // only 28-day window, leaving 305 h: 76.25, a warning.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.fullDays("r01", Self.twentyDays.filter { $0 != 5 }.map { $0 - 28 })
        builder.fullDays("r01", [5 - 28], pm: "h9")
        let violation = builder.check(days: 1).violations(.dutyHours80).first
        #expect(violation?.severity == .warning)
        #expect(violation?.measured == 76.25)
    }

    @Test func callHoursCountTowardTheAverage() {
        // A PM h6 session with call on offset 0: 13:00-19:00 then call to 07:00 = 18 h on duty, of which
        // 11 h fall on day 0 and 7 h on day 1; every 28-day window ending on day 1 or later holds 18 h.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.assign("r01", 0, .pm, "h6", call: true)
        #expect(builder.check(days: 7).figures("r01")?.fourWeekAverageHours == 4.5)
    }
}
