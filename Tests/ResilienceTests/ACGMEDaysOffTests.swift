import Resilience
import Schedule
import Testing

/// one_day_in_seven (at least 4 days off in every 28-day window) and consecutive_duty_days (at most 6).
@Suite struct ACGMEDaysOffTests {
    /// The only 28-day window of a one-day window is -27...0. Off: -24, -18, -12, -6; duty (h1 AM) on
    /// the other 24 days, in runs of 3, 5, 5, 5 and 6.
    static let fourOff = [-24, -18, -12, -6]
    static func duty(except off: [Int]) -> [Int] { (-27...0).filter { !off.contains($0) } }

    @Test func fourDaysOffInTwentyEightIsEnough() {
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        for offset in Self.duty(except: Self.fourOff) { builder.assign("r01", offset, .am, "h1") }
        let report = builder.check(days: 1)
        #expect(report.violations.isEmpty)
        #expect(report.figures("r01")?.fewestDaysOffIn28Days == 4)
    }

    @Test func threeDaysOffInTwentyEightIsHigh() {
        // Duty on -24 as well: 3 days off. (The 9-day run -27...-19 ends before the window, so
        // consecutive_duty_days has nothing to report.)
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        for offset in Self.duty(except: [-18, -12, -6]) { builder.assign("r01", offset, .am, "h1") }
        let report = builder.check(days: 1)
        #expect(report.violations.count == 1)
        let violation = report.violations(.oneDayInSeven).first
        #expect(violation?.severity == .high)
        #expect(violation?.measured == 3)
        #expect(violation?.limit == 4)
        #expect(violation?.first == ACGMEProgramBuilder.day(-27))
        #expect(violation?.last == ACGMEProgramBuilder.day(0))
        #expect(
            violation?.message
                == "r01 has only 3 days off in 2026-08-18..2026-09-14 (needs at least 4 in any 28 days: one day in seven)"
        )
    }

    @Test func aPostCallMorningIsNotADayOff() {
        // The four-days-off timetable with call after -7's session: call until 07:00 on -6, which is
        // then a duty day, leaving 3 days off.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        for offset in Self.duty(except: Self.fourOff) { builder.assign("r01", offset, .am, "h1", call: offset == -7) }
        let report = builder.check(days: 1)
        #expect(report.violations(.oneDayInSeven).first?.measured == 3)
        #expect(report.figures("r01")?.fewestDaysOffIn28Days == 3)
    }

    @Test func sixConsecutiveDutyDaysAreFine() {
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        for offset in 2...7 { builder.assign("r01", offset, .am, "h6") }
        let report = builder.check(days: 14)
        #expect(report.violations.isEmpty)
        #expect(report.figures("r01")?.daysWithoutDayOff == 6)
    }

    @Test func sevenConsecutiveDutyDaysAreHigh() {
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        for offset in 2...8 { builder.assign("r01", offset, .am, "h6") }
        let report = builder.check(days: 14)
        #expect(report.violations.count == 1)
        let violation = report.violations(.consecutiveDutyDays).first
        #expect(violation?.severity == .high)
        #expect(violation?.measured == 7)
        #expect(violation?.limit == 6)
        #expect(violation?.first == ACGMEProgramBuilder.day(2))
        #expect(violation?.last == ACGMEProgramBuilder.day(8))
        #expect(
            violation?.message == "r01 is on duty 7 days in a row, 2026-09-16..2026-09-22, without a day off (limit 6)")
    }

    @Test func callOnTheSixthDayMakesTheSeventhADutyDay() {
        // Six AM sessions, the last with call: the call ends 07:00 on offset 8, a seventh duty day.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        for offset in 2...7 { builder.assign("r01", offset, .am, "h6", call: offset == 7) }
        let report = builder.check(days: 14)
        #expect(report.violations(.consecutiveDutyDays).first?.last == ACGMEProgramBuilder.day(8))
        #expect(report.figures("r01")?.daysWithoutDayOff == 7)
    }

    @Test func aRunEndingBeforeTheWindowIsNotReported() {
        // Eight days -12...-5, all before the window: nothing in the window to report.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        for offset in -12 ... -5 { builder.assign("r01", offset, .am, "h6") }
        let report = builder.check(days: 14)
        #expect(report.violations(.consecutiveDutyDays).isEmpty)
        #expect(report.figures("r01")?.daysWithoutDayOff == 0)
    }

    @Test func aRunReachingIntoTheWindowCountsItsHistory() {
        // -3...3: seven days, four of them in the window.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        for offset in -3...3 { builder.assign("r01", offset, .am, "h6") }
        let violation = builder.check(days: 14).violations(.consecutiveDutyDays).first
        #expect(violation?.measured == 7)
        #expect(violation?.first == ACGMEProgramBuilder.day(-3))
    }
}
