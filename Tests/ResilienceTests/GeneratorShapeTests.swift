import Resilience
import Schedule
import Testing

/// Generated programs are tight without being broken, so the contingency benchmark has something to
/// find: full coverage and lawful duty hours, yet single points of failure and fatal pairs.
@Suite struct GeneratorShapeTests {
    @Test func theBenchmarkProgramIsCoveredYetHasSinglePointsOfFailureAndFatalPairs() throws {
        let program = ProgramGenerator(faculty: 60, residents: 120, weeks: 13, seed: 7).generate()
        let from = try #require(Day(iso: "2026-07-06"))  // the first Monday
        let window = ScheduleWindow(from: from, days: 84)
        let index = WindowIndex(program: program, window: window)
        #expect(Coverage(index: index).gapSlots == 0)
        let utilization = Utilization(index: index).rate
        #expect(utilization > 0.55 && utilization < 0.80)
        let report = ContingencyAnalysis(index: index).report(includeN2: true)
        #expect(!report.n1.singlePointsOfFailure.isEmpty)
        #expect(!(report.n2?.fatalPairs.isEmpty ?? true))
        #expect(ACGMEChecker().check(program: program, window: window).violations.isEmpty)
    }

    @Test func smallAndOddSizedProgramsKeepResidentsInsideTheLimits() throws {
        for (faculty, residents, seed) in [(5, 7, UInt64(1)), (12, 24, 2), (9, 31, 3)] {
            let program = ProgramGenerator(faculty: faculty, residents: residents, weeks: 20, seed: seed).generate()
            let window = ScheduleWindow(from: try #require(Day(iso: "2026-08-03")), days: 84)
            let violations = ACGMEChecker().check(program: program, window: window).violations
            #expect(violations.allSatisfy { $0.rule == .supervisionRatio }, "\(faculty)/\(residents)")
        }
    }
}
