import Foundation
import Testing
import Transport
import VigilCore

@testable import Notify

/// `SlackSender`'s pacing on the injected clock, against a real receiver on loopback: Slack takes
/// one message a second per webhook, so a second message waits for its turn on the clock (never on
/// the wall), a third beyond the short wait is handed back to the outbox with a retry time, and
/// another webhook is never held up.
@Suite struct SlackPacingTests {
    static let start: Int64 = 1_782_864_000_000

    static func sender(_ receiver: WebhookReceiver, clock: ManualClock) -> SlackSender {
        SlackSender(
            directory: ReceiverDirectory([
                ReceiverConfig(name: "a", slackConfigs: [SlackConfig(apiURL: receiver.url("a"))]),
                ReceiverConfig(name: "b", slackConfigs: [SlackConfig(apiURL: receiver.url("b"))]),
            ]),
            transport: CurlTransport(), userAgent: "Vigil/test", clock: clock)
    }

    static func message(_ receiver: String) -> OutboxMessage {
        Fixtures.message(receiver: receiver, integration: "slack[0]", at: start)
    }

    @Test func aSecondMessageToOneWebhookWaitsASecondOnTheClock() async throws {
        try await WebhookReceiver.run { receiver in
            let clock = ManualClock(start: Date(unixMilliseconds: Self.start))
            let sender = Self.sender(receiver, clock: clock)
            let first = await sender.send(Self.message("a"), now: Self.start)
            #expect(first == .delivered)
            let second = Task { await sender.send(Self.message("a"), now: Self.start) }
            await clock.waitForSleepers(count: 1)
            // Another webhook has its own turn.
            #expect(await sender.send(Self.message("b"), now: Self.start) == .delivered)
            #expect(receiver.requests.map(\.hook) == ["a", "b"], "the second message to a went early")
            clock.advance(by: 0.999)
            #expect(clock.sleeperCount == 1, "woke before its second")
            clock.advance(by: 0.001)
            #expect(await second.value == .delivered)
            #expect(receiver.requests.map(\.hook) == ["a", "b", "a"])
        }
    }

    @Test func beyondTwoTurnsTheMessageIsRetriedWhenItsTurnComes() async throws {
        try await WebhookReceiver.run { receiver in
            let clock = ManualClock(start: Date(unixMilliseconds: Self.start))
            let sender = Self.sender(receiver, clock: clock)
            #expect(await sender.send(Self.message("a"), now: Self.start) == .delivered)
            let second = Task { await sender.send(Self.message("a"), now: Self.start) }
            await clock.waitForSleepers(count: 1)
            let third = Task { await sender.send(Self.message("a"), now: Self.start) }
            // The third waits behind the second, two seconds out: still within the wait it may hold.
            try await waitForQueue(sender, url: receiver.url("a"))
            let fourth = await sender.send(Self.message("a"), now: Self.start)
            guard case .retry(let reason, let retryAfter) = fourth else {
                Issue.record("a fourth message held its slot: \(fourth)")
                return
            }
            #expect(reason.contains("one message a second"))
            #expect(retryAfter == 3_000)
            clock.advance(by: 1)
            #expect(await second.value == .delivered)
            await clock.waitForSleepers(count: 1)
            clock.advance(by: 1)
            #expect(await third.value == .delivered)
            #expect(receiver.requests.count == 3)
        }
    }

    @Test func cancellingAWaitingMessageHandsItBackForRetry() async throws {
        try await WebhookReceiver.run { receiver in
            let clock = ManualClock(start: Date(unixMilliseconds: Self.start))
            let sender = Self.sender(receiver, clock: clock)
            #expect(await sender.send(Self.message("a"), now: Self.start) == .delivered)
            let second = Task { await sender.send(Self.message("a"), now: Self.start) }
            await clock.waitForSleepers(count: 1)
            second.cancel()
            guard case .retry = await second.value else {
                Issue.record("a cancelled wait was not handed back for retry")
                return
            }
            #expect(receiver.requests.count == 1)
        }
    }

    /// Waits (yielding, never sleeping) until a message is queued behind the one holding `url`.
    func waitForQueue(_ sender: SlackSender, url: String) async throws {
        for _ in 0..<100_000 {
            if await sender.pacer.queued(url) == 1 { return }
            await Task.yield()
        }
        Issue.record("the third message never queued")
    }
}
