import Notify
import Resilience
import VigilCore

/// Everything `etc/vigil.yml` says, validated and with every path made absolute.
///
/// One value type holds the whole configuration so a reload can build a new one, compare it with
/// the running one and swap it in whole, or keep the old one when the new file is invalid.
public struct VigilConfig: Sendable, Equatable {
    /// Absolute path of the file read; nil when running on embedded defaults.
    public var sourcePath: String?
    /// The text of that file as read (shown, secrets redacted, at `/api/v1/status/config`).
    public var sourceText: String? {
        get { text.value }
        set { text.value = newValue }
    }
    private var text = SourceText()

    /// The file's text, apart from the configuration's identity: two files that differ only in
    /// comments or layout are the same configuration (a reload of one is no change).
    struct SourceText: Sendable, Equatable {
        var value: String?
        static func == (lhs: SourceText, rhs: SourceText) -> Bool { true }
    }
    public var global: GlobalConfig
    public var web: WebConfig
    public var storage: StorageConfig
    public var schedule: ScheduleConfig
    /// Glob patterns of Prometheus rule files, absolute.
    public var ruleFiles: [String]
    /// Glob patterns of escalation files (route tree, inhibit rules, policies), absolute.
    public var escalationFiles: [String]
    /// Glob patterns of notification template files (`templates:`, Alertmanager's key), absolute:
    /// their `{{ define }}` blocks are what `{{ template "name" . }}` may run, beside the defaults.
    public var templateFiles: [String] = []
    public var scrapeConfigs: [ScrapeConfig]
    public var receivers: [ReceiverConfig]
    /// The resilience engine's thresholds, defense weights and breakpoints, and whether N-2 runs.
    public var resilience: ResilienceSettings
    /// The query engine's limits for the HTTP API.
    public var query: QueryConfig

    public init(
        sourcePath: String? = nil,
        global: GlobalConfig = GlobalConfig(),
        web: WebConfig = WebConfig(),
        storage: StorageConfig,
        schedule: ScheduleConfig,
        ruleFiles: [String] = [],
        escalationFiles: [String] = [],
        scrapeConfigs: [ScrapeConfig] = [],
        receivers: [ReceiverConfig] = [],
        resilience: ResilienceSettings = .standard,
        query: QueryConfig = QueryConfig()
    ) {
        self.sourcePath = sourcePath
        self.global = global
        self.web = web
        self.storage = storage
        self.schedule = schedule
        self.ruleFiles = ruleFiles
        self.escalationFiles = escalationFiles
        self.scrapeConfigs = scrapeConfigs
        self.receivers = receivers
        self.resilience = resilience
        self.query = query
    }
}
