import Resilience
import Schedule
import Testing

/// continuous_duty_28 (no duty period over 24 + 4 h) and rest_after_call_14 (14 h free after a period of
/// 24 h or more). A duty period chains duty across breaks shorter than 8 h.
@Suite struct ACGMEContinuousDutyTests {
    @Test func twentyEightHoursIsFine() {
        // Offset 3: AM h6 07:00-13:00 with call to 07:00 on 4 (24 h); offset 4: AM h4 07:00-11:00, joined
        // with no break: 07:00 on 3 to 11:00 on 4 = 28 h.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.assign("r01", 3, .am, "h6", call: true)
        builder.assign("r01", 4, .am, "h4")
        let report = builder.check(days: 14)
        #expect(report.violations.isEmpty)
        #expect(report.figures("r01")?.longestContinuousHours == 28)
    }

    @Test func twentyEightAndAHalfHoursIsCritical() {
        // As above with AM h4.5 on offset 4: 07:00 on 3 to 11:30 on 4 = 28.5 h.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.assign("r01", 3, .am, "h6", call: true)
        builder.assign("r01", 4, .am, "h4.5")
        let report = builder.check(days: 14)
        #expect(report.violations.count == 1)
        let violation = report.violations(.continuousDuty28).first
        #expect(violation?.severity == .critical)
        #expect(violation?.measured == 28.5)
        #expect(violation?.limit == 28)
        #expect(violation?.first == ACGMEProgramBuilder.day(3))
        #expect(violation?.last == ACGMEProgramBuilder.day(4))
        #expect(
            violation?.message
                == "r01 is on duty 28.5 h without a break of 8 h, 2026-09-17 07:00 to 2026-09-18 11:30 (limit 28 h)")
    }

    @Test func aBreakShorterThanEightHoursDoesNotEndThePeriod() {
        // Offsets 0 and 1: AM h6 07:00-13:00 + PM h10.5 13:00-23:30; the 7.5 h until 07:00 does not end
        // the period: 07:00 on 0 to 23:30 on 1 = 40.5 h.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.fullDays("r01", [0, 1], am: "h6", pm: "h10.5")
        let violation = builder.check(days: 7).violations(.continuousDuty28).first
        #expect(violation?.measured == 40.5)
    }

    @Test func aBreakOfEightHoursEndsThePeriod() {
        // PM h10 instead: 13:00-23:00, 8 h until 07:00, so two periods of 16 h.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.fullDays("r01", [0, 1], am: "h6", pm: "h10")
        let report = builder.check(days: 7)
        #expect(report.violations.isEmpty)
        #expect(report.figures("r01")?.longestContinuousHours == 16)
    }

    @Test func aPeriodBeforeTheWindowIsNotReported() {
        // The 28.5 h period on -5...-4 ends before the window.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.assign("r01", -5, .am, "h6", call: true)
        builder.assign("r01", -4, .am, "h4.5")
        let report = builder.check(days: 7)
        #expect(report.violations(.continuousDuty28).isEmpty)
        #expect(report.figures("r01")?.longestContinuousHours == 0)
    }

    @Test func aPeriodReachingIntoTheWindowIsReported() {
        // Call from 07:00 on -1 to 07:00 on 0, then AM h4.5 on 0: 28.5 h, partly in the window.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.assign("r01", -1, .am, "h6", call: true)
        builder.assign("r01", 0, .am, "h4.5")
        let violation = builder.check(days: 7).violations(.continuousDuty28).first
        #expect(violation?.measured == 28.5)
        #expect(violation?.first == ACGMEProgramBuilder.day(-1))
    }

    @Test func fourteenHoursOffAfterCallIsFine() {
        // Offset 3: PM h6 13:00-19:00 with call to 07:00 on 4; offset 4: AM h10 07:00-17:00. Period 13:00
        // on 3 to 17:00 on 4 = 28 h; next duty AM on 5 at 07:00: 14 h later.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.assign("r01", 3, .pm, "h6", call: true)
        builder.assign("r01", 4, .am, "h10")
        builder.assign("r01", 5, .am, "h6")
        #expect(builder.check(days: 14).violations.isEmpty)
    }

    @Test func thirteenHoursOffAfterCallIsHigh() {
        // AM h11 on 4 instead: the period ends 18:00 on 4 (29 h, also over 28), 13 h before 07:00 on 5.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.assign("r01", 3, .pm, "h6", call: true)
        builder.assign("r01", 4, .am, "h11")
        builder.assign("r01", 5, .am, "h6")
        let report = builder.check(days: 14)
        #expect(report.violations(.continuousDuty28).first?.measured == 29)
        let violation = report.violations(.restAfterCall14).first
        #expect(report.violations(.restAfterCall14).count == 1)
        #expect(violation?.severity == .high)
        #expect(violation?.measured == 13)
        #expect(violation?.limit == 14)
        #expect(violation?.first == ACGMEProgramBuilder.day(4))
        #expect(violation?.last == ACGMEProgramBuilder.day(5))
        #expect(
            violation?.message
                == "r01 has only 13 h off between a 29 h duty period ending 2026-09-18 18:00 and duty at "
                + "2026-09-19 07:00 (needs 14 h after 24 h or more)")
    }

    @Test func theRestRuleFollowsOnlyPeriodsOfCallLength() {
        // The 13-hour case with call length set to 30 h: the 29 h period is not call, so no rest finding.
        var builder = ACGMEProgramBuilder()
        builder.resident("r01")
        builder.assign("r01", 3, .pm, "h6", call: true)
        builder.assign("r01", 4, .am, "h11")
        builder.assign("r01", 5, .am, "h6")
        let report = builder.check(days: 14, limits: ACGMELimits(callPeriodHours: 30))
        #expect(report.violations(.restAfterCall14).isEmpty)
        #expect(report.violations(.continuousDuty28).count == 1)
    }

    @Test func aSessionLastsAtMostADay() {
        // A 30-hour AM session counts as 24 h (07:00 to 07:00); a non-finite one as 0 h.
        var builder = ACGMEProgramBuilder()
        builder.rotations.append(Rotation(id: "h30", name: "30 h", category: .patientSafety, hoursPerSession: 30))
        builder.rotations.append(
            Rotation(id: "hinf", name: "infinite", category: .patientSafety, hoursPerSession: .infinity))
        builder.resident("r01")
        builder.resident("r02")
        builder.assign("r01", 0, .am, "h30")
        builder.assign("r02", 0, .am, "hinf")
        let report = builder.check(days: 7)
        #expect(report.figures("r01")?.longestContinuousHours == 24)
        #expect(report.figures("r02")?.longestContinuousHours == 0)
    }
}
