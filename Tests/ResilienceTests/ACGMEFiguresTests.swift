import Resilience
import Schedule
import Testing

/// The per-resident gauge figures, the compliance score, the counts and the violations' identity.
@Suite struct ACGMEFiguresTests {
    @Test func figuresOfAWeekEndingWithCall() throws {
        // Window: one week from Monday (offsets 0...6). r01: AM h6 + PM h6 (07:00-19:00) on 0...4, with
        // call after the PM of 4 (to 07:00 on 5).
        // Hours per day: 12 on 0...3, 17 on 4 (07:00-24:00), 7 on 5: 72 in the week starting on 0.
        // Every 28-day window ending on 5 or 6 holds all 72 h: 18 h/week.
        // Longest period: 07:00 on 4 to 07:00 on 5 = 24 h. Duty days 0...5: 6 in a row, so a 28-day
        // window ending on 5 or 6 has 28 - 6 = 22 days off. r02 has no assignment at all.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.resident("r02")
        for offset in 0...4 {
            builder.assign("r01", offset, .am, "h6")
            builder.assign("r01", offset, .pm, "h6", call: offset == 4)
        }
        let report = builder.check(days: 7)
        #expect(report.violations.isEmpty)
        #expect(
            try #require(report.figures("r01"))
                == ResidentDutyFigures(
                    resident: "r01", weeklyHours: 72, fourWeekAverageHours: 18, longestContinuousHours: 24,
                    daysWithoutDayOff: 6, fewestDaysOffIn28Days: 22))
        #expect(
            try #require(report.figures("r02"))
                == ResidentDutyFigures(
                    resident: "r02", weeklyHours: 0, fourWeekAverageHours: 0, longestContinuousHours: 0,
                    daysWithoutDayOff: 0, fewestDaysOffIn28Days: 28))
        #expect(report.residents.map(\.resident) == ["r01", "r02"])
    }

    @Test func theWeeklyFigureIsTheBusiestSevenDaysStartingInTheWindow() {
        // AM h8 on offsets 3...9 (seven days, 56 h). In a 5-day window (0...4) assignments after the window
        // are not read, so the busiest span, starting on 3, holds only 3 and 4: 16 h. In a 14-day window the
        // span 3...9 holds all seven days: 56 h.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        for offset in 3...9 { builder.assign("r01", offset, .am, "h8") }
        #expect(builder.check(days: 5).figures("r01")?.weeklyHours == 16)
        #expect(builder.check(days: 14).figures("r01")?.weeklyHours == 56)
    }

    @Test func complianceScoreCountsResidentsWithABreach() {
        // r01: 7 consecutive days (HIGH). r02: 76.5 h/week (a WARNING only: still compliant). r03: one
        // session. r04: alone in a supervised clinic slot (CRITICAL for the slot, which names r04).
        // Breached: r01 and r04, so 2 of 4 residents are compliant: 50.
        var builder = ACGMEProgramBuilder()
        for id in ["r01", "r02", "r03", "r04"] { builder.resident(id) }
        for offset in 0...6 { builder.assign("r01", offset, .am, "h6") }
        let nineteenDays = ACGMEDutyHoursTests.nineteenDays
        builder.fullDays("r02", nineteenDays.filter { $0 != 5 && $0 != 12 })
        builder.fullDays("r02", [5, 12], pm: "h9")
        builder.assign("r03", 0, .am, "h6")
        builder.assign("r04", 1, .am, "clinic")
        let report = builder.check(days: 22)
        #expect(report.complianceScore == 50)
        #expect(
            report.countsByRule == [
                .dutyHours80: 1, .oneDayInSeven: 0, .consecutiveDutyDays: 1, .continuousDuty28: 0,
                .restAfterCall14: 0, .supervisionRatio: 1,
            ])
        #expect(report.countsBySeverity == [.critical: 1, .high: 1, .warning: 1])
        #expect(report.criticalCount == 1)
        #expect(report.violations.map(\.rule) == [.dutyHours80, .consecutiveDutyDays, .supervisionRatio])
    }

    @Test func aProgramWithoutResidentsIsFullyCompliant() {
        var builder = ACGMEProgramBuilder()
        builder.faculty("f01")
        builder.assign("f01", 0, .am, "clinic")
        let report = builder.check(days: 7)
        #expect(report.complianceScore == 100)
        #expect(report.residents.isEmpty)
        #expect(report.violations.isEmpty)
    }

    @Test func anEmptyWindowJudgesNothing() {
        // Seven duty days just before a zero-day window: no 28-day window ends inside it.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        for offset in -7 ... -1 { builder.assign("r01", offset, .am, "h11", call: true) }
        let report = builder.check(days: 0)
        #expect(report.violations.isEmpty)
        #expect(report.figures("r01")?.fourWeekAverageHours == 0)
    }

    @Test func aViolationKeepsItsKeyWhenTheWindowMovesOn() {
        // Seven duty days 2...8 seen from windows starting on 0 and on 1: the same finding, the same key.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        for offset in 2...8 { builder.assign("r01", offset, .am, "h6") }
        let before = builder.check(days: 14).violations.map(\.key)
        let after = builder.check(days: 14, from: 1).violations.map(\.key)
        #expect(before.count == 1)
        #expect(before == after)
        #expect(before.first?.description == "consecutive_duty_days|r01|2026-09-16")
    }

    @Test func severitiesAndRulesKeepTheirIDs() {
        #expect(ACGMESeverity.allCases.map(\.rawValue) == ["CRITICAL", "HIGH", "WARNING"])
        #expect(
            ACGMERule.allCases.map(\.rawValue) == [
                "duty_hours_80", "one_day_in_seven", "consecutive_duty_days", "continuous_duty_28",
                "rest_after_call_14", "supervision_ratio",
            ])
    }
}
