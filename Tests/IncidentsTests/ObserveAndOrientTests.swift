import Alerting
import Incidents
import Resilience
import Schedule
import TestSupport
import Testing

/// The machine's "observe" and "orient" on a real engine report: a faculty member away from the
/// only clinic she covers makes a gap the observation names (date, session, rotation, who is
/// absent), and the orientation ranks the failure modes from the evidence, with the blast radius.
@Suite struct ObserveAndOrientTests {
    /// Two faculty; f1 covers clinic every morning of the week, and is away on 07-07 and 07-08.
    static let program = IncidentPrograms.absence

    static func input(failedDeliveries: [Observation.FailedDelivery] = [], changed: Int? = nil) throws -> Observer.Input
    {
        let program = try ScheduleLoader.parse(bytes: Array(Self.program.utf8), file: "observe.json")
        let window = ScheduleWindow(from: try #require(Day(iso: "2026-07-06")), days: 7)
        let report = ResilienceEngine().evaluate(program: program, window: window)
        return Observer.Input(
            report: report, index: WindowIndex(program: program, window: window),
            firingAlerts: ["CoverageGap{severity=\"critical\"}"], slotsChangedLastDay: changed,
            failedDeliveries: failedDeliveries, scrapeFailures: [])
    }

    @Test func theObservationNamesTheGapsAndWhoIsAbsent() throws {
        let input = try Self.input()
        let report = try #require(input.report)
        let observation = Observer.observe(input, now: 42)
        let schedule = try #require(observation.schedule)
        #expect(observation.at == 42)
        #expect(schedule.defenseLevel == report.defense.level.description)
        #expect(schedule.gapSlots == report.coverage.gapSlots)
        #expect(schedule.gapSlots == 2)
        #expect(schedule.gaps.map(\.date) == ["2026-07-07", "2026-07-08"])
        #expect(schedule.gaps.allSatisfy { $0.rotation == "clinic" && $0.session == "AM" && $0.absent == ["f1"] })
        #expect(schedule.coverage == report.coverage.rate)
        #expect(observation.firingAlerts == ["CoverageGap{severity=\"critical\"}"])
        #expect(
            Observer.observe(
                Observer.Input(
                    report: nil, index: nil, firingAlerts: [], slotsChangedLastDay: nil, failedDeliveries: [],
                    scrapeFailures: []), now: 1
            ).schedule == nil)
    }

    @Test func orientationRanksTheFailureModesWithTheirEvidence() throws {
        let observation = Observer.observe(try Self.input(), now: 42)
        let orientation = Orienter.orient(observation, alertNames: ["CoverageGap"])
        let modes = orientation.hypotheses.map(\.mode)
        // Half the faculty away and every gap lacking the absent member: a mass absence, which
        // shows as a coverage gap.
        #expect(modes.first == .massAbsence, "\(orientation.hypotheses)")
        #expect(modes.contains(.coverageGap))
        let absence = try #require(orientation.hypotheses.first)
        #expect(absence.evidence == ["2 of 2 gap slots lack faculty who are away: f1"])
        #expect(orientation.hypotheses.map(\.confidence) == orientation.hypotheses.map(\.confidence).sorted(by: >))
        #expect(orientation.blastRadius.people == ["f1", "f2", "r1"], "the absent, the fatal pair, the unsupervised")
        #expect(orientation.blastRadius.rotations == ["clinic"])
        #expect(orientation.blastRadius.dates == ["2026-07-07", "2026-07-08"])
        #expect(orientation == Orienter.orient(observation, alertNames: ["CoverageGap"]), "deterministic")
    }

    @Test func infrastructureAndRecentChangesAreHypothesesToo() throws {
        var observation = Observer.observe(
            try Self.input(
                failedDeliveries: [.init(receiver: "pager", integration: "webhook", error: "HTTP 503", at: 1)],
                changed: 40), now: 42)
        var modes = Orienter.orient(observation, alertNames: []).hypotheses.map(\.mode)
        #expect(modes.contains(.recentChange))
        #expect(modes.contains(.infrastructure))
        // Nothing wrong with the schedule, deliveries failing: infrastructure leads.
        observation.schedule = nil
        observation.slotsChangedLastDay = nil
        modes = Orienter.orient(observation, alertNames: ["OutboxGrowing"]).hypotheses.map(\.mode)
        #expect(modes == [.infrastructure])
    }

    @Test func observingAnIncidentTakesTheMachinesPartOfTheMethod() throws {
        var book = IncidentBook()
        let opened = try book.open(title: "Clinic", severity: .p1, by: "coordinator", now: 1)
        let observation = Observer.observe(try Self.input(), now: 2)
        let orientation = Orienter.orient(observation, alertNames: [])
        let incident = try book.observed(opened.id, observation: observation, orientation: orientation, now: 2)
        #expect(incident.phases.map(\.phase) == [.detected, .observing, .orienting])
        #expect(incident.phases.dropFirst().allSatisfy { $0.by == TimelineEntry.daemon })
        #expect(incident.observation == observation)
        #expect(incident.timeline.map(\.kind) == [.opened, .phase, .observation, .phase, .orientation])
        #expect(
            incident.timeline.last?.text.hasPrefix("likely mass_absence") == true,
            "\(incident.timeline.last?.text ?? "")")
        // A person reviews and decides next.
        #expect(incident.phase.allowed.contains(.deciding))
    }
}
