import Foundation
import Logging
import VigilCore

/// How to start the daemon: the command line's choices plus the things tests inject
/// (clock, environment, working directory, a callback with the bound port).
public struct DaemonOptions: Sendable {
    /// `--config FILE`; nil means `etc/vigil.yml` in the working directory when present, else
    /// the embedded defaults.
    public var configPath: String?
    /// Command-line overrides; a relative `--data` is made absolute against `workingDirectory`.
    public var overrides: ConfigOverrides
    public var workingDirectory: String
    public var environment: [String: String]
    public var clock: any VigilClock
    public var logger: Logger
    /// Receives the bound HTTP port once the server listens.
    public var onListening: @Sendable (Int) async -> Void
    /// Command-line flags beyond those the daemon knows itself (`log.level`, `log.format`), for
    /// `/api/v1/status/flags`.
    public var flags: [String: String]

    public init(
        configPath: String? = nil, overrides: ConfigOverrides = .init(),
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        clock: any VigilClock = SystemClock(), logger: Logger = Logger(label: "vigil"),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }, flags: [String: String] = [:]
    ) {
        self.flags = flags
        self.configPath = configPath
        var overrides = overrides
        overrides.dataDirectory = overrides.dataDirectory.map { Self.absolute($0, base: workingDirectory) }
        self.overrides = overrides
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.clock = clock
        self.logger = logger
        self.onListening = onListening
    }

    /// The configuration source these options select.
    public var configSource: ConfigSource {
        if let configPath {
            return .file(Self.absolute(configPath, base: workingDirectory))
        }
        let conventional = (workingDirectory as NSString).appendingPathComponent("etc/vigil.yml")
        if FileManager.default.fileExists(atPath: conventional) { return .file(conventional) }
        return .embeddedDefaults(baseDirectory: workingDirectory)
    }

    static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        return URL(fileURLWithPath: joined).standardized.path
    }
}
