import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// sd_notify without libsystemd: each message is one datagram to the `AF_UNIX` socket named by
/// `$NOTIFY_SOCKET` (a path, or `@name` for the abstract namespace), which is all the protocol is.
///
/// `init` returns nil when the variable is unset, so a daemon started by hand sends nothing. The
/// watchdog interval is `$WATCHDOG_USEC` when `$WATCHDOG_PID` is unset or names this process.
public struct SystemdNotifier: SupervisorNotifier {
    /// The socket address as systemd gave it.
    public let socketPath: String
    public let watchdogInterval: Duration?

    public init?(environment: [String: String], processID: Int32 = getpid()) {
        guard let path = environment["NOTIFY_SOCKET"], path.hasPrefix("/") || path.hasPrefix("@"),
            path.utf8.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path)
        else { return nil }
        socketPath = path
        if let usec = environment["WATCHDOG_USEC"].flatMap(UInt64.init), usec > 0,
            environment["WATCHDOG_PID"].map({ Int32($0) == processID }) ?? true
        {
            watchdogInterval = .microseconds(Int64(clamping: usec))
        } else {
            watchdogInterval = nil
        }
    }

    @discardableResult
    public func send(_ message: SupervisorMessage) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(socketPath.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        // A path is NUL-terminated; an abstract name is exactly its bytes.
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
        let payload = Array(message.text.utf8)
        let sent = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, payload, payload.count, Int32(MSG_NOSIGNAL), $0, length)
            }
        }
        return sent == payload.count
    }

    /// CLOCK_MONOTONIC in microseconds, as `MONOTONIC_USEC=` wants it.
    public static func monotonicMicroseconds() -> UInt64 {
        // Dispatch's uptime is CLOCK_MONOTONIC on Linux, in nanoseconds.
        DispatchTime.now().uptimeNanoseconds / 1000
    }
}
