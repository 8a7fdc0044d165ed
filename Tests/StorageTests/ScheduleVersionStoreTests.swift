import Foundation
import Notify
import TestSupport
import Testing

@testable import Storage

/// The schedule versions kept for rollbacks, and the outbox read by group for incidents.
@Suite struct ScheduleVersionStoreTests {
    @Test func versionsAreKeptNewestFirstWithoutRepeatsAndPruned() throws {
        let directory = TestDirectory()
        let database = try VigilDatabase(path: directory.file("vigil.db"))
        defer { try? database.close() }
        let store = ScheduleVersionStore(database: database)
        #expect(
            try store.record(body: Array("v1".utf8), origin: "file:/p.json", at: Date(timeIntervalSince1970: 1)) == nil)
        let before = try store.record(body: Array("v2".utf8), origin: "api:ops", at: Date(timeIntervalSince1970: 2))
        #expect(before.map { String(decoding: $0.body, as: UTF8.self) } == "v1")
        #expect(before?.origin == "file:/p.json")
        // The same body again (a restart reading the same schedule): nothing stored, the one before it returned.
        let again = try store.record(body: Array("v2".utf8), origin: "api:ops", at: Date(timeIntervalSince1970: 3))
        #expect(again.map { String(decoding: $0.body, as: UTF8.self) } == "v1")
        #expect(try store.versions().count == 2)
        for number in 3...9 {
            try store.record(body: Array("v\(number)".utf8), origin: "api:ops", at: Date(timeIntervalSince1970: 9))
        }
        let kept = try store.versions().map { String(decoding: $0.body, as: UTF8.self) }
        #expect(kept == ["v9", "v8", "v7", "v6", "v5"])
    }

    @Test func theOutboxIsReadByGroupSinceATime() throws {
        let directory = TestDirectory()
        let database = try VigilDatabase(path: directory.file("vigil.db"))
        defer { try? database.close() }
        let outbox = OutboxRepository(database: database)
        func message(_ id: String, group: String, created: Int64) -> OutboxMessage {
            OutboxMessage(
                id: id, receiver: "pager", integration: "webhook[0]", groupKey: group, body: [], status: "firing",
                alertCount: 1, createdAt: created, firstFiredAt: nil, attempts: 0, nextAttemptAt: created,
                state: .pending, lastError: nil, deliveredAt: nil)
        }
        try outbox.enqueue([
            message("a", group: "g1", created: 10), message("b", group: "g2", created: 20),
            message("c", group: "g1", created: 30), message("d", group: "g3", created: 40),
        ])
        #expect(try outbox.messages(groupKeys: ["g1", "g2"], since: 15).map(\.id) == ["b", "c"])
        #expect(try outbox.messages(groupKeys: [], since: 0).isEmpty)
    }
}
