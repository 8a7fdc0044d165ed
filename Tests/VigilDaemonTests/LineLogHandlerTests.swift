import Foundation
import Logging
import Synchronization
import Testing

@testable import VigilDaemon

/// Log lines in Prometheus' and Alertmanager's shape: `ts`, `caller`, `level`, `msg`, then the
/// metadata sorted by key, as logfmt or one JSON object per line.
@Suite("Log lines as Prometheus writes them")
struct LineLogHandlerTests {
    /// The lines a handler wrote, in order.
    final class Lines: Sendable {
        private let storage = Mutex<[String]>([])
        var all: [String] { storage.withLock { $0 } }
        func append(_ line: String) { storage.withLock { $0.append(line) } }
    }

    static func logger(
        label: String = "vigil", level: Logger.Level = .debug, format: LogFormat = .logfmt
    ) -> (Logger, Lines) {
        let lines = Lines()
        let logger = Logger(label: label) { label in
            LineLogHandler(label: label, level: level, format: format, output: LogOutput { lines.append($0) })
        }
        return (logger, lines)
    }

    /// `line` split at its first field boundary after `ts=…`: the timestamp, and everything after it.
    static func splitTimestamp(_ line: String) throws -> (ts: String, rest: String) {
        try #require(line.hasPrefix("ts="), "\(line)")
        let space = try #require(line.firstIndex(of: " "))
        return (
            String(line[line.index(line.startIndex, offsetBy: 3)..<space]), String(line[line.index(after: space)...])
        )
    }

