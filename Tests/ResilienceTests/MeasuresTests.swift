import Resilience
import Schedule
import Testing

@Suite struct UtilizationTests {
    @Test func capacityCountsPresentHalfDaysCappedPerISOWeek() {
        // 2026-09-14 is a Monday: a 7-day window is exactly one ISO week (14 half-days).
        var builder = ProgramBuilder()
        builder.faculty("f1", cap: 8)  // min(8, 14) = 8
        builder.faculty("f2")  // uncapped: 14
        builder.faculty("f3", cap: 10)
        builder.absent("f3", from: 0, to: 3)  // 3 days present → 6 half-days < cap 10
        builder.rotation("ward", minFaculty: 2)
        for day in 0..<5 { builder.assign("f1", day: day, .am, "ward") }
        let utilization = Utilization(index: builder.index(days: 7))
        #expect(utilization.capacity == 8 + 14 + 6)
        // Five slots needing 2 each.
        #expect(utilization.required == 10)
        #expect(utilization.rate == 10.0 / 28.0)
        #expect(utilization.level == .green)
        // 0.8·28 − 10 = 12.4 free below the target.
        #expect(abs(utilization.bufferRemaining - 12.4 / 28) < 1e-12)
    }

    @Test func capIsPerISOWeekWhenTheWindowCutsWeeks() {
        // Window Thu 2026-09-17 .. Wed 2026-09-23: 4 days of one week, 3 of the next.
        var builder = ProgramBuilder(start: "2026-09-17")
        builder.faculty("f1", cap: 5)
        builder.rotation("ward")
        builder.assign("f1", day: 0, .am, "ward")
        let utilization = Utilization(index: builder.index(days: 7))
        // min(5, 8) + min(5, 6) = 10, not min(5·2, 14).
        #expect(utilization.capacity == 10)
    }

    @Test func zeroCapacityWithWorkIsFullyUtilized() {
        var builder = ProgramBuilder()
        builder.faculty("f1", cap: 0)
        builder.resident("r1")
        builder.rotation("ward")
        builder.assign("r1", day: 0, .am, "ward")
        let utilization = Utilization(index: builder.index(days: 7))
        #expect(utilization.capacity == 0)
        #expect(utilization.rate == 1)
        #expect(utilization.level == .black)
        #expect(utilization.bufferRemaining == 0)
        var idle = ProgramBuilder()
        idle.faculty("f1", cap: 0)
        #expect(Utilization(index: idle.index(days: 7)).rate == 0)
    }

    @Test func bandsHaveInclusiveLowerBounds() {
        let thresholds = UtilizationThresholds.standard
        #expect(thresholds.level(of: 0.6999) == .green)
        #expect(thresholds.level(of: 0.70) == .yellow)
        #expect(thresholds.level(of: 0.80) == .orange)
        #expect(thresholds.level(of: 0.8999) == .orange)
        #expect(thresholds.level(of: 0.90) == .red)
        #expect(thresholds.level(of: 0.95) == .black)
        #expect(thresholds.level(of: 1.7) == .black)
    }
}

@Suite struct CoverageTests {
    @Test func rateCountsOnlyPresentFacultyUpToNeed() {
        var builder = ProgramBuilder()
        builder.faculty("f1")
        builder.faculty("f2")
        builder.faculty("f3")
        builder.resident("r1", pgy: 1)
        builder.resident("r2", pgy: 1)
        builder.resident("r3", pgy: 2)
        builder.rotation("ward", minFaculty: 1)
        builder.rotation("clinic", category: .continuityOfCare, minFaculty: 0, supervision: true)
        // ward day 0: need 1, two faculty → counts 1 (min), no gap.
        builder.assign("f1", day: 0, .am, "ward")
        builder.assign("f2", day: 0, .am, "ward")
        // clinic day 0 PM: 2·2 + 1 = 5 units → need ceil(5/4) = 2; f3 present → gap.
        builder.assign("r1", day: 0, .pm, "clinic")
        builder.assign("r2", day: 0, .pm, "clinic")
        builder.assign("r3", day: 0, .pm, "clinic")
        builder.assign("f3", day: 0, .pm, "clinic")
        // ward day 1: need 1, f3 assigned but absent → gap.
        builder.assign("f3", day: 1, .am, "ward")
        builder.absent("f3", from: 1, to: 1)
        let coverage = Coverage(index: builder.index(days: 7))
        #expect(coverage.totalNeed == 1 + 2 + 1)
        #expect(coverage.covered == 1 + 1 + 0)
        #expect(coverage.rate == 0.5)
        #expect(coverage.gapSlots == 2)
    }

    @Test func nothingNeededIsFullyCovered() {
        var builder = ProgramBuilder()
        builder.faculty("f1")
        builder.rotation("elective", category: .educationOptional, minFaculty: 0)
        builder.assign("f1", day: 0, .am, "elective")
        let coverage = Coverage(index: builder.index(days: 7))
        #expect(coverage.rate == 1)
        #expect(coverage.gapSlots == 0)
    }
}

@Suite struct FacultyAvailabilityTests {
    @Test func onDutyExcludesThoseAbsentOnTheFirstDay() {
        var builder = ProgramBuilder()
        for id in ["f1", "f2", "f3", "f4"] { builder.faculty(id) }
        builder.resident("r1")
        builder.absent("f2", from: -3, to: 0, kind: .deployment)
        builder.absent("f3", from: 1, to: 5)  // not on the first day
        let faculty = FacultyAvailability(index: builder.index(days: 7))
        #expect(faculty.total == 4)
        #expect(faculty.onLeave == 1)
        #expect(faculty.onDuty == 3)
    }
}
