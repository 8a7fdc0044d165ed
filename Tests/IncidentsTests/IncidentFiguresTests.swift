import Alerting
import Foundation
import Incidents
import Testing

/// MTTA and MTTR over a list, as the list API carries them.
@Suite struct IncidentFiguresTests {
    static let start: Int64 = 1_782_864_000_000
    static let minute: Int64 = 60_000

    @Test func meansAndTargetsOverallAndBySeverity() throws {
        var book = IncidentBook()
        // P1 acknowledged in 10 min (target 15: met), resolved after 60.
        let fast = try book.open(title: "a", severity: .p1, by: "c", now: Self.start).id
        _ = try book.acknowledge(fast, by: "dr.adams", now: Self.start + 10 * Self.minute)
        _ = try book.move(fast, to: .resolved, by: "dr.adams", reason: "recovered", now: Self.start + 60 * Self.minute)
        // P1 acknowledged in 30 min (missed), still open.
        let slow = try book.open(title: "b", severity: .p1, by: "c", now: Self.start).id
        _ = try book.acknowledge(slow, by: "dr.baker", now: Self.start + 30 * Self.minute)
        // P3 closed as a false alarm after 5 min: counted resolved, left out of MTTR.
        let drill = try book.open(title: "c", severity: .p3, by: "c", now: Self.start).id
        _ = try book.move(
            drill, to: .resolved, by: "c", reason: "drill", falseAlarm: true, now: Self.start + 5 * Self.minute)

        let figures = IncidentFigures(Array(book.incidents.values), timeZone: TimeZone(identifier: "America/Chicago")!)
        #expect(figures.overall.count == 3)
        #expect(figures.overall.open == 1)
        #expect(figures.overall.acknowledged == 2)
        #expect(figures.overall.targetsMet == 1)
        #expect(figures.overall.resolved == 2)
        #expect(figures.overall.meanTimeToAcknowledge == 20 * Self.minute)
        #expect(figures.overall.meanTimeToResolve == 60 * Self.minute)
        let p1 = try #require(figures.bySeverity[.p1])
        #expect(p1.count == 2 && p1.targetsMet == 1)
        let p3 = try #require(figures.bySeverity[.p3])
        #expect(p3.meanTimeToAcknowledge == nil && p3.meanTimeToResolve == nil && p3.resolved == 1)
        #expect(figures.bySeverity[.p2] == nil)
        #expect(IncidentFigures([], timeZone: .gmt).overall.meanTimeToAcknowledge == nil)
    }
}
