import Resilience
import VigilCore

/// What reading one config file needs besides the YAML itself: the directory relative paths in
/// the file are resolved against. The per-section readers are extensions of this type.
struct ConfigReadContext {
    /// Absolute directory of the config file.
    let configDirectory: String

    /// `path` as written in the file, made absolute.
    func resolve(_ path: String) -> String {
        ConfigPaths.absolute(path, relativeTo: configDirectory)
    }

    /// The whole file (the root mapping).
    func readConfig(_ root: YAMLMappingReader, sourcePath: String) -> VigilConfig {
        let global = root.mapping("global", readGlobal) ?? GlobalConfig()
        let storagePath = resolve(ConfigDefaults.storagePathInConfigDirectory)
        let schedulePath = resolve(ConfigDefaults.schedulePathInConfigDirectory)
        var config = VigilConfig(
            sourcePath: sourcePath,
            global: global,
            web: root.mapping("web", readWeb) ?? WebConfig(),
            storage: root.mapping("storage", readStorage) ?? StorageConfig(path: storagePath),
            schedule: root.mapping("schedule", readSchedule) ?? ScheduleConfig(path: schedulePath),
            ruleFiles: readFilePatterns(root, "rule_files"),
            escalationFiles: readFilePatterns(root, "escalation_files"),
            scrapeConfigs: readScrapeConfigs(root, global: global),
            receivers: readReceivers(root, global: global),
            resilience: root.mapping("resilience", readResilience) ?? .standard,
            query: root.mapping("query", readQuery) ?? QueryConfig())
        config.templateFiles = readFilePatterns(root, "templates")
        return config
    }

    /// `rule_files` / `escalation_files` / `templates`: glob patterns, resolved against the config directory.
    func readFilePatterns(_ root: YAMLMappingReader, _ key: String) -> [String] {
        (root.stringList(key, check: ConfigChecks.globPattern) ?? []).map(resolve)
    }
}
