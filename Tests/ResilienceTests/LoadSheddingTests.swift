import Resilience
import Schedule
import Testing

@Suite struct LoadSheddingTests {
    @Test func levelsSuspendCategoriesCumulatively() {
        #expect(LoadSheddingLevel.normal.suspendedCategories.isEmpty)
        #expect(LoadSheddingLevel.yellow.suspendedCategories == [.educationOptional])
        #expect(LoadSheddingLevel.orange.suspendedCategories == [.educationOptional, .administration, .research])
        #expect(LoadSheddingLevel.red.suspendedCategories.contains(.educationCore))
        #expect(LoadSheddingLevel.black.suspendedCategories.contains(.continuityOfCare))
        #expect(LoadSheddingLevel.critical.suspendedCategories.count == 6)
        for level in LoadSheddingLevel.allCases {
            #expect(!level.suspendedCategories.contains(.patientSafety))
        }
        #expect(LoadSheddingLevel(parsing: "orange") == .orange)
        #expect(LoadSheddingLevel(parsing: "5") == .critical)
        #expect(LoadSheddingLevel(parsing: "6") == nil)
    }

    @Test func suspendedSlotsNeedNobodyAndFreeTheirFaculty() {
        var builder = ProgramBuilder()
        builder.faculty("f1")
        builder.rotation("research", category: .research)
        builder.assign("f1", day: 0, .am, "research")
        let index = builder.index(days: 7, suspended: LoadSheddingLevel.orange.suspendedCategories)
        #expect(index.slots.count == 1)
        #expect(index.slots[0].suspended)
        #expect(index.slots[0].need == 0)
        #expect(index.slots[0].baseNeed == 1)
        #expect(!index.isBusy(0, halfDay: 0))
        #expect(index.load(0, week: 0) == 0)
    }

    @Test func recommendsTheLowestLevelBringingUtilizationUnderTarget() throws {
        // One faculty member capped at 4 sessions; 2 ward + admin + research + optional slots need 1 each.
        // NORMAL: 5/4; YELLOW: 4/4; ORANGE: 2/4 = 0.5 < 0.8 → ORANGE recommended.
        var builder = ProgramBuilder()
        builder.faculty("f1", cap: 4)
        builder.rotation("ward")
        builder.rotation("admin", category: .administration)
        builder.rotation("elective", category: .educationOptional)
        builder.assign("f1", day: 0, .am, "ward")
        builder.assign("f1", day: 1, .am, "ward")
        builder.assign("f1", day: 2, .am, "admin")
        builder.rotation("study", category: .research)
        builder.assign("f1", day: 3, .am, "study")
        builder.assign("f1", day: 4, .am, "elective")
        let assessment = LoadSheddingAssessment(
            current: .yellow, program: builder.program, window: builder.window(days: 7))
        #expect(assessment.level == .yellow)
        #expect(assessment.suspendedActivities == 1)
        #expect(assessment.levels.map(\.utilization) == [1.25, 1.0, 0.5, 0.5, 0.5, 0.5])
        #expect(assessment.recommendedLevel == .orange)
    }

    @Test func freedFacultyCloseGapsSoTheRecommendationCountsThem() {
        // The ward needs 2 on day 0 AM and has only f1; f2 is in research that half-day.
        // NORMAL and YELLOW leave the gap; ORANGE suspends research, f2 is free and fills it.
        var builder = ProgramBuilder()
        builder.faculty("f1")
        builder.faculty("f2")
        builder.rotation("ward", minFaculty: 2)
        builder.rotation("study", category: .research)
        builder.assign("f1", day: 0, .am, "ward")
        builder.assign("f2", day: 0, .am, "study")
        let assessment = LoadSheddingAssessment(
            current: .normal, program: builder.program, window: builder.window(days: 7))
        #expect(assessment.levels.map(\.coverageGapSlots) == [1, 1, 1, 1, 1, 1])
        #expect(assessment.levels.map(\.gapSlotsAfterRepair) == [1, 1, 0, 0, 0, 0])
        #expect(assessment.recommendedLevel == .orange)
    }

    @Test func noRecommendationWhenEvenCriticalLeavesAGap() {
        var builder = ProgramBuilder()
        builder.faculty("f1")
        builder.rotation("ward", minFaculty: 2)
        builder.assign("f1", day: 0, .am, "ward")
        let assessment = LoadSheddingAssessment(
            current: .normal, program: builder.program, window: builder.window(days: 7))
        #expect(assessment.levels.allSatisfy { $0.coverageGapSlots == 1 })
        #expect(assessment.recommendedLevel == nil)
    }
}
