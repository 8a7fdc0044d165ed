import Logging
import Synchronization

/// A log handler that keeps every line it is given, so a test can assert what was (and what was
/// never) logged — a secret's value, for instance.
public struct CapturingLogHandler: LogHandler {
    /// The lines logged so far, message and metadata rendered as text.
    public final class Lines: Sendable {
        private let storage = Mutex<[String]>([])
        public init() {}
        public var all: [String] { storage.withLock { $0 } }
        func append(_ line: String) { storage.withLock { $0.append(line) } }
    }

    public let lines: Lines
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public init(lines: Lines) {
        self.lines = lines
    }

    /// A logger whose every line lands in `lines`.
    public static func logger(_ lines: Lines) -> Logger {
        Logger(label: "capture") { _ in CapturingLogHandler(lines: lines) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lines.append("\(event.level) \(event.message) \(rendered)")
    }
}
