import Alerting
import Foundation
import Incidents
import TestSupport
import Testing

@testable import Storage

/// Incidents in SQLite: saved whole with an append-only timeline, back after a reopen exactly as
/// they were, listed by state and date, and numbered on from the highest number ever given.
@Suite struct IncidentRepositoryTests {
    static let start: Int64 = 1_782_864_000_000

    @Test func incidentsSurviveAReopenWithTheirTimelines() throws {
        let directory = TestDirectory()
        var database = try VigilDatabase(path: directory.file("vigil.db"))
        var book = IncidentBook()
        let first = try book.open(title: "Clinic uncovered", severity: .p1, by: "dr.adams", now: Self.start)
        _ = try book.move(first.id, to: .observing, by: "dr.adams", now: Self.start + 1)
        _ = try book.note(first.id, text: "called the chief resident", by: "dr.adams", now: Self.start + 2)
        let second = try book.open(title: "Drill", severity: .p4, by: "coordinator", now: Self.start + 10)
        _ = try book.move(second.id, to: .resolved, by: "c", reason: "drill", falseAlarm: true, now: Self.start + 11)
        let repository = IncidentRepository(database: database)
        try repository.save(Array(book.incidents.values))
        // Saving again stores no event twice.
        try repository.save(Array(book.incidents.values))
        let reviewed = try book.move(second.id, to: .reviewed, by: "c", now: Self.start + 12)
        try repository.save([reviewed])
        try database.close()

        database = try VigilDatabase(path: directory.file("vigil.db"))
        let reopened = IncidentRepository(database: database)
        let unreviewed = try reopened.loadUnreviewed()
        #expect(unreviewed.map(\.id) == [first.id])
        #expect(unreviewed.first == book.incidents[first.id], "the incident comes back exactly as it was")
        #expect(try reopened.incident(id: second.id)?.timeline.map(\.kind) == [.opened, .phase, .phase])
        #expect(try reopened.incident(id: second.id)?.falseAlarm == "drill")
        #expect(try reopened.highestNumber() == 2)
        #expect(try reopened.list(state: "open", since: nil).map(\.id) == [first.id])
        #expect(try reopened.list(state: "resolved", since: nil).map(\.id) == [second.id])
        #expect(try reopened.list(state: nil, since: Self.start + 5).map(\.id) == [second.id])
        #expect(try reopened.list(state: nil, since: nil).map(\.id) == [second.id, first.id], "newest first")
        #expect(try reopened.incident(id: "INC-99") == nil)
        let restarted = IncidentBook(incidents: unreviewed, lastNumber: try reopened.highestNumber())
        #expect(restarted.lastNumber == 2)
        try database.close()
    }
}
