import Logging

/// `--log.format`: logfmt (key=value pairs, Prometheus' default) or one JSON object per line.
public enum LogFormat: String, Sendable, CaseIterable {
    case logfmt
    case json
}

/// `--log.level` as Prometheus and Alertmanager take it (`debug`, `info`, `warn`, `error`), plus
/// swift-log's own names, so `--log.level=warning` also works.
public enum LogLevelName {
    public static let accepted = ["debug", "info", "warn", "error", "trace", "notice", "warning", "critical"]

    public static func level(_ name: String) -> Logger.Level? {
        switch name.lowercased() {
        case "warn": return .warning
        default: return Logger.Level(rawValue: name.lowercased())
        }
    }

    /// The name written in a line: Prometheus' four, never swift-log's others.
    static func written(_ level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: return "debug"
        case .info, .notice: return "info"
        case .warning: return "warn"
        case .error, .critical: return "error"
        }
    }
}
