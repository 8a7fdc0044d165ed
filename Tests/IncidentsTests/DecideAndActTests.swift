import Alerting
import Incidents
import Resilience
import Schedule
import Testing

/// The method's "decide" on a real engine report, and the rules of acting: a mass absence brings
/// the fallback the engine's figures favour with its projected effect, high-impact proposals wait
/// for a named approval, a proposal runs once and only from deciding, and a strategy tried once is
/// not proposed again.
@Suite struct DecideAndActTests {
    static func context() throws -> (report: ResilienceReport, project: (EngineState) -> ResilienceReport) {
        let program = try ScheduleLoader.parse(bytes: Array(ObserveAndOrientTests.program.utf8), file: "observe.json")
        let window = ScheduleWindow(from: try #require(Day(iso: "2026-07-06")), days: 7)
        let engine = ResilienceEngine()
        return (
            engine.evaluate(program: program, window: window),
            { engine.evaluate(program: program, window: window, state: $0) }
        )
    }

    static func orientation() throws -> Orientation {
        Orienter.orient(Observer.observe(try ObserveAndOrientTests.input(), now: 1), alertNames: ["CoverageGap"])
    }

    @Test func aMassAbsenceBringsTheFavouredFallbackWithItsProjectedEffect() throws {
        let (report, project) = try Self.context()
        let proposals = Decider.propose(
            orientation: try Self.orientation(), report: report, firstNumber: 1, tried: [], project: project)
        #expect(proposals.map(\.number) == Array(1...proposals.count))
        #expect(proposals.last?.strategy == .investigate, "investigating is always an option")
        #expect(
            proposals.filter { $0.strategy == .fallback }.count == 1, "one fallback, however many modes point to it")
        let fallback = try #require(proposals.first { $0.strategy == .fallback }, "\(proposals)")
        #expect(fallback.needsApproval, "any fallback needs approval")
        let scenario = try #require(fallback.fallback.flatMap(FallbackScenario.init(rawValue:)))
        var state = report.state
        state.activeFallback = scenario
        let projected = project(state)
        let expected = try #require(fallback.expected)
        #expect(expected.coverageBefore == report.coverage.rate)
        #expect(expected.coverageAfter == projected.coverage.rate)
        #expect(expected.defenseAfter == projected.defense.level.description)
        // Tried once: not proposed again.
        let again = Decider.propose(
            orientation: try Self.orientation(), report: report, firstNumber: 5,
            tried: ["fallback:\(scenario.rawValue)"], project: project)
        #expect(!again.contains { $0.fallback == scenario.rawValue })
        #expect(again.first?.number == 5)
        // No schedule: only investigate.
        let blind = Decider.propose(orientation: nil, report: nil, firstNumber: 1, tried: [], project: { _ in nil })
        #expect(blind.map(\.strategy) == [.investigate])
    }

    @Test func highImpactProposalsWaitForANamedApprovalAndRunOnce() throws {
        let (report, project) = try Self.context()
        var book = IncidentBook()
        let id = try book.open(title: "Clinic", severity: .p1, by: "coordinator", now: 1).id
        let proposals = Decider.propose(
            orientation: try Self.orientation(), report: report, firstNumber: book.nextProposalNumber(id), tried: [],
            project: project)
        _ = try book.proposed(id, proposals: proposals, now: 2)
        let fallback = try #require(proposals.first { $0.strategy == .fallback })
        // Not deciding yet.
        #expect(throws: IncidentError.notDeciding(id: id, phase: .detected)) {
            try book.act(id, proposal: fallback.number, by: "dr.adams", now: 3)
        }
        for phase in [IncidentPhase.observing, .orienting, .deciding] {
            _ = try book.move(id, to: phase, by: "dr.adams", now: 3)
        }
        #expect(throws: IncidentError.approvalRequired(id: id, number: fallback.number, summary: fallback.summary)) {
            try book.act(id, proposal: fallback.number, by: "dr.adams", now: 4)
        }
        #expect(throws: IncidentError.unknownProposal(id: id, number: 99)) {
            try book.approve(id, proposal: 99, by: "dr.baker", now: 4)
        }
        let approved = try book.approve(id, proposal: fallback.number, by: "dr.baker", now: 5)
        #expect(approved.proposals.first { $0.number == fallback.number }?.approval?.by == "dr.baker")
        #expect(approved.timeline.last?.kind == .approval)
        let acted = try book.act(id, proposal: fallback.number, by: "dr.adams", now: 6)
        #expect(acted.incident.phase == .acting)
        #expect(acted.proposal.appliedAt == 6)
        #expect(book.triedStrategies(id) == ["fallback:\(fallback.fallback ?? "")"])
        _ = try book.move(id, to: .deciding, by: "dr.adams", reason: "did not hold", now: 7)
        #expect(throws: IncidentError.proposalApplied(id: id, number: fallback.number)) {
            try book.act(id, proposal: fallback.number, by: "dr.adams", now: 8)
        }
        // Investigating needs nobody's approval.
        let investigate = try #require(proposals.last)
        #expect(try book.act(id, proposal: investigate.number, by: "dr.adams", now: 9).incident.phase == .acting)
    }
}
