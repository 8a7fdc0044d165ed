import Alerting
import Foundation
import Logging
import Notify
import Storage
import Synchronization
import TestSupport
import Testing
import Transport
import VigilCore

/// The delivery worker over the real SQLite outbox, a manual clock and a real webhook receiver:
/// messages are delivered, retried with backoff until the gateway recovers, dead-lettered when too
/// old and re-sent on request; one group's messages go in order; a hanging gateway holds up no one
/// else.
@Suite struct OutboxDeliveryTests {
    static func webhook(_ name: String, url: String, timeout: Int64 = 10_000) -> ReceiverConfig {
        ReceiverConfig(name: name, webhookConfigs: [WebhookConfig(url: url, timeoutMilliseconds: timeout)])
    }

    @Test func aRenderedNotificationIsDeliveredAndMarkedDelivered() async throws {
        let harness = try OutboxHarness()
        try await WebhookReceiver.run { receiver in
            let receivers = [Self.webhook("hook", url: receiver.url("a"))]
            let notification = Fixtures.notification(decidedAt: harness.now)
            let renderer = MessageRenderer(
                externalURL: Fixtures.externalURL, receivers: ReceiverDirectory(receivers))
            let message = try #require(renderer.render(notification, id: "11111111-aaaa-4bbb-8ccc-000000000001"))
            try harness.alerting.record(log: [notification.logEntry], messages: [message])
            #expect(try harness.outbox.pendingCount() == 1)

            try await harness.withWorker(receivers: receivers) { _ in
                let events = await harness.recorder.waitUntilDelivered(message.id)
                #expect(events == [.delivered(message.id)])
            }
            let request = try #require(receiver.requests.first)
            #expect(receiver.requests.count == 1)
            #expect(request.body == message.body)
            #expect(request.deliveryID == message.id)
            #expect(String(decoding: request.body, as: UTF8.self).contains(#""vigil":{"deliveryId":"\#(message.id)""#))
            let stored = try #require(try harness.stored(message.id))
            #expect(stored.state == .delivered)
            #expect(stored.deliveredAt == harness.now)
            #expect(stored.attempts == 1)
            #expect(stored.lastError == nil)
            #expect(try harness.outbox.pendingCount() == 0)
        }
    }

    @Test func aFailingGatewayIsRetriedWithGrowingBackoffUntilItRecovers() async throws {
        let harness = try OutboxHarness()
        try await WebhookReceiver.run { receiver in
            receiver.reply(to: "a", .status(500), .status(502), .status(503))
            let start = harness.now
            let message = Fixtures.message(receiver: "hook", at: start)
            try harness.outbox.enqueue([message])
            let policy = RetryPolicy(initialDelay: 1_000, maximumDelay: 30_000, maximumAge: 3_600_000)
            try await harness.withWorker(receivers: [Self.webhook("hook", url: receiver.url("a"))], policy: policy) {
                _ in
                var delays: [Int64] = []
                for attempt in 1...3 {
                    let events = await harness.recorder.wait(for: message.id, count: attempt)
                    try #require(events?.count == attempt, "attempt \(attempt) was not recorded")
                    let stored = try #require(try harness.stored(message.id))
                    #expect(stored.state == .pending)
                    #expect(stored.attempts == attempt)
                    #expect(stored.lastError?.contains("HTTP 50") == true)
                    #expect(receiver.requests.count == attempt)
                    let delay = stored.nextAttemptAt - harness.now
                    delays.append(delay)
                    harness.clock.advance(by: Double(delay) / 1000)
                }
                // random 0 → half of 1 s, 2 s, 4 s.
                #expect(delays == [500, 1_000, 2_000])
                let events = await harness.recorder.waitUntilDelivered(message.id)
                #expect(events?.last == .delivered(message.id))
            }
            let stored = try #require(try harness.stored(message.id))
            #expect(stored.state == .delivered)
            #expect(stored.attempts == 4)
            #expect(stored.deliveredAt == start + 3_500)
            #expect(receiver.requests.count == 4)
        }
    }

