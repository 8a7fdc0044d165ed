import Foundation
import Incidents
import Resilience
import Schedule
import TestSupport
import Testing

/// A bad schedule push as the method sees it: the diff names who and which slots it touched, the
/// orientation suspects it when it touches what is now short, and Vigil proposes the rollback.
@Suite struct RecentChangeTests {
    static let good = IncidentPrograms.healthy
    /// The push that lost f1's clinic assignment on the 7th.
    static let bad = IncidentPrograms.badPush

    @Test func theDiffNamesWhoAndWhichSlots() throws {
        let old = try ScheduleLoader.parse(bytes: Array(Self.good.utf8), file: "good.json")
        let new = try ScheduleLoader.parse(bytes: Array(Self.bad.utf8), file: "bad.json")
        let diff = ScheduleDiff.between(old, new, at: 5, source: "api")
        #expect(diff.people == ["f1"])
        #expect(diff.slots == ["2026-07-07 AM clinic"])
        #expect(diff.assignmentsRemoved == 1 && diff.assignmentsAdded == 0 && diff.absencesChanged == 0)
        let sick = try ScheduleLoader.parse(bytes: Array(ObserveAndOrientTests.program.utf8), file: "sick.json")
        let absence = ScheduleDiff.between(old, sick, at: 5, source: "api")
        #expect(absence.people == ["f1"] && absence.absencesChanged == 1 && absence.slots.isEmpty)
        #expect(ScheduleDiff.between(old, old, at: 5, source: "file").isEmpty)
    }

    @Test func aPushThatTouchesTheGapBringsARollback() throws {
        let old = try ScheduleLoader.parse(bytes: Array(Self.good.utf8), file: "good.json")
        let new = try ScheduleLoader.parse(bytes: Array(Self.bad.utf8), file: "bad.json")
        let window = ScheduleWindow(from: try #require(Day(iso: "2026-07-06")), days: 7)
        let report = ResilienceEngine().evaluate(program: new, window: window)
        let observation = Observer.observe(
            Observer.Input(
                report: report, index: WindowIndex(program: new, window: window), firingAlerts: [],
                slotsChangedLastDay: 1, failedDeliveries: [], scrapeFailures: [],
                lastChange: ScheduleDiff.between(old, new, at: 5, source: "api")), now: 6)
        let orientation = Orienter.orient(observation, alertNames: [])
        let change = try #require(orientation.hypotheses.first { $0.mode == .recentChange }, "\(orientation)")
        #expect(change.evidence.contains("it touches the people or slots now short of faculty"), "\(change.evidence)")
        let proposals = Decider.propose(
            orientation: orientation, report: report, firstNumber: 1, tried: [],
            project: { ResilienceEngine().evaluate(program: new, window: window, state: $0) })
        let rollback = try #require(proposals.first { $0.strategy == .rollback }, "\(proposals)")
        #expect(rollback.needsApproval)
        #expect(
            !Decider.propose(
                orientation: orientation, report: report, firstNumber: 1, tried: ["rollback"], project: { _ in nil }
            )
            .contains { $0.strategy == .rollback })
    }
}
