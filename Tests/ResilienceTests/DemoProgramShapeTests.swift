import Resilience
import Schedule
import Testing

/// The demo program's windows look the way the newcomer's first run needs them to: the crisis
/// weeks from the shipped `schedule.as_of` fire alerts, ordinary weeks are green.
@Suite struct DemoProgramShapeTests {
    private static let program = DemoProgram.make()
    private static let crisis = ScheduleWindow(from: DemoProgram.crisisStart, days: 28)
    private static let greenWindows = ["2026-07-06", "2027-02-01"].compactMap { Day(iso: $0) }.map {
        ScheduleWindow(from: $0, days: 28)
    }

    @Test func theCrisisWindowHasCoverageGapsAndUtilizationAboveNinetyPercent() {
        let index = WindowIndex(program: Self.program, window: Self.crisis)
        #expect(Coverage(index: index).gapSlots > 0)
        #expect(Utilization(index: index).rate > 0.90)
        // The gaps are the deployed faculty's own assignments, left in place.
        let deployed = Set(["f04", "f10"].compactMap { index.facultyIndex[$0] })
        let gaps = Coverage(index: index).gaps.map { index.slots[$0] }
        #expect(gaps.contains { !Set($0.assigned).isDisjoint(with: deployed) })
    }

    @Test func theCrisisLeavesOneObstetricianAsASinglePointOfFailure() throws {
        let index = WindowIndex(program: Self.program, window: Self.crisis)
        let obstetrics = try #require(index.rotations.firstIndex { $0.id == "obstetrics" })
        let raman = try #require(index.facultyIndex["f03"])
        // Everyone else qualified for obstetrics is away the whole window.
        for member in index.faculty.indices where member != raman && index.isQualified(member, rotation: obstetrics) {
            #expect((0..<Self.crisis.days).allSatisfy { index.isAbsent(member, dayOffset: $0) })
        }
        let report = ContingencyAnalysis(index: index).report(includeN2: false)
        #expect(report.n1.singlePointsOfFailure.contains { $0.person == "f03" })
    }

    @Test func twoResidentsBreakTheDutyHourLimitsInTheCrisis() {
        let report = ACGMEChecker().check(program: Self.program, window: Self.crisis)
        for resident in ["r10", "r19"] {
            let rules = Set(report.violations.filter { $0.person == resident }.map(\.rule))
            #expect(rules.isSuperset(of: [.dutyHours80, .consecutiveDutyDays, .oneDayInSeven]), "\(resident)")
        }
    }

    @Test func ordinaryWindowsAreCoveredBelowSeventyPercentAndInsideTheLimits() {
        for window in Self.greenWindows {
            let index = WindowIndex(program: Self.program, window: window)
            #expect(Coverage(index: index).gapSlots == 0, "\(window)")
            #expect(Utilization(index: index).rate < 0.70, "\(window)")
            #expect(ACGMEChecker().check(program: Self.program, window: window).violations.isEmpty, "\(window)")
        }
    }

    @Test func theEngineCallsOrdinaryWindowsGreenAndTheCrisisAtLeastRed() {
        let engine = ResilienceEngine()
        for window in Self.greenWindows {
            #expect(engine.evaluate(program: Self.program, window: window).defense.level == .green, "\(window)")
        }
        #expect(engine.evaluate(program: Self.program, window: Self.crisis).defense.level >= .red)
    }
}