    @Test func everyAttemptOfAMessageCarriesTheSameDeliveryIDAndAFreshSignedTimestamp() async throws {
        let harness = try OutboxHarness()
        try await WebhookReceiver.run { receiver in
            receiver.reply(to: "a", .status(503), .status(429, headers: [("Retry-After", "7")]))
            let start = harness.now
            let message = Fixtures.message(receiver: "hook", at: start)
            try harness.outbox.enqueue([message])
            try await harness.withWorker(receivers: [Self.webhook("hook", url: receiver.url("a"))]) { _ in
                _ = await harness.recorder.wait(for: message.id, count: 1)
                harness.clock.advance(by: 0.5)
                _ = await harness.recorder.wait(for: message.id, count: 2)
                let stored = try #require(try harness.stored(message.id))
                #expect(stored.nextAttemptAt - harness.now == 7_000, "Retry-After: 7 is honoured")
                harness.clock.advance(by: 7)
                #expect(await harness.recorder.waitUntilDelivered(message.id) != nil)
            }
            let requests = receiver.requests
            #expect(requests.count == 3)
            #expect(requests.map(\.deliveryID) == Array(repeating: message.id, count: 3))
            #expect(
                requests.compactMap { $0.header("X-Vigil-Timestamp") }
                    == [start, start + 500, start + 7_500].map { String($0 / 1000) })
            for request in requests {
                let timestamp = try #require(request.header("X-Vigil-Timestamp"))
                let signature = try #require(request.header("X-Vigil-Signature"))
                #expect(
                    WebhookSignature.verify(
                        header: signature, secret: OutboxHarness.secret, timestamp: timestamp, body: message.body))
                #expect(request.body == message.body)
            }
        }
    }

    @Test func aMessageOlderThanTheMaximumAgeIsDeadLetteredAndRequeueDeliversIt() async throws {
        let harness = try OutboxHarness()
        try await WebhookReceiver.run { receiver in
            receiver.reply(to: "a", .status(500), .status(500))
            let message = Fixtures.message(receiver: "hook", at: harness.now)
            try harness.outbox.enqueue([message])
            let policy = RetryPolicy(initialDelay: 1_000, maximumDelay: 30_000, maximumAge: 5_000)
            try await harness.withWorker(receivers: [Self.webhook("hook", url: receiver.url("a"))], policy: policy) {
                worker in
                _ = await harness.recorder.wait(for: message.id, count: 1)
                harness.clock.advance(by: 5)
                let events = await harness.recorder.wait(for: message.id, count: 2)
                guard case .dead(_, let error)? = events?.last else {
                    Issue.record("expected the message to be dead-lettered, got \(String(describing: events))")
                    return
                }
                #expect(error.contains("HTTP 500"))
                let dead = try #require(try harness.stored(message.id))
                #expect(dead.state == .dead)
                #expect(dead.attempts == 2)
                #expect(try harness.outbox.messages(state: .dead, limit: 10).map(\.id) == [message.id])
                #expect(try harness.outbox.pendingCount() == 0)

                #expect(try harness.outbox.requeue(id: message.id, at: harness.now))
                #expect(try !harness.outbox.requeue(id: "no-such-message", at: harness.now))
                worker.poke()
                #expect(await harness.recorder.waitUntilDelivered(message.id) != nil)
            }
            let delivered = try #require(try harness.stored(message.id))
            #expect(delivered.state == .delivered)
            #expect(delivered.attempts == 3)
            #expect(receiver.requests.count == 3)
        }
    }

    @Test func aRefusedMessageIsDeadLetteredAtOnce() async throws {
        let harness = try OutboxHarness()
        try await WebhookReceiver.run { receiver in
            receiver.reply(to: "a", .status(404))
            let message = Fixtures.message(receiver: "hook", at: harness.now)
            try harness.outbox.enqueue([message])
            try await harness.withWorker(receivers: [Self.webhook("hook", url: receiver.url("a"))]) { _ in
                let events = await harness.recorder.wait(for: message.id)
                guard case .dead(_, let error)? = events?.first else {
                    Issue.record("expected a dead letter, got \(String(describing: events))")
                    return
                }
                #expect(error.contains("404"))
            }
            #expect(try harness.stored(message.id)?.state == .dead)
            #expect(try harness.stored(message.id)?.attempts == 1)
        }
    }

    @Test func messagesOfOneGroupAreDeliveredInOrder() async throws {
        let harness = try OutboxHarness()
        try await WebhookReceiver.run { receiver in
            let now = harness.now
            let first = Fixtures.message(id: "group-1-first", receiver: "hook", groupKey: "g1", at: now)
            let second = Fixtures.message(id: "group-1-second", receiver: "hook", groupKey: "g1", at: now)
            let other = Fixtures.message(id: "group-2", receiver: "hook", groupKey: "g2", at: now)
            try harness.outbox.enqueue([first, second, other])
            receiver.reply(to: first.id, .hang(thenStatus: 200))
            try await harness.withWorker(receivers: [Self.webhook("hook", url: receiver.url("a"))]) { _ in
                // The other group is not held up by the first message hanging...
                #expect(await harness.recorder.waitUntilDelivered(other.id) != nil)
                let states = try [first, second].map { try harness.stored($0.id)?.state }
                #expect(states == [.pending, .pending])
                // ...but the second message of the group waits for the first.
                receiver.release()
                #expect(await harness.recorder.waitUntilDelivered(second.id) != nil)
            }
            let events = receiver.recorder.events.all
            let released = try #require(events.firstIndex { if case .released = $0 { true } else { false } })
            let secondArrival = try #require(events.firstIndex { $0.request?.deliveryID == second.id })
            #expect(secondArrival > released, "the second message was sent while the first was still under way")
            let delivered = harness.recorder.events.all.filter {
                if case .delivered = $0 { true } else { false }
            }
            #expect(delivered == [.delivered(other.id), .delivered(first.id), .delivered(second.id)])
        }
    }

    @Test func aHangingGatewayDoesNotDelayAnotherReceiver() async throws {
        let harness = try OutboxHarness()
        try await WebhookReceiver.run { receiver in
            let now = harness.now
            // Receiver A has more hanging messages than the total limit; B comes last.
            let stuck = (1...3).map { Fixtures.message(id: "a-\($0)", receiver: "A", groupKey: "g\($0)", at: now) }
            let urgent = Fixtures.message(id: "b-1", receiver: "B", at: now + 1)
            try harness.outbox.enqueue(stuck)
            try harness.outbox.enqueue([urgent])
            harness.clock.advance(by: 0.001)
            receiver.reply(to: "a", .hang(), .hang(), .hang())
            let receivers = [Self.webhook("A", url: receiver.url("a")), Self.webhook("B", url: receiver.url("b"))]
            try await harness.withWorker(receivers: receivers, perReceiverLimit: 1, totalLimit: 2) { worker in
                #expect(await harness.recorder.waitUntilDelivered(urgent.id) != nil)
                #expect(!receiver.recorder.isReleased)
                #expect(receiver.requests.filter { $0.hook == "a" }.count == 1)
                #expect(await worker.inFlightCount == 1)
                let states = try stuck.map { try harness.stored($0.id)?.state }
                #expect(states == [.pending, .pending, .pending])
                receiver.release()
                for message in stuck {
                    #expect(await harness.recorder.waitUntilDelivered(message.id) != nil)
                }
            }
        }
    }

    @Test func fileIntegrationAppendsEachMessageAsOneLine() async throws {
        let harness = try OutboxHarness()
        let now = harness.now
        let notification = Fixtures.notification(receiver: "local", kind: "file", decidedAt: now)
        let renderer = MessageRenderer(externalURL: Fixtures.externalURL, receivers: ReceiverDirectory())
        let first = try #require(renderer.render(notification, id: "f-1"))
        var later = notification
        later.alerts = [Fixtures.alert(1, endsAt: now - 1_000)]
        let second = try #require(renderer.render(later, id: "f-2"))
        #expect(first.integration == "file[0]")
        try harness.alerting.record(log: [notification.logEntry], messages: [first])
        try harness.alerting.record(log: [later.logEntry], messages: [second])
        try await harness.withWorker(receivers: []) { _ in
            #expect(await harness.recorder.waitUntilDelivered(second.id) != nil)
        }
        let contents = try Data(contentsOf: URL(fileURLWithPath: harness.notificationsFile))
        #expect(Array(contents) == first.body + second.body)
        let lines = String(decoding: contents, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"receiver":"local","status":"firing""#))
        #expect(lines[1].hasPrefix(#"{"receiver":"local","status":"resolved""#))
        #expect(lines[2].isEmpty)
        #expect(try harness.stored(first.id)?.state == .delivered)
        #expect(try harness.stored(second.id)?.state == .delivered)
    }

    @Test func aKindWithoutASenderIsDeadLettered() async throws {
        let harness = try OutboxHarness()
        let message = Fixtures.message(receiver: "pager", integration: "pagerduty[0]", at: harness.now)
        try harness.outbox.enqueue([message])
        try await harness.withWorker(receivers: []) { _ in
            let events = await harness.recorder.wait(for: message.id)
            guard case .dead(_, let error)? = events?.first else {
                Issue.record("expected a dead letter, got \(String(describing: events))")
                return
            }
            #expect(error.contains("pagerduty[0]"))
        }
        #expect(try harness.stored(message.id)?.state == .dead)
    }
}

