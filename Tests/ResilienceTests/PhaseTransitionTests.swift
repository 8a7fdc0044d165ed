import Resilience
import Schedule
import Testing

/// Phase-transition risk: the indicators counted, and the schedule churn behind one of them.
@Suite struct PhaseTransitionTests {
    @Test(
        arguments: [
            (0.80, 5, PhaseTransitionRisk.Level.low, 0),
            (0.87, 5, .medium, 1),
            (0.92, nil, .high, 2),
            (0.96, 0, .critical, 3),
            (0.87, 15, .high, 2),
            (0.50, 25, .high, 2),
            (0.99, 30, .critical, 5),
            (0.85, 10, .low, 0),
        ] as [(Double, Int?, PhaseTransitionRisk.Level, Int)])
    func theRiskCountsTheIndicatorsUpToThree(
        utilization: Double, churn: Int?, level: PhaseTransitionRisk.Level, count: Int
    ) {
        let risk = PhaseTransitionRisk(utilization: utilization, churn: churn)
        #expect(risk.level == level)
        #expect(risk.indicators.count == count, "\(risk.indicators)")
    }

    @Test func theSummaryNamesEachIndicator() {
        let risk = PhaseTransitionRisk(utilization: 0.93, churn: 14)
        #expect(
            risk.summary
                == "Phase-transition risk critical: utilization 93.0% above 85%; utilization 93.0% above 90%; "
                + "14 slots changed in 7 days, above 10.")
        #expect(PhaseTransitionRisk(utilization: 0.4, churn: nil).summary.contains("schedule churn unknown"))
        #expect(PhaseTransitionRisk(utilization: 0.904, churn: nil).indicators.last == "utilization 90.4% above 90%")
    }

    @Test func churnCountsSlotsWhoseAssignmentsDiffer() {
        var old = ProgramBuilder()
        old.faculty("f1")
        old.faculty("f2")
        old.rotation("clinic")
        old.rotation("ward")
        old.assign("f1", day: 0, .am, "clinic")
        old.assign("f1", day: 1, .am, "clinic")
        old.assign("f2", day: 1, .am, "ward")
        old.assign("f2", day: 2, .pm, "ward")
        var new = old
        #expect(ScheduleChurn.changedSlots(from: old.program, to: new.program) == 0)
        new.assignments.removeAll { $0.date == new.start.advanced(by: 2) }  // a slot gone
        new.assignments[0].person = "f2"  // a slot's person swapped
        new.assign("f1", day: 3, .pm, "ward")  // a new slot
        new.assign("f2", day: 1, .am, "clinic")  // a second person in a slot
        #expect(ScheduleChurn.changedSlots(from: old.program, to: new.program) == 4)
        // Order of assignments does not matter.
        var shuffled = old
        shuffled.assignments.reverse()
        #expect(ScheduleChurn.changedSlots(from: old.program, to: shuffled.program) == 0)
    }
}
