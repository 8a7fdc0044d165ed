import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// systemd's end of the notify protocol, for tests: an `AF_UNIX` datagram socket bound to a file in
/// a test's directory (or to an abstract `@name`), read with plain `recv(2)` under a receive
/// timeout, so a missing message fails a test instead of hanging it.
final class NotifySocket: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// What `NOTIFY_SOCKET` says: the path, or `@name` for the abstract namespace.
    let address: String
    private let descriptor: Int32
    private let received = Mutex<[String]>([])
    private let collector = Mutex<(running: Bool, stopping: Bool)>((false, false))
    private let stopped = DispatchSemaphore(value: 0)

    init(address: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        var name = Array(address.utf8)
        let abstract = name.first == UInt8(ascii: "@")
        if abstract { name[0] = 0 }
        guard name.count < MemoryLayout.size(ofValue: socketAddress.sun_path) else {
            close(fd)
            throw Failure(description: "\(address) is too long for a socket address")
        }
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { $0.copyBytes(from: name) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + name.count + (abstract ? 0 : 1))
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "bind \(address): \(reason)")
        }
        // `timeval` (seconds, microseconds) as two words: a clean build attributes its initializer to
        // CDispatch rather than Glibc (MemberImportVisibility).
        var timeout: (seconds: Int, microseconds: Int) = (0, 100_000)
        let size = socklen_t(MemoryLayout<(Int, Int)>.size)
        guard setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, size) == 0 else {
            close(fd)
            throw Failure(description: "SO_RCVTIMEO: \(String(cString: strerror(errno)))")
        }
        self.address = address
        descriptor = fd
    }

    /// The next datagram, or nil when none arrives within `timeout`.
    func receive(within timeout: Duration = .seconds(10)) -> String? {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        repeat {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count >= 0 { return String(decoding: buffer[0..<count], as: UTF8.self) }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { return nil }
        } while ContinuousClock.now < deadline
        return nil
    }

    /// Reads every datagram on a thread of its own into ``messages`` until ``stop()``, for a test
    /// that waits on a daemon running in its own tasks.
    func startCollecting() {
        collector.withLock { $0.running = true }
        Thread {
            while !self.collector.withLock({ $0.stopping }) {
                if let message = self.receive(within: .milliseconds(100)) {
                    self.received.withLock { $0.append(message) }
                }
            }
            self.stopped.signal()
        }.start()
    }

    /// The datagrams collected so far, in arrival order.
    var messages: [String] { received.withLock { $0 } }

    /// Ends the collecting thread (each receive gives up within 100 ms) and waits for it.
    func stop() {
        let running = collector.withLock { state in
            state.stopping = true
            return state.running
        }
        if running { _ = stopped.wait(timeout: .now() + 10) }
    }

    deinit {
        close(descriptor)
        if !address.hasPrefix("@") { unlink(address) }
    }
}