/// A message committed after the worker read the outbox but handed to it before it cleared its inbox
/// was dropped from the schedule (it stayed pending in SQLite until the next restart). The store
/// below commits and hands over a message from inside the worker's read, the narrowest form of that
/// race, deterministically.
@Suite struct OutboxReloadRaceTests {
    final class RacingStore: OutboxStore {
        let base: OutboxRepository
        let onFirstRead: Mutex<(@Sendable () -> Void)?>

        init(base: OutboxRepository, onFirstRead: @escaping @Sendable () -> Void) {
            self.base = base
            self.onFirstRead = Mutex(onFirstRead)
        }

        func due(at now: Int64, limit: Int, excluding busy: Set<String>) throws -> [OutboxMessage] {
            try base.due(at: now, limit: limit, excluding: busy)
        }
        func nextAttemptTime() throws -> Int64? { try base.nextAttemptTime() }
        func record(_ outcomes: [OutboxOutcome]) throws { try base.record(outcomes) }
        func requeue(id: String, at time: Int64) throws -> Bool { try base.requeue(id: id, at: time) }
        func pendingCount() throws -> Int { try base.pendingCount() }
        func messages(state: OutboxState?, limit: Int) throws -> [OutboxMessage] {
            let read = try base.messages(state: state, limit: limit)
            onFirstRead.withLock { hook in
                hook?()
                hook = nil
            }
            return read
        }
    }

