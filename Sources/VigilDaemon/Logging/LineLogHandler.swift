import Foundation
import Logging
import VigilCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Log lines as Prometheus and Alertmanager write them, so the same log pipeline (journald, Loki,
/// grep) reads all three: `ts`, `caller`, `level`, `msg`, then the metadata, in logfmt or JSON.
///
/// `caller` is the Swift file and line; `component` is the logger's label when it is not the
/// daemon's own. Each line is one `write(2)`, so lines from concurrent tasks never interleave.
public struct LineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let format: LogFormat
    let output: LogOutput

    public init(label: String, level: Logger.Level, format: LogFormat, output: LogOutput = .standardError) {
        self.label = label
        self.logLevel = level
        self.format = format
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("ts", Self.timestamp(Self.wallClockMilliseconds())),
            ("caller", Self.caller(file: event.file, line: event.line)),
            ("level", LogLevelName.written(event.level)),
        ]
        if label != "vigil" { fields.append(("component", label)) }
        fields.append(("msg", event.message.description))
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        for key in merged.keys.sorted() {
            if let value = merged[key] { fields.append((key, Self.text(value))) }
        }
        if let error = event.error { fields.append(("err", "\(error)")) }
        output.emit(format == .json ? Self.json(fields) : Self.logfmt(fields))
    }

    /// `Daemon.swift:57` from `VigilDaemon/Lifecycle/Daemon.swift` and 57.
    static func caller(file: String, line: UInt) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return "\(name):\(line)"
    }

    /// `2026-12-05T05:10:00.123Z`: Prometheus' timestamp, UTC with milliseconds.
    static func timestamp(_ milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        return UTCDateTime(unixSeconds: seconds).text(separator: "T") + "."
            + UTCDateTime.padded(milliseconds - seconds * 1000, 3) + "Z"
    }

    /// Log lines carry the time they were written: the one wall-clock read outside `VigilClock`,
    /// because a log line's time is when it happened, not the daemon's notion of "now".
    static func wallClockMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func text(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let value): return value.description
        case .array(let values): return "[" + values.map(text).joined(separator: ", ") + "]"
        case .dictionary(let values):
            return "["
                + values.sorted { $0.key < $1.key }.map { "\($0.key): \(text($0.value))" }.joined(separator: ", ") + "]"
        }
    }

    /// `key=value` pairs; a value with a space, `=`, a quote or a control character is quoted
    /// with Go's escapes, as go-kit's logfmt does.
    static func logfmt(_ fields: [(String, String)]) -> String {
        var line = ""
        for (index, (key, value)) in fields.enumerated() {
            if index > 0 { line += " " }
            line += key + "=" + quoted(value)
        }
        return line + "\n"
    }

    static func quoted(_ value: String) -> String {
        let needsQuotes =
            value.isEmpty
            || value.unicodeScalars.contains {
                $0 == " " || $0 == "=" || $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F
            }
        guard needsQuotes else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func json(_ fields: [(String, String)]) -> String {
        var writer = GoJSONWriter()
        writer.beginObject()
        for (key, value) in fields { writer.member(key, string: value) }
        writer.end("}")
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }
}

/// Where log lines go: standard error (the daemon's journal under systemd), or a collector in tests.
public final class LogOutput: Sendable {
    private let sink: @Sendable (String) -> Void

    public init(_ sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
    }

    func emit(_ line: String) { sink(line) }

    public static let standardError = LogOutput { line in
        var line = line
        line.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = write(2, start + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
