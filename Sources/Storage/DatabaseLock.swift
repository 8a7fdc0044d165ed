import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Marks a database as in use by one running daemon: an exclusive `flock` on `<database>.lock`,
/// which holds the owner's process id for the message others get.
///
/// The kernel drops the lock when the process ends however it ends (`kill -9` too), so a stale
/// lock file never blocks a restart. `vigil admin restore` takes the same lock, which is how it
/// refuses to replace the database under a live daemon; a second daemon on the same file refuses
/// to start.
public final class DatabaseLock: Sendable {
    public let path: String
    private let descriptor: Mutex<Int32>

    /// Takes the lock for the database at `databasePath`, or throws ``StorageError/inUse(path:holder:)``.
    public init(databasePath: String) throws(StorageError) {
        path = databasePath + ".lock"
        let directory = (databasePath as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(fd)
            close(fd)
            throw .inUse(path: databasePath, holder: holder)
        }
        _ = ftruncate(fd, 0)
        let text = Array("pid \(getpid())\n".utf8)
        _ = pwrite(fd, text, text.count, 0)
        descriptor = Mutex(fd)
    }

    deinit { release() }

    /// Releases the lock (the process ending does the same).
    public func release() {
        descriptor.withLock { fd in
            if fd >= 0 { close(fd) }
            fd = -1
        }
    }

    private static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = pread(fd, &buffer, buffer.count, 0)
        let text = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "process unknown" : trimmed
    }
}
