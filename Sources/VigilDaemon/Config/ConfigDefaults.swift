import Notify
import VigilCore

/// The values Vigil uses when `etc/vigil.yml` leaves something out, in one place so the
/// documentation, the shipped file and the loader cannot drift apart.
public enum ConfigDefaults {
    public static let evaluationInterval = PromDuration(milliseconds: 15_000)
    public static let scrapeInterval = PromDuration(milliseconds: 15_000)
    /// Capped at the scrape interval when that is shorter, as Prometheus does.
    public static let scrapeTimeout = PromDuration(milliseconds: 10_000)
    public static let resolveTimeout = PromDuration(milliseconds: 5 * 60_000)
    public static let listenAddress = "127.0.0.1:9095"
    public static let scheduleHorizon = PromDuration(milliseconds: 28 * 86_400_000)

    /// Relative to the config file's directory, when a file omits `storage.path`.
    public static let storagePathInConfigDirectory = "../var/vigil.db"
    /// Relative to the config file's directory, when a file omits `schedule.path`.
    public static let schedulePathInConfigDirectory = "demo/program.json"

    /// Relative to the base (working) directory, when there is no config file at all.
    public static let storagePathInBaseDirectory = "var/vigil.db"
    public static let schedulePathInBaseDirectory = "etc/demo/program.json"
    public static let ruleFilesInBaseDirectory = ["rules/alerts/*.yml"]
    public static let escalationFilesInBaseDirectory = ["rules/escalation.yml"]
    /// The receivers the shipped escalation file names (critical alerts, then warnings); with no
    /// gateway their notifications go to the local notifications log.
    public static let receiverNames = ["on_call_admin", "admin_team"]
}

extension VigilConfig {
    /// Embedded defaults when no file is given; relative paths are resolved against `baseDirectory` (the working dir).
    ///
    /// Mirrors the shipped `etc/vigil.yml` (except that the schedule window starts today), so
    /// `vigil run` on a fresh clone behaves the same with or without the file.
    public static func defaults(baseDirectory: String) -> VigilConfig {
        let base = ConfigPaths.normalize(baseDirectory)
        func inBase(_ path: String) -> String { ConfigPaths.absolute(path, relativeTo: base) }
        return VigilConfig(
            sourcePath: nil,
            storage: StorageConfig(path: inBase(ConfigDefaults.storagePathInBaseDirectory)),
            schedule: ScheduleConfig(path: inBase(ConfigDefaults.schedulePathInBaseDirectory)),
            ruleFiles: ConfigDefaults.ruleFilesInBaseDirectory.map(inBase),
            escalationFiles: ConfigDefaults.escalationFilesInBaseDirectory.map(inBase),
            receivers: ConfigDefaults.receiverNames.map { ReceiverConfig(name: $0) })
    }
}
