import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TestSupport
import Testing
import VigilCore

@testable import VigilDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// sd_notify without libsystemd: the protocol's lines, datagrams on a real `AF_UNIX` socket, the
/// watchdog settings systemd passes, and what the supervision service says when.
@Suite("Telling systemd how the daemon is")
struct SupervisionTests {
    // MARK: The messages

    @Test(arguments: [
        (SupervisorMessage.ready(status: nil), "READY=1"),
        (
            .ready(status: "defense level GREEN, 0 alerts firing"),
            "READY=1\nSTATUS=defense level GREEN, 0 alerts firing"
        ),
        (.ready(status: "two\nlines\r\nhere\n\n"), "READY=1\nSTATUS=two lines here"),
        (.reloading(monotonicMicroseconds: 1_234_567), "RELOADING=1\nMONOTONIC_USEC=1234567"),
        (.stopping, "STOPPING=1"),
        (.status("one line"), "STATUS=one line"),
        (.status("first\nsecond"), "STATUS=first second"),
        (.watchdog, "WATCHDOG=1"),
    ])
    func eachMessageIsTheProtocolsLines(message: SupervisorMessage, text: String) {
        #expect(message.text == text)
    }

    // MARK: The notifier

    @Test func withoutNotifySocketThereIsNoNotifier() {
        #expect(SystemdNotifier(environment: [:]) == nil)
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "1000000"]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": ""]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "relative/notify"]) == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": "/" + String(repeating: "n", count: 120)]) == nil)
        #expect(
            SystemdNotifier(environment: ["NOTIFY_SOCKET": "/run/systemd/notify"])?.socketPath == "/run/systemd/notify")
    }

    @Test func messagesArriveAsDatagramsOnTheSocketFile() throws {
        let directory = TestDirectory()
        let socket = try NotifySocket(address: directory.file("notify.sock"))
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address]))
        #expect(notifier.send(.ready(status: "defense level GREEN\nand more")))
        #expect(notifier.send(.watchdog))
        #expect(notifier.send(.stopping))
        #expect(socket.receive() == "READY=1\nSTATUS=defense level GREEN and more")
        #expect(socket.receive() == "WATCHDOG=1")
        #expect(socket.receive() == "STOPPING=1")
    }

    @Test func messagesArriveOnAnAbstractSocket() throws {
        let socket = try NotifySocket(address: "@vigil-test-\(UUID().uuidString)")
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address]))
        #expect(notifier.send(.reloading(monotonicMicroseconds: 42)))
        #expect(socket.receive() == "RELOADING=1\nMONOTONIC_USEC=42")
    }

    @Test func aSupervisorThatIsGoneIsNotAnError() throws {
        let directory = TestDirectory()
        let notifier = try #require(SystemdNotifier(environment: ["NOTIFY_SOCKET": directory.file("nobody.sock")]))
        #expect(!notifier.send(.ready(status: nil)))
    }

    @Test(arguments: [
        (["WATCHDOG_USEC": "3000000"], Duration.seconds(3)),
        (["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "4242"], .seconds(3)),
        (["WATCHDOG_USEC": "500", "WATCHDOG_PID": "4242"], .microseconds(500)),
    ])
    func theWatchdogIntervalIsTakenWhenItIsMeantForThisProcess(environment: [String: String], interval: Duration)
        throws
    {
        let notifier = try #require(
            SystemdNotifier(environment: environment.merging(["NOTIFY_SOCKET": "/run/n"]) { $1 }, processID: 4242))
        #expect(notifier.watchdogInterval == interval)
    }

    @Test(arguments: [
        ["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "1"],
        ["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "not a pid"],
        ["WATCHDOG_USEC": "0"],
        ["WATCHDOG_USEC": "soon"],
        ["WATCHDOG_PID": "4242"],
    ])
    func noWatchdogWhenItIsOffOrMeantForAnotherProcess(environment: [String: String]) throws {
        let notifier = try #require(
            SystemdNotifier(environment: environment.merging(["NOTIFY_SOCKET": "/run/n"]) { $1 }, processID: 4242))
        #expect(notifier.watchdogInterval == nil)
    }

    @Test func monotonicMicrosecondsIsClockMonotonic() {
        let before = Self.clockMonotonicMicroseconds()
        let reported = SystemdNotifier.monotonicMicroseconds()
        let after = Self.clockMonotonicMicroseconds()
        #expect(before <= reported && reported <= after, "\(before) ≤ \(reported) ≤ \(after)")
    }

    // MARK: The service

    @Test func theStatusWaitsForReadyAndReloadingEndsReadyAgain() throws {
        let notifier = RecordingNotifier(watchdogInterval: nil)
        let supervision = Supervision(notifier: notifier, clock: ManualClock())
        supervision.status("defense level YELLOW, 0 alerts firing")
        #expect(notifier.sent.isEmpty, "a status before READY=1 goes with it, not before it")
        supervision.ready()
        supervision.status("defense level YELLOW, 0 alerts firing")
        supervision.status("defense level ORANGE, 2 alerts firing")
        let before = Self.clockMonotonicMicroseconds()
        supervision.reloading()
        let after = Self.clockMonotonicMicroseconds()
        supervision.reloaded()

        let sent = notifier.sent
        try #require(sent.count == 4, "\(sent)")
        #expect(sent[0] == .ready(status: "defense level YELLOW, 0 alerts firing"))
        #expect(sent[1] == .status("defense level ORANGE, 2 alerts firing"), "an unchanged status is not sent again")
        guard case .reloading(let microseconds) = sent[2] else {
            Issue.record("expected RELOADING=1, got \(sent[2])")
            return
        }
        #expect(before <= microseconds && microseconds <= after)
        #expect(sent[3] == .ready(status: "defense level ORANGE, 2 alerts firing"))
    }

    @Test func cancelledItStillSaysStopping() async throws {
        let notifier = RecordingNotifier(watchdogInterval: nil)
        let supervision = Supervision(notifier: notifier, clock: ManualClock())
        let run = Task { try await supervision.run() }
        run.cancel()
        try await run.value
        #expect(notifier.sent == [.stopping])
    }

    @Test func theWatchdogIsFedAtHalfItsIntervalUntilShutdown() async throws {
        let clock = ManualClock()
        let notifier = RecordingNotifier(watchdogInterval: .seconds(10))
        let supervision = Supervision(notifier: notifier, clock: clock)
        var logger = Logger(label: "supervision-test")
        logger.logLevel = .critical
        let group = ServiceGroup(
            services: [supervision], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
        let running = Task { try await group.run() }

        await clock.waitForSleepers(count: 1)
        #expect(notifier.sent == [.watchdog], "fed at once")
        let half = clock.now().addingTimeInterval(5)
        clock.advance(to: half.addingTimeInterval(-0.1))
        #expect(clock.sleeperCount == 1, "woke before half the interval")
        #expect(notifier.sent == [.watchdog])
        clock.advance(to: half)
        await clock.waitForSleepers(count: 1)
        #expect(notifier.sent == [.watchdog, .watchdog])
        clock.advance(to: half.addingTimeInterval(5))
        await clock.waitForSleepers(count: 1)
        #expect(notifier.sent == [.watchdog, .watchdog, .watchdog])

        await group.triggerGracefulShutdown()
        try await running.value
        #expect(notifier.sent == [.watchdog, .watchdog, .watchdog, .stopping])
    }

    @Test func theWatchdogIsWithheldWhileEvaluationIsSilentPastItsAllowance() async throws {
        let clock = ManualClock()
        let notifier = RecordingNotifier(watchdogInterval: .seconds(10))
        let supervision = Supervision(notifier: notifier, clock: clock)
        var logger = Logger(label: "supervision-test")
        logger.logLevel = .critical
        let group = ServiceGroup(
            services: [supervision], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
        let start = clock.now()
        supervision.heartbeat(allowedSilence: 7)
        let running = Task { try await group.run() }

        await clock.waitForSleepers(count: 1)
        clock.advance(to: start.addingTimeInterval(5))
        await clock.waitForSleepers(count: 1)
        #expect(notifier.sent == [.watchdog, .watchdog], "within the allowance: fed")
        clock.advance(to: start.addingTimeInterval(10))
        await clock.waitForSleepers(count: 1)
        #expect(notifier.sent == [.watchdog, .watchdog], "silent past the allowance: withheld")
        supervision.heartbeat(allowedSilence: 7)
        clock.advance(to: start.addingTimeInterval(15))
        await clock.waitForSleepers(count: 1)
        #expect(notifier.sent == [.watchdog, .watchdog, .watchdog], "ticking again: fed again")

        await group.triggerGracefulShutdown()
        try await running.value
    }

    // MARK: Helpers

    /// CLOCK_MONOTONIC read directly. The two words are `timespec`'s seconds and nanoseconds on 64-bit
    /// Linux; reading them as a tuple avoids `timespec`'s members, which a clean build attributes to
    /// CDispatch (MemberImportVisibility) rather than Glibc.
    static func clockMonotonicMicroseconds() -> UInt64 {
        var now: (seconds: Int, nanoseconds: Int) = (0, 0)
        withUnsafeMutablePointer(to: &now) {
            $0.withMemoryRebound(to: timespec.self, capacity: 1) { _ = clock_gettime(CLOCK_MONOTONIC, $0) }
        }
        return UInt64(now.seconds) * 1_000_000 + UInt64(now.nanoseconds) / 1000
    }
}

/// A supervisor that keeps what it was told.
final class RecordingNotifier: SupervisorNotifier {
    let watchdogInterval: Duration?
    private let messages = Mutex<[SupervisorMessage]>([])

    init(watchdogInterval: Duration?) {
        self.watchdogInterval = watchdogInterval
    }

    var sent: [SupervisorMessage] { messages.withLock { $0 } }

    func send(_ message: SupervisorMessage) -> Bool {
        messages.withLock { $0.append(message) }
        return true
    }
}
