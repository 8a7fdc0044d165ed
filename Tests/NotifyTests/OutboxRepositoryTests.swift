import Notify
import Storage
import TestSupport
import Testing

/// The SQLite outbox hands out only the oldest pending message of each receiver, integration and
/// group (never the next one while it is in flight), keeps every byte across a restart, and moves
/// messages between pending, delivered and dead.
@Suite struct OutboxRepositoryTests {
    let directory = TestDirectory()
    let now: Int64 = 1_782_864_000_000

    func open() throws -> OutboxRepository {
        OutboxRepository(database: try VigilDatabase(path: directory.file("vigil.db")))
    }

    @Test func dueHandsOutOnlyTheOldestPendingMessageOfEachGroup() throws {
        let outbox = try open()
        let first = Fixtures.message(id: "g1-first", receiver: "hook", groupKey: "g1", at: now)
        let second = Fixtures.message(id: "g1-second", receiver: "hook", groupKey: "g1", at: now)
        let otherGroup = Fixtures.message(id: "g2", receiver: "hook", groupKey: "g2", at: now)
        let otherReceiver = Fixtures.message(id: "r2-g1", receiver: "other", groupKey: "g1", at: now)
        let otherIntegration = Fixtures.message(
            id: "w1-g1", receiver: "hook", integration: "webhook[1]", groupKey: "g1", at: now)
        try outbox.enqueue([first, second, otherGroup, otherReceiver, otherIntegration])
        #expect(try outbox.due(at: now, limit: 10, excluding: []).map(\.id) == ["g1-first", "g2", "r2-g1", "w1-g1"])
        // While the head is in flight, the message behind it still waits.
        #expect(try outbox.due(at: now, limit: 10, excluding: ["g1-first"]).map(\.id) == ["g2", "r2-g1", "w1-g1"])
        #expect(try outbox.due(at: now, limit: 2, excluding: []).count == 2)
        #expect(try outbox.pendingCount() == 5)
    }

    @Test func aRescheduledHeadHoldsBackItsGroupAndSetsTheNextAttemptTime() throws {
        let outbox = try open()
        let first = Fixtures.message(id: "first", receiver: "hook", groupKey: "g1", at: now)
        let second = Fixtures.message(id: "second", receiver: "hook", groupKey: "g1", at: now)
        let other = Fixtures.message(id: "other", receiver: "hook", groupKey: "g2", at: now + 9_000)
        try outbox.enqueue([first, second, other])
        try outbox.record([.rescheduled(id: first.id, attempts: 1, nextAttemptAt: now + 5_000, error: "HTTP 503")])
        #expect(try outbox.due(at: now, limit: 10, excluding: []).isEmpty)
        #expect(try outbox.nextAttemptTime() == now + 5_000)
        let retried = try #require(try outbox.due(at: now + 5_000, limit: 10, excluding: []).first)
        #expect(retried.id == first.id)
        #expect(retried.attempts == 1)
        #expect(retried.lastError == "HTTP 503")
    }

    @Test func theNextMessageOfAGroupIsDueOnceTheHeadIsDeliveredOrDead() throws {
        let outbox = try open()
        let messages = (1...3).map { Fixtures.message(id: "m\($0)", receiver: "hook", groupKey: "g", at: now) }
        try outbox.enqueue(messages)
        try outbox.record([.delivered(id: "m1", at: now + 10, attempts: 1)])
        #expect(try outbox.due(at: now + 10, limit: 10, excluding: []).map(\.id) == ["m2"])
        try outbox.record([.dead(id: "m2", at: now + 20, attempts: 3, error: "HTTP 404")])
        #expect(try outbox.due(at: now + 20, limit: 10, excluding: []).map(\.id) == ["m3"])
        let delivered = try #require(try outbox.messages(state: .delivered, limit: 10).first)
        #expect(delivered.id == "m1")
        #expect(delivered.deliveredAt == now + 10)
        let dead = try #require(try outbox.messages(state: .dead, limit: 10).first)
        #expect(dead.id == "m2")
        #expect(dead.attempts == 3)
        #expect(dead.lastError == "HTTP 404")
        #expect(try outbox.messages(state: nil, limit: 10).map(\.id) == ["m3", "m2", "m1"])
        #expect(try outbox.pendingCount() == 1)
    }

    @Test func requeueBringsADeadLetterBackWithItsBodyAndAttempts() throws {
        let outbox = try open()
        let message = Fixtures.message(id: "dead-one", receiver: "hook", at: now)
        try outbox.enqueue([message])
        try outbox.record([.dead(id: message.id, at: now + 100, attempts: 4, error: "too old")])
        #expect(try outbox.due(at: now + 100, limit: 10, excluding: []).isEmpty)
        #expect(try outbox.requeue(id: message.id, at: now + 200))
        #expect(try !outbox.requeue(id: "missing", at: now + 200))
        let requeued = try #require(try outbox.due(at: now + 200, limit: 10, excluding: []).first)
        #expect(requeued.id == message.id)
        #expect(requeued.state == .pending)
        #expect(requeued.body == message.body)
        #expect(requeued.attempts == 4)
        #expect(requeued.createdAt == now + 200, "the age limit counts from the re-send")
        #expect(requeued.deliveredAt == nil)
    }

    @Test func pendingMessagesSurviveReopeningTheDatabaseByteForByte() throws {
        let body = Array(0...255).map(UInt8.init) + Array("{\"a\":\"\\u003c\"}\n".utf8)
        let message = Fixtures.message(id: "durable", receiver: "hook", body: body, at: now)
        do {
            let outbox = try open()
            try outbox.enqueue([message])
        }
        let reopened = try open()
        let stored = try #require(try reopened.due(at: now, limit: 1, excluding: []).first)
        #expect(stored == message)
    }

    @Test func removeDeliveredForgetsOnlyOldDeliveredMessages() throws {
        let outbox = try open()
        let messages = (1...3).map { Fixtures.message(id: "m\($0)", receiver: "hook", groupKey: "g\($0)", at: now) }
        try outbox.enqueue(messages)
        try outbox.record([
            .delivered(id: "m1", at: now, attempts: 1), .delivered(id: "m2", at: now + 1_000, attempts: 1),
            .dead(id: "m3", at: now, attempts: 1, error: "refused"),
        ])
        try outbox.removeDelivered(before: now + 1_000)
        #expect(try outbox.messages(state: nil, limit: 10).map(\.id) == ["m3", "m2"])
    }
}
