import Foundation

/// Appends messages to a local file (`var/notifications.jsonl`), one webhook payload per line: what a
/// receiver without any gateway uses, so the demo runs with no mail server or pager. Each line is
/// written with one `write` on a file opened for appending, so lines never interleave.
public struct FileSender: MessageSender {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func send(_ message: OutboxMessage, now: Int64) async -> DeliveryOutcome {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            return .retry("cannot open \(path): \(String(cString: strerror(errno)))", retryAfter: nil)
        }
        defer { close(descriptor) }
        var line = message.body
        if line.last != UInt8(ascii: "\n") { line.append(UInt8(ascii: "\n")) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            return .retry("cannot write \(path): \(String(cString: strerror(errno)))", retryAfter: nil)
        }
        return .delivered
    }
}
