/// What the daemon tells the process supervisor about itself: started, reloading, stopping, alive,
/// and a one-line status.
///
/// systemd (`Type=notify`) is the supervisor Vigil is packaged for; the daemon speaks to this
/// protocol so tests can listen in and a run without a supervisor sends nothing.
public protocol SupervisorNotifier: Sendable {
    /// Sends one message; false when the supervisor could not be reached (never fatal).
    @discardableResult
    func send(_ message: SupervisorMessage) -> Bool

    /// How often the supervisor expects ``SupervisorMessage/watchdog``; nil when it does not.
    var watchdogInterval: Duration? { get }
}

/// One notification, as the `KEY=value` lines of systemd's notify protocol.
public enum SupervisorMessage: Sendable, Equatable {
    /// Serving: `/-/ready` answers 200. Carries the status line to show with it.
    case ready(status: String?)
    /// A configuration reload started; `monotonicMicroseconds` is CLOCK_MONOTONIC now.
    case reloading(monotonicMicroseconds: UInt64)
    /// Graceful shutdown started.
    case stopping
    /// A new status line for `systemctl status`.
    case status(String)
    /// Still alive (`WatchdogSec=`).
    case watchdog

    /// The datagram's text.
    public var text: String {
        switch self {
        case .ready(let status):
            return (["READY=1"] + (status.map { ["STATUS=\(Self.oneLine($0))"] } ?? [])).joined(separator: "\n")
        case .reloading(let microseconds):
            return "RELOADING=1\nMONOTONIC_USEC=\(microseconds)"
        case .stopping:
            return "STOPPING=1"
        case .status(let line):
            return "STATUS=\(Self.oneLine(line))"
        case .watchdog:
            return "WATCHDOG=1"
        }
    }

    /// A status value ends at the first newline in the protocol: keep it to one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
