import TimeSeries
import VigilCore

/// One endpoint to scrape, resolved from a `scrape_configs` job: its URL, the labels every one of
/// its samples gets (`job`, `instance`, the static config's), and its pace.
struct ScrapeTarget: Sendable, Hashable {
    let job: String
    /// `host:port`.
    let address: String
    let url: String
    let labels: Labels
    /// ms.
    let interval: Int64
    /// ms.
    let timeout: Int64
    let honorLabels: Bool

    /// The series store's source name: each target owns its series, for staleness.
    var source: String { "scrape/\(job)/\(labels["instance"] ?? address)" }

    /// Every target of every job, in configuration order.
    static func targets(from configs: [ScrapeConfig], global: GlobalConfig) -> [ScrapeTarget] {
        var targets: [ScrapeTarget] = []
        for config in configs {
            let interval = config.effectiveScrapeInterval(global: global).milliseconds
            let timeout = config.effectiveScrapeTimeout(global: global).milliseconds
            for group in config.staticConfigs {
                for address in group.targets {
                    var pairs = [Label("job", config.jobName), Label("instance", address)]
                    pairs += group.labels.map { Label($0.key, $0.value) }
                    targets.append(
                        ScrapeTarget(
                            job: config.jobName, address: address,
                            url: "\(config.scheme)://\(address)\(config.requestPath)", labels: Labels(pairs),
                            interval: interval, timeout: timeout, honorLabels: config.honorLabels))
                }
            }
        }
        return targets
    }

    /// `sample`'s labels with the target's attached. On a clash the target wins and the scraped
    /// value moves to `exported_<name>`, unless `honor_labels` keeps the scraped one (Prometheus' rule).
    func attach(to scraped: Labels) -> Labels {
        var result = scraped
        for pair in labels.pairs {
            guard let existing = scraped[pair.name] else {
                result = result.setting(pair.name, to: pair.value)
                continue
            }
            if honorLabels { continue }
            var exported = "exported_" + pair.name
            while result[exported] != nil { exported = "exported_" + exported }
            result = result.setting(exported, to: existing).setting(pair.name, to: pair.value)
        }
        return result
    }
}