    @Test func aMessageHandedOverDuringTheWorkersOutboxReadIsStillDelivered() async throws {
        let harness = try OutboxHarness()
        try await WebhookReceiver.run { receiver in
            let receivers = [OutboxDeliveryTests.webhook("hook", url: receiver.url("a"))]
            let renderer = MessageRenderer(
                externalURL: Fixtures.externalURL, receivers: ReceiverDirectory(receivers))
            let notification = Fixtures.notification(decidedAt: harness.now)
            let message = try #require(renderer.render(notification, id: "11111111-aaaa-4bbb-8ccc-0000000000ff"))
            let worker = Mutex<DeliveryWorker?>(nil)
            let store = RacingStore(base: harness.outbox) {
                try? harness.alerting.record(log: [notification.logEntry], messages: [message])
                worker.withLock { $0 }?.deliver([message])
            }
            var logger = Logger(label: "delivery-worker")
            logger.logLevel = .critical
            let made = DeliveryWorker(
                store: store,
                senders: [
                    "webhook": WebhookSender(
                        directory: ReceiverDirectory(receivers), transport: CurlTransport(),
                        secret: OutboxHarness.secret, userAgent: "Vigil/test")
                ],
                clock: harness.clock, logger: logger, metrics: harness.recorder, random: { 0 })
            worker.withLock { $0 = made }
            let running = Task { await made.run() }
            let events = await harness.recorder.waitUntilDelivered(message.id)
            running.cancel()
            await running.value
            #expect(events == [.delivered(message.id)], "the message handed over during the read was dropped")
            #expect(receiver.requests.count == 1)
        }
    }
}
