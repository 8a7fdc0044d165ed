/// What Prometheus' status endpoints read from the daemon: the flags it was started with, the
/// configuration in force, and the scrape targets with their health. The Server declares it; the
/// daemon implements it.
public protocol StatusControl: Sendable {
    /// Command-line flags and their values, under Prometheus' names where one exists
    /// (`config.file`, `web.listen-address`, `storage.tsdb.path`, `log.level`, …).
    func flags() async -> [(name: String, value: String)]
    /// The configuration file in force, with secrets replaced by `<secret>`.
    func configYAML() async -> String
    /// Every configured scrape target, as last scraped.
    func targets() async -> [TargetStatus]
}

/// One scrape target as `/api/v1/targets` shows it.
public struct TargetStatus: Sendable, Equatable {
    public enum Health: String, Sendable {
        case up, down, unknown
    }

    public var job: String
    public var url: String
    /// The target's labels (`job`, `instance`, the static config's), sorted by name.
    public var labels: [(name: String, value: String)]
    public var health: Health
    public var lastError: String
    /// When it was last scraped (ms); nil before the first scrape.
    public var lastScrape: Int64?
    public var lastScrapeDuration: Double
    /// `15s`.
    public var interval: String
    public var timeout: String

    public init(
        job: String, url: String, labels: [(name: String, value: String)], health: Health, lastError: String,
        lastScrape: Int64?, lastScrapeDuration: Double, interval: String, timeout: String
    ) {
        self.job = job
        self.url = url
        self.labels = labels
        self.health = health
        self.lastError = lastError
        self.lastScrape = lastScrape
        self.lastScrapeDuration = lastScrapeDuration
        self.interval = interval
        self.timeout = timeout
    }

    public static func == (lhs: TargetStatus, rhs: TargetStatus) -> Bool {
        lhs.job == rhs.job && lhs.url == rhs.url && lhs.labels.map(\.name) == rhs.labels.map(\.name)
            && lhs.labels.map(\.value) == rhs.labels.map(\.value) && lhs.health == rhs.health
            && lhs.lastError == rhs.lastError && lhs.lastScrape == rhs.lastScrape
            && lhs.lastScrapeDuration == rhs.lastScrapeDuration && lhs.interval == rhs.interval
            && lhs.timeout == rhs.timeout
    }
}
