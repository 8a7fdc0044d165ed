import Resilience
import Schedule
import Testing

/// N-1 and N-2 on programs small enough to derive by hand (each derivation in the comment).
@Suite struct ContingencyHandBuiltTests {
    @Test func soleCovererWithNoReplacementIsASinglePointOfFailure() {
        // A covers Monday AM clinic (need 1, coverage 1). B may cover nothing (capabilities []).
        // Removing A: deficit 1, no filler → unfillable 1. Removing B: B covers nothing → 0.
        // N-2 looks only at pairs of non-SPOF faculty: just B, so no pair; N-2 fails with N-1.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B", capabilities: [])
        hand.assign("A", day: 0, .am)
        let report = hand.analysis().report()
        #expect(report.singles == ["A": 1])
        #expect(!report.n1.compliant)
        #expect(report.n2 == ContingencyReport.N2(compliant: false, fatalPairs: []))
    }

    @Test func anyQualifiedFreeColleagueRemovesTheSinglePoint() {
        // As above but B is qualified for clinic and free on Monday AM: B fills A's slot → 0.
        // Pair {A, B}: deficit 1, both removed, nobody left → 1, a fatal pair.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B", capabilities: ["clinic"])
        hand.assign("A", day: 0, .am)
        let report = hand.analysis().report()
        #expect(report.n1 == ContingencyReport.N1(compliant: true, singlePointsOfFailure: []))
        #expect(report.pairs == [["A", "B"]: 1])
        #expect(report.n2?.compliant == false)
    }

    @Test func cappedFillerFillsOnlyItsWeeklyRoom() {
        // A covers Monday AM and PM clinic. B (no assignments) has max 1 session a week: room 1.
        // Removing A: deficit 2, B fills one → unfillable 1. With a cap of 2, B fills both → 0.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B", cap: 1)
        hand.assign("A", day: 0, .am)
        hand.assign("A", day: 0, .pm)
        #expect(hand.analysis().report().singles == ["A": 1])
        hand.people[1].maxSessionsPerWeek = 2
        #expect(hand.analysis().report().singles == [:])
    }

    @Test func assignmentsUseUpWeeklyRoom() {
        // B has cap 2 and already works Tuesday AM clinic: room 2 − 1 = 1. A covers Monday AM and
        // PM: B fills one, unfillable({A}) = 1. Removing B: A is free on Tuesday AM → 0.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B", cap: 2)
        hand.assign("A", day: 0, .am)
        hand.assign("A", day: 0, .pm)
        hand.assign("B", day: 1, .am)
        #expect(hand.analysis().report().singles == ["A": 1])
    }

    @Test func weeklyRoomIsPerISOWeek() {
        // Window Sunday 2026-06-07 + 2 days: A covers Sunday AM (ISO week 23) and Monday AM (week
        // 24). B's cap of 1 is counted per ISO week, so B fills both → 0. Move A's Sunday slot to
        // Monday PM (both in week 24) and B fills only one → 1.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B", cap: 1)
        hand.assign("A", day: 6, .am)
        hand.assign("A", day: 7, .am)
        #expect(hand.analysis(fromDay: 6, days: 2).report().singles == [:])
        hand.assignments[0] = Assignment(
            person: "A", date: ContingencyHandProgram.monday.advanced(by: 7), session: .pm, rotation: "clinic")
        #expect(hand.analysis(fromDay: 6, days: 2).report().singles == ["A": 1])
    }

    @Test func fillerBusyThatHalfDayCannotStepIn() {
        // B is assigned to admin (needs nobody) on Monday AM, so B is busy exactly when A's slot
        // needs a replacement → unfillable({A}) = 1. Moved to Monday PM, B is free → 0.
        var hand = ContingencyHandProgram()
        hand.rotations.append(Rotation(id: "admin", name: "Admin", category: .administration))
        hand.faculty("A")
        hand.faculty("B")
        hand.assign("A", day: 0, .am)
        hand.assign("B", day: 0, .am, "admin")
        #expect(hand.analysis().report().singles == ["A": 1])
        hand.assignments[1].session = .pm
        #expect(hand.analysis().report().singles == [:])
    }

    @Test func absentFillerCannotStepInThatDay() {
        // B is away Monday: cannot fill A's Monday AM slot → 1. Away Tuesday instead → 0.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B")
        hand.assign("A", day: 0, .am)
        hand.absent("B", days: 0...0)
        #expect(hand.analysis().report().singles == ["A": 1])
        hand.absences[0].start = ContingencyHandProgram.monday.advanced(by: 1)
        hand.absences[0].end = ContingencyHandProgram.monday.advanced(by: 1)
        #expect(hand.analysis().report().singles == [:])
    }