    @Test func logfmtLinesCarryTimeCallerLevelMessageAndSortedMetadata() throws {
        var (logger, lines) = Self.logger()
        logger[metadataKey: "zone"] = "UTC"
        let line: UInt = #line + 1
        logger.info("storage open", metadata: ["path": "/var/lib/vigil/vigil.db", "attempt": "2"])

        let written = try #require(lines.all.first)
        #expect(lines.all.count == 1)
        #expect(written.hasSuffix("\n"))
        #expect(written.filter { $0 == "\n" }.count == 1)
        let (ts, rest) = try Self.splitTimestamp(written)
        #expect(
            rest
                == "caller=LineLogHandlerTests.swift:\(line) level=info msg=\"storage open\" "
                + "attempt=2 path=/var/lib/vigil/vigil.db zone=UTC\n")
        // The time the line was written, in Prometheus' format: UTC, milliseconds, `Z`.
        #expect(ts.count == "2026-07-01T00:00:00.000Z".count)
        #expect(ts.hasSuffix("Z"))
        let parsed = try #require(ISO8601DateFormatter.withFractionalSeconds.date(from: ts), "\(ts)")
        #expect(abs(parsed.timeIntervalSinceNow) < 600)
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(LineLogHandler.timestamp(1_782_867_661_123) == "2026-07-01T01:01:01.123Z")
        #expect(LineLogHandler.timestamp(5) == "1970-01-01T00:00:00.005Z")
        #expect(LineLogHandler.caller(file: "VigilDaemon/Lifecycle/Daemon.swift", line: 57) == "Daemon.swift:57")
    }

    @Test func theComponentIsNamedOnlyForLoggersOtherThanTheDaemonsOwn() throws {
        let (daemon, daemonLines) = Self.logger(label: "vigil")
        let (scrape, scrapeLines) = Self.logger(label: "vigil.scrape")
        daemon.info("tick")
        scrape.info("tick")
        let own = try Self.splitTimestamp(try #require(daemonLines.all.first)).rest
        let other = try Self.splitTimestamp(try #require(scrapeLines.all.first)).rest
        #expect(!own.contains("component="))
        #expect(own.hasSuffix(" level=info msg=tick\n"))
        #expect(other.hasSuffix(" level=info component=vigil.scrape msg=tick\n"))
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("two words", #""two words""#),
        ("a=b", #""a=b""#),
        (#"say "hi""#, #""say \"hi\"""#),
        ("line\nbreak", #""line\nbreak""#),
        ("", #""""#),
        (#"C:\path"#, #""C:\\path""#),
        ("tab\there", #""tab\there""#),
        ("bell\u{7}", #""bell\u0007""#),
        ("r\u{E9}sum\u{E9}", "r\u{E9}sum\u{E9}"),
        ("/api/v1/query?x=1", #""/api/v1/query?x=1""#),
    ])
    func logfmtQuotesValuesThatWouldBreakAField(value: String, written: String) throws {
        let (logger, lines) = Self.logger()
        logger.info("m", metadata: ["k": "\(value)"])
        let rest = try Self.splitTimestamp(try #require(lines.all.first)).rest
        #expect(rest.hasSuffix(" msg=m k=\(written)\n"), "\(rest)")
        #expect(LineLogHandler.quoted(value) == written)
    }

    @Test func metadataOfTheEventOverridesTheLoggersAndNestedValuesAreRendered() throws {
        var (logger, lines) = Self.logger()
        logger[metadataKey: "receiver"] = "pager"
        logger[metadataKey: "b"] = "logger"
        logger.info(
            "sent",
            metadata: [
                "b": "event", "list": .array(["x", "y"]), "map": .dictionary(["z": "1", "a": "2"]),
            ])
        let rest = try Self.splitTimestamp(try #require(lines.all.first)).rest
        #expect(rest.hasSuffix(#" msg=sent b=event list="[x, y]" map="[a: 2, z: 1]" receiver=pager"# + "\n"))
    }

    @Test func jsonLinesParseAndCarryTheSameFields() throws {
        let (logger, lines) = Self.logger(label: "vigil.notify", format: .json)
        let line: UInt = #line + 1
        logger.warning("delivery \"failed\"\nretrying <soon> & again", metadata: ["receiver": "pager", "n": "3"])

        let written = try #require(lines.all.first)
        #expect(written.hasSuffix("\n"))
        #expect(written.filter { $0 == "\n" }.count == 1, "one line per event")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: String], "\(written)")
        #expect(object["caller"] == "LineLogHandlerTests.swift:\(line)")
        #expect(object["level"] == "warn")
        #expect(object["msg"] == "delivery \"failed\"\nretrying <soon> & again")
        #expect(object["component"] == "vigil.notify")
        #expect(object["receiver"] == "pager")
        #expect(object["n"] == "3")
        let ts = try #require(object["ts"])
        #expect(ISO8601DateFormatter.withFractionalSeconds.date(from: ts) != nil, "\(ts)")
        #expect(Set(object.keys) == ["ts", "caller", "level", "component", "msg", "n", "receiver"])
        // Keys in Prometheus' order: time, caller, level first.
        #expect(written.hasPrefix(#"{"ts":""#))
        #expect(written.contains(#"","caller":"LineLogHandlerTests.swift:\#(line)","level":"warn","#))
    }

    @Test(arguments: [
        (Logger.Level.trace, "debug"), (.debug, "debug"), (.info, "info"), (.notice, "info"),
        (.warning, "warn"), (.error, "error"), (.critical, "error"),
    ])
    func linesNameOnlyPrometheusFourLevels(level: Logger.Level, written: String) throws {
        let (logger, lines) = Self.logger(level: .trace)
        logger.log(level: level, "m")
        let rest = try Self.splitTimestamp(try #require(lines.all.first)).rest
        #expect(rest.contains(" level=\(written) msg=m"), "\(rest)")
    }

    @Test func levelNamesAreAcceptedAsPrometheusAndSwiftLogSpellThem() {
        #expect(LogLevelName.level("warn") == .warning)
        #expect(LogLevelName.level("WARN") == .warning)
        #expect(LogLevelName.level("warning") == .warning)
        #expect(LogLevelName.level("debug") == .debug)
        #expect(LogLevelName.level("Error") == .error)
        #expect(LogLevelName.level("critical") == .critical)
        #expect(LogLevelName.level("verbose") == nil)
        #expect(LogLevelName.level("") == nil)
        #expect(LogLevelName.accepted.allSatisfy { LogLevelName.level($0) != nil })
        #expect(LogFormat(rawValue: "json") == .json)
        #expect(LogFormat(rawValue: "text") == nil)
    }

    @Test func messagesBelowTheLevelAreNotWritten() {
        let (logger, lines) = Self.logger(level: .warning)
        logger.debug("hidden")
        logger.info("hidden")
        logger.warning("shown")
        logger.error("shown")
        #expect(lines.all.count == 2)
        #expect(lines.all.allSatisfy { $0.contains("msg=shown") })
    }
}

extension ISO8601DateFormatter {
    /// `2026-07-01T01:01:01.123Z`.
    fileprivate static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
