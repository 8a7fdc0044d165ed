import VigilCore

/// One Prometheus-style scrape job: more metrics (from other services) for rules to alert on.
/// Same keys as Prometheus' `scrape_configs` entries, restricted to static targets.
public struct ScrapeConfig: Sendable, Equatable {
    public var jobName: String
    /// nil → `global.scrape_interval`.
    public var scrapeInterval: PromDuration?
    /// nil → `global.scrape_timeout`, capped at this job's interval (as Prometheus does).
    public var scrapeTimeout: PromDuration?
    public var metricsPath: String
    /// `params`: URL query parameters added to every scrape (`?shard=0`), as Prometheus sends them.
    public var params: [String: [String]] = [:]
    /// `http` or `https`.
    public var scheme: String
    /// Keep the target's labels when they clash with the ones Vigil attaches.
    public var honorLabels: Bool
    public var staticConfigs: [StaticConfig]

    public init(
        jobName: String,
        scrapeInterval: PromDuration? = nil,
        scrapeTimeout: PromDuration? = nil,
        metricsPath: String = "/metrics",
        scheme: String = "http",
        honorLabels: Bool = false,
        staticConfigs: [StaticConfig] = []
    ) {
        self.jobName = jobName
        self.scrapeInterval = scrapeInterval
        self.scrapeTimeout = scrapeTimeout
        self.metricsPath = metricsPath
        self.scheme = scheme
        self.honorLabels = honorLabels
        self.staticConfigs = staticConfigs
    }

    /// The path and query string a scrape requests: `metrics_path` plus `params`, keys sorted and values
    /// percent-encoded as Go's `url.Values.Encode` does.
    public var requestPath: String {
        guard !params.isEmpty else { return metricsPath }
        let query = params.keys.sorted().flatMap { key in
            (params[key] ?? []).map { Self.queryEscape(key) + "=" + Self.queryEscape($0) }
        }
        guard !query.isEmpty else { return metricsPath }
        return metricsPath + (metricsPath.contains("?") ? "&" : "?") + query.joined(separator: "&")
    }

    private static func queryEscape(_ text: String) -> String {
        URLQueryEscape.escape(text)
    }

    /// The interval this job actually uses.
    public func effectiveScrapeInterval(global: GlobalConfig) -> PromDuration {
        scrapeInterval ?? global.scrapeInterval
    }

    /// The timeout this job actually uses: its own, else the global one capped at its interval.
    public func effectiveScrapeTimeout(global: GlobalConfig) -> PromDuration {
        scrapeTimeout ?? min(global.scrapeTimeout, effectiveScrapeInterval(global: global))
    }
}

/// A fixed list of targets sharing some labels (Prometheus' `static_configs`).
public struct StaticConfig: Sendable, Equatable {
    /// `host:port` of each target.
    public var targets: [String]
    /// Labels attached to every sample scraped from these targets.
    public var labels: [String: String]

    public init(targets: [String] = [], labels: [String: String] = [:]) {
        self.targets = targets
        self.labels = labels
    }
}
