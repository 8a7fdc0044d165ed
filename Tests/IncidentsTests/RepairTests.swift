import Incidents
import Resilience
import Schedule
import TestSupport
import Testing

/// "A lost person → the emergency assessment's repair plan": the absent faculty member behind the
/// gaps is found, the assessment covers their slots with free faculty, the proposal carries the
/// reassignments and the engine's projected effect, and applying it writes them into the schedule.
@Suite struct RepairTests {
    static let window = ScheduleWindow(from: Day(iso: "2026-07-06")!, days: 7)

    static func program(_ text: String = IncidentPrograms.absence) throws -> Program {
        try ScheduleLoader.parse(bytes: Array(text.utf8), file: "repair.json")
    }

    @Test func theAbsentPersonBehindTheGapsIsFound() throws {
        let program = try Self.program()
        let report = ResilienceEngine().evaluate(program: program, window: Self.window)
        let lost = try #require(Repair.lostPerson(report: report, program: program))
        #expect(
            lost
                == Repair.LostPerson(
                    person: "f1", from: Day(iso: "2026-07-07")!, to: Day(iso: "2026-07-08")!, gapSlots: 2))
        // Nobody away: no lost person.
        let healthy = try Self.program(IncidentPrograms.healthy)
        #expect(
            Repair.lostPerson(
                report: ResilienceEngine().evaluate(program: healthy, window: Self.window), program: healthy) == nil)
    }

    @Test func aLostPersonBringsTheRepairWithItsProjectedEffect() throws {
        let program = try Self.program()
        let engine = ResilienceEngine()
        let report = engine.evaluate(program: program, window: Self.window)
        let observation = Observer.observe(
            Observer.Input(
                report: report, index: WindowIndex(program: program, window: Self.window), firingAlerts: [],
                slotsChangedLastDay: nil, failedDeliveries: [], scrapeFailures: []), now: 1)
        let orientation = Orienter.orient(observation, alertNames: ["CoverageGap"])
        let project = { (changed: Program, state: EngineState) in
            engine.evaluate(program: changed, window: Self.window, state: state)
        }
        let proposals = Decider.propose(
            orientation: orientation, report: report, firstNumber: 1, tried: [],
            project: { project(program, $0) }, program: program, projectProgram: project)
        let repair = try #require(proposals.first { $0.strategy == .repair }, "\(proposals.map(\.summary))")
        #expect(repair.person == "f1")
        #expect(repair.needsApproval, "a new schedule version is high impact")
        #expect(
            repair.changes?.map(\.description) == [
                "f2 covers clinic 2026-07-07 AM for f1", "f2 covers clinic 2026-07-08 AM for f1",
            ])
        #expect(repair.summary.hasPrefix("Repair around f1's absence (2026-07-07…2026-07-08)"), "\(repair.summary)")
        let expected = try #require(repair.expected)
        #expect(expected.gapSlotsBefore == 2 && expected.gapSlotsAfter == 0, "\(expected)")
        #expect(expected.coverageAfter > expected.coverageBefore)

        // Applied: f2 holds f1's clinic mornings; f1 keeps the 6th; nothing else moves.
        let repaired = try Repair.apply(try #require(repair.changes), to: program)
        let clinic = repaired.assignments.filter { $0.rotation == "clinic" && $0.person.hasPrefix("f") }
            .map { "\($0.person) \($0.date)" }.sorted()
        #expect(clinic == ["f1 2026-07-06", "f2 2026-07-07", "f2 2026-07-08"])
        #expect(repaired.assignments.count == program.assignments.count)
        #expect(engine.evaluate(program: repaired, window: Self.window).coverage.gapSlots == 0)

        // Stale: once f1's slot is someone else's, the repair refuses rather than double-book.
        var changed = program
        if let index = changed.assignments.firstIndex(where: { $0.person == "f1" && $0.date == Day(iso: "2026-07-07")! }
        ) {
            changed.assignments[index].person = "f2"
        }
        #expect(throws: Repair.Stale.self) { try Repair.apply(try #require(repair.changes), to: changed) }

        // Tried once (for this person): not proposed again.
        let again = Decider.propose(
            orientation: orientation, report: report, firstNumber: 9, tried: ["repair:f1"],
            project: { project(program, $0) }, program: program, projectProgram: project)
        #expect(!again.contains { $0.strategy == .repair })
    }
}
