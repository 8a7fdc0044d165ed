import Resilience
import Schedule
import Testing

@Suite struct FallbackTests {
    /// f1 alone may cover procedures (a single point of failure); f2 (ward mornings) and f3
    /// (elective afternoons) may each stand in for the other.
    private func program() -> ProgramBuilder {
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["procedures", "ward"])
        builder.faculty("f2", capabilities: ["ward", "elective"])
        builder.faculty("f3", capabilities: ["ward", "elective"])
        builder.rotation("procedures")
        builder.rotation("ward")
        builder.rotation("elective", category: .educationOptional)
        for day in 0..<5 {
            builder.assign("f1", day: day, .am, "procedures")
            builder.assign("f2", day: day, .am, "ward")
            builder.assign("f3", day: day, .pm, "elective")
        }
        return builder
    }

    private func planner(_ builder: ProgramBuilder) -> FallbackPlanner {
        let index = builder.index(days: 7)
        let report = ContingencyAnalysis(index: index).report()
        var points: [String: Int] = [:]
        for point in report.n1.singlePointsOfFailure { points[point.person] = point.unfillableSlots }
        return FallbackPlanner(
            program: builder.program, window: builder.window(days: 7), baseIndex: index, singlePoints: points)
    }

    @Test func ranksTheSinglePointOfFailureMostCritical() {
        // f1 leaves 5 procedure slots unfillable; f2 and f3 none. f2 and f3 each cover 5 slots:
        // the tie goes by id.
        #expect(planner(program()).criticalOrder == ["f1", "f2", "f3"])
    }

    @Test func oneFacultyLossKeepsWhatNobodyElseCanCover() {
        let plan = planner(program()).plan(.oneFacultyLoss)
        #expect(plan.lostFaculty == ["f1"])
        #expect(plan.suspendedCategories.isEmpty)
        // Ward 5 + procedures 5 + elective 5 need 15; losing f1 uncovers 5 nobody may fill.
        #expect(plan.coverageWithoutRepair == 10.0 / 15.0)
        #expect(plan.coverageKept == 10.0 / 15.0)
        #expect(plan.reassignments.isEmpty)
        #expect(plan.shortSlots == 5)
        #expect(!plan.healthy)
    }

    @Test func twoFacultyLossReassignsFreedFacultyAndSaysWhomTheyReplace() {
        // Losing f1 and f2 (the two most critical); YELLOW suspends the elective, so f3 is free in
        // the afternoons and already free mornings: f3 takes the five ward mornings for f2.
        let plan = planner(program()).plan(.twoFacultyLoss)
        #expect(plan.lostFaculty == ["f1", "f2"])
        #expect(plan.suspendedCategories == [.educationOptional])
        #expect(plan.suspendedActivities == 5)
        #expect(plan.reassignments.count == 5)
        #expect(plan.reassignments.allSatisfy { $0.person == "f3" && $0.replacing == "f2" && $0.rotation == "ward" })
        // Need left: ward 5 + procedures 5 = 10; covered after repair: the 5 ward slots.
        #expect(plan.coverageKept == 0.5)
    }

    @Test func everyScenarioIsPlanned() {
        let plans = planner(program()).planAll()
        #expect(plans.map(\.scenario) == FallbackScenario.allCases)
        // Three faculty: half is 1, a third 1, 30% 0, a fifth 0, a quarter 0.
        #expect(plans.map(\.lostFaculty.count) == [1, 2, 1, 1, 0, 0, 0])
    }
}

@Suite struct EmergencyTests {
    @Test func fewSlotsAreRepairedIncrementally() throws {
        var builder = ProgramBuilder()
        builder.faculty("f1")
        builder.faculty("f2")
        builder.rotation("ward")
        for day in 0..<5 { builder.assign("f1", day: day, .am, "ward") }
        let start = builder.start
        let assessment = try EmergencyAssessor.assess(
            program: builder.program, person: "f1", from: start, to: start.advanced(by: 1))
        // Two slots, no calls → 0.15 → incremental; f2 is free both mornings.
        #expect(assessment.affectedSlots.count == 2)
        #expect(assessment.fragility == 0.15)
        #expect(assessment.strategy == .incremental)
        #expect(assessment.sheddingLevel == .normal)
        #expect(assessment.reassignments.map(\.person) == ["f2", "f2"])
        #expect(assessment.reassignments.map(\.replacing) == ["f1", "f1"])
        #expect(assessment.coverageBefore == 1)
        #expect(assessment.coverageAfter == 1)
        #expect(assessment.healthy)
    }

