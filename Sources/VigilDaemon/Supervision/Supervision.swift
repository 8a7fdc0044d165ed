import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import VigilCore

/// Keeps the supervisor informed while the daemon runs: ready once it serves, reloading around a
/// reload, the status line after each evaluation, the watchdog at half its interval, and stopping
/// as soon as graceful shutdown begins.
///
/// The watchdog vouches for the evaluation loop, not just the process: each tick calls
/// ``heartbeat(allowedSilence:)`` (the daemon allows three evaluation intervals, at least a minute),
/// and past that silence the ping is withheld, so systemd restarts a daemon whose evaluation hangs
/// instead of being told all is well by a timer that still runs.
///
/// Run as the last service of the daemon's group, so it hears of shutdown first. Without a
/// supervisor (`notifier` nil) every call does nothing.
public final class Supervision: Service, Sendable {
    let notifier: (any SupervisorNotifier)?
    let clock: any VigilClock
    let logger: Logger?
    /// Whether ready was sent, the latest status line, and when the watchdog stops vouching.
    private let state = Mutex<(ready: Bool, status: String?, deadline: Date?)>((false, nil, nil))

    public init(notifier: (any SupervisorNotifier)?, clock: any VigilClock, logger: Logger? = nil) {
        self.notifier = notifier
        self.clock = clock
        self.logger = logger
    }

    /// The evaluation loop ticked: the watchdog vouches for the daemon for `allowedSilence` seconds more.
    public func heartbeat(allowedSilence: TimeInterval) {
        let deadline = clock.now().addingTimeInterval(allowedSilence)
        state.withLock { $0.deadline = deadline }
    }

    /// The daemon serves: `READY=1`, with the latest status line.
    public func ready() {
        let status = state.withLock {
            $0.ready = true
            return $0.status
        }
        notifier?.send(.ready(status: status))
    }

    /// A reload starts (`RELOADING=1`); call ``reloaded()`` when it ends, whatever its outcome.
    public func reloading() {
        notifier?.send(.reloading(monotonicMicroseconds: SystemdNotifier.monotonicMicroseconds()))
    }

    /// A reload ended: ready again.
    public func reloaded() {
        notifier?.send(.ready(status: state.withLock { $0.status }))
    }

    /// A new status line; sent when it changed and the daemon has said it is ready.
    public func status(_ line: String) {
        let send = state.withLock {
            guard $0.status != line else { return false }
            $0.status = line
            return $0.ready
        }
        if send { notifier?.send(.status(line)) }
    }

    public func run() async throws {
        if let interval = notifier?.watchdogInterval {
            let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
            while !Task.isCancelled, !Task.isShuttingDownGracefully {
                feedWatchdog()
                do {
                    try await cancelWhenGracefulShutdown { try await self.clock.sleep(for: seconds / 2) }
                } catch {
                    break
                }
            }
        } else {
            try? await gracefulShutdown()
        }
        notifier?.send(.stopping)
    }

    /// `WATCHDOG=1`, unless the evaluation loop has been silent past its last heartbeat's allowance.
    private func feedWatchdog() {
        let now = clock.now()
        if let deadline = state.withLock({ $0.deadline }), now > deadline {
            logger?.error(
                "evaluation has stopped ticking; withholding the watchdog so systemd restarts vigil",
                metadata: ["overdue_seconds": "\(Int(now.timeIntervalSince(deadline)))"])
            return
        }
        notifier?.send(.watchdog)
    }
}