    @Test func absentCovererIsNoCoverageToLose() {
        // A is assigned Monday AM but away that day: coverage 0 < need 1 already. Removing A
        // changes nothing: deficit max(0, 1 − 0) − max(0, 1 − 0) = 0 → no single point.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B", capabilities: [])
        hand.assign("A", day: 0, .am)
        hand.absent("A", days: 0...0)
        #expect(hand.analysis().report().singles == [:])
    }

    @Test func pairThatOnlyFailsTogether() {
        // A covers Monday AM, B covers Tuesday AM, C (cap 1, no assignments) is the only spare.
        // {A}: C fills Monday → 0. {B}: C fills Tuesday → 0. {C}: covers nothing → 0.
        // {A, B}: deficits Monday and Tuesday, C has room for one → 1: fatal.
        // {A, C}: B is free Monday AM and uncapped → 0. {B, C}: A fills Tuesday → 0.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B")
        hand.faculty("C", cap: 1)
        hand.assign("A", day: 0, .am)
        hand.assign("B", day: 1, .am)
        let report = hand.analysis().report()
        #expect(report.n1.compliant)
        #expect(report.pairs == [["A", "B"]: 1])
        #expect(report.n2?.compliant == false)
        #expect(hand.analysis().unfillable(removing: [0, 1]) == 1)
    }

    @Test func slotCoveredByBothOfAPairLosesOnlyWhenBothGo() {
        // Monday AM clinic needs 1 and has A and B (coverage 2). C may cover nothing.
        // {A}: coverage 1 ≥ need → deficit 0. {B}: likewise. {A, B}: coverage 0 → deficit 1,
        // no filler → 1. {A, C} and {B, C}: deficit 0.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B")
        hand.faculty("C", capabilities: [])
        hand.assign("A", day: 0, .am)
        hand.assign("B", day: 0, .am)
        let report = hand.analysis().report()
        #expect(report.n1.compliant)
        #expect(report.pairs == [["A", "B"]: 1])
    }

    @Test func supervisionRaisesNeedWithPGY1sCountingDouble() {
        // Supervised clinic with min_faculty 0 and three PGY-1s (2 units each) and a PGY-2 (1):
        // units 7, need ceil(7/4) = 2. A and B cover it (coverage 2) and C may cover nothing:
        // each of A, B alone leaves a deficit of 1 that nobody fills → both single points.
        // Replace the PGY-1s by PGY-3s: units 4, need 1: one spare → no single point.
        var hand = ContingencyHandProgram()
        hand.rotations = [Rotation(id: "clinic", name: "Clinic", category: .patientSafety, supervision: true)]
        hand.faculty("A")
        hand.faculty("B")
        hand.faculty("C", capabilities: [])
        for (id, pgy) in [("r1", 1), ("r2", 1), ("r3", 1), ("r4", 2)] {
            hand.resident(id, pgy: pgy)
            hand.assign(id, day: 0, .am)
        }
        hand.assign("A", day: 0, .am)
        hand.assign("B", day: 0, .am)
        #expect(hand.analysis().report().singles == ["A": 1, "B": 1])
        for position in hand.people.indices where hand.people[position].pgy == 1 { hand.people[position].pgy = 3 }
        #expect(hand.analysis().report().singles == [:])
    }

    @Test func reportsAreOrderedByIdNotByListing() {
        // "f10" sorts before "f9" as a string. On Monday AM f9 covers clinic and f10 covers ward
        // (each needs 1), so neither is free to replace the other and the third member may cover
        // nothing: both are single points (1 each), listed f10 then f9.
        var hand = ContingencyHandProgram()
        hand.rotations.append(Rotation(id: "ward", name: "Ward", category: .patientSafety, minFaculty: 1))
        hand.faculty("f9")
        hand.faculty("f10")
        hand.faculty("x", capabilities: [])
        hand.assign("f9", day: 0, .am)
        hand.assign("f10", day: 0, .am, "ward")
        let people = hand.analysis().report().n1.singlePointsOfFailure.map(\.person)
        #expect(people == ["f10", "f9"])
    }

    @Test func windowIgnoresAssignmentsOutsideIt() {
        // A's only slot is on Monday; a window from Tuesday sees nothing to lose.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B", capabilities: [])
        hand.assign("A", day: 0, .am)
        #expect(hand.analysis(fromDay: 1, days: 6).report().singles == [:])
        #expect(hand.analysis(fromDay: 0, days: 1).report().singles == ["A": 1])
    }

    @Test func emptyWindowsAndProgramsAreCompliant() {
        // No slot needs anyone: nothing to lose, no single point and no pair, whatever the window.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B")
        let empty = ContingencyReport(
            n1: ContingencyReport.N1(compliant: true, singlePointsOfFailure: []),
            n2: ContingencyReport.N2(compliant: true, fatalPairs: []))
        #expect(hand.analysis().report() == empty)
        hand.assign("A", day: 0, .am)
        #expect(hand.analysis(fromDay: 0, days: 0).report() == empty)
        #expect(ContingencyHandProgram().analysis().report() == empty)
    }
}