    @Test func cascadeShedsUntilFreedFacultyCanCover() throws {
        // f1: ward AM and PM for 5 days = 10 slots → 0.55 → cascade. f2 is busy with research in
        // every one of those half-days; ORANGE suspends research and frees f2.
        var builder = ProgramBuilder()
        builder.faculty("f1")
        builder.faculty("f2")
        builder.rotation("ward")
        builder.rotation("study", category: .research)
        for day in 0..<5 {
            for session in Session.allCases {
                builder.assign("f1", day: day, session, "ward")
                builder.assign("f2", day: day, session, "study")
            }
        }
        let start = builder.start
        let assessment = try EmergencyAssessor.assess(
            program: builder.program, person: "f1", from: start, to: start.advanced(by: 4))
        #expect(assessment.fragility == 0.55)
        #expect(assessment.strategy == .cascade)
        #expect(assessment.sheddingLevel == .orange)
        #expect(assessment.reassignments.count == 10)
        #expect(assessment.coverageAfter == 1)
        #expect(assessment.healthy)
    }

    @Test func callsRaiseFragilityAndManySlotsCallForAFallback() throws {
        // 16 slots (3 with a call) → 0.75 + 0.1 → fallback. f2 teaches core didactics in every
        // half-day: only RED (holiday_skeleton or pcs_season, PCS declared first) frees f2.
        var builder = ProgramBuilder()
        builder.faculty("f1")
        builder.faculty("f2")
        builder.rotation("ward")
        builder.rotation("didactics", category: .educationCore)
        for day in 0..<8 {
            for session in Session.allCases {
                builder.assign("f1", day: day, session, "ward", call: session == .pm && day < 3)
                builder.assign("f2", day: day, session, "didactics")
            }
        }
        let start = builder.start
        let assessment = try EmergencyAssessor.assess(
            program: builder.program, person: "f1", from: start, to: start.advanced(by: 7))
        #expect(assessment.affectedCalls == 3)
        #expect(abs(assessment.fragility - 0.85) < 1e-12)
        #expect(assessment.strategy == .fallback)
        #expect(assessment.fallback == .pcsSeason50Percent)
        #expect(assessment.sheddingLevel == .red)
        #expect(assessment.healthy)
    }

    @Test func refusesUnknownPeopleAndBackwardRanges() throws {
        var builder = ProgramBuilder()
        builder.faculty("f1")
        let start = builder.start
        #expect(throws: EmergencyError.unknownPerson("zz")) {
            try EmergencyAssessor.assess(program: builder.program, person: "zz", from: start, to: start)
        }
        #expect(throws: EmergencyError.emptyRange(from: start, to: start.advanced(by: -1))) {
            try EmergencyAssessor.assess(
                program: builder.program, person: "f1", from: start, to: start.advanced(by: -1))
        }
    }

    @Test(arguments: [
        (0, 0, 0.0), (3, 0, 0.15), (4, 0, 0.35), (7, 2, 0.35), (14, 0, 0.55), (15, 0, 0.75), (3, 3, 0.25),
    ])
    func fragilityFollowsTheSlotBands(slots: Int, calls: Int, expected: Double) {
        #expect(abs(EmergencyStrategy.fragility(affectedSlots: slots, affectedCalls: calls) - expected) < 1e-12)
    }

    @Test func strategyBands() {
        #expect(EmergencyStrategy(fragility: 0.29) == .incremental)
        #expect(EmergencyStrategy(fragility: 0.3) == .cascade)
        #expect(EmergencyStrategy(fragility: 0.59) == .cascade)
        #expect(EmergencyStrategy(fragility: 0.6) == .fallback)
    }
}
