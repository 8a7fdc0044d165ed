import ArgumentParser
import Foundation
import Logging
import VigilDaemon

/// `vigil run`: the long-running daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon (stops gracefully on SIGTERM or SIGINT; SIGHUP reloads the configuration)."
    )

    @Option(name: .long, help: "Configuration file (default: etc/vigil.yml when present, else embedded defaults).")
    var config: String?

    @Option(name: .long, help: "Data directory for the database and generated secrets (default: var/).")
    var data: String?

    @Option(name: .long, help: "Address to listen on, host:port (default: 127.0.0.1:9095).")
    var listen: String?

    @Option(
        name: [.customLong("log.level"), .customLong("log-level")],
        help: "Only log messages at or above this level: debug, info, warn or error.")
    var logLevel: String = "info"

    @Option(name: .customLong("log.format"), help: "logfmt or json, as Prometheus and Alertmanager write their logs.")
    var logFormat: String = "logfmt"

    func validate() throws {
        guard LogLevelName.level(logLevel) != nil else {
            throw ValidationError(
                "unknown log level \"\(logLevel)\" (one of \(LogLevelName.accepted.joined(separator: ", ")))")
        }
        guard LogFormat(rawValue: logFormat) != nil else {
            throw ValidationError("unknown log format \"\(logFormat)\" (logfmt or json)")
        }
    }

    func run() async throws {
        let level = LogLevelName.level(logLevel) ?? .info
        let format = LogFormat(rawValue: logFormat) ?? .logfmt
        LoggingSystem.bootstrap { label in
            LineLogHandler(label: label, level: level, format: format)
        }
        let logger = Logger(label: "vigil")
        let options = DaemonOptions(
            configPath: config, overrides: ConfigOverrides(dataDirectory: data, listenAddress: listen), logger: logger,
            flags: ["log.level": logLevel, "log.format": logFormat])
        let daemon: Daemon
        do {
            daemon = try Daemon(options: options)
        } catch {
            FileHandle.standardError.write(Data("vigil: \(error)\n".utf8))
            throw ExitCode.failure
        }
        do {
            try await daemon.run()
        } catch let error as DaemonError {
            FileHandle.standardError.write(Data("vigil: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
