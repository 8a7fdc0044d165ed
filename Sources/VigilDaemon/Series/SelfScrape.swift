import Prometheus
import Synchronization
import TimeSeries

/// Vigil's own `/metrics` ingested into its series store on every evaluation tick, as if Prometheus
/// scraped it with `job="vigil"`: rules and dashboards then see the daemon's figures (outbox backlog,
/// dead letters, rule failures, the resilience health check's timestamp and durations).
///
/// Series the resilience engine already feeds to the store itself are left out, so no figure is
/// counted twice.
final class SelfScrape: Sendable {
    /// The store's name for this source.
    static let source = "self"

    let registry: PrometheusCollectorRegistry
    let store: SeriesStore
    let targetLabels: Labels
    let excluded: @Sendable () -> Set<String>
    private let parser = Mutex(ExpositionParser())

    init(
        registry: PrometheusCollectorRegistry, store: SeriesStore, instance: String,
        excluded: @escaping @Sendable () -> Set<String>
    ) {
        self.registry = registry
        self.store = store
        targetLabels = Labels(["job": "vigil", "instance": instance])
        self.excluded = excluded
    }

    /// Reads the registry and ingests it at `time` (ms).
    func run(at time: Int64) {
        let page = registry.emitToBuffer()
        let skip = excluded()
        let parsed: [IngestedSample]
        do {
            parsed = try parser.withLock { try $0.parse(page, defaultTimestamp: time) }
        } catch {
            return
        }
        var samples: [IngestedSample] = []
        samples.reserveCapacity(parsed.count)
        for sample in parsed {
            guard let name = sample.labels.metricName, !skip.contains(name) else { continue }
            var labels = sample.labels
            for pair in targetLabels.pairs where labels[pair.name] == nil {
                labels = labels.setting(pair.name, to: pair.value)
            }
            samples.append(IngestedSample(labels: labels, value: sample.value, timestamp: time))
        }
        _ = store.ingest(source: Self.source, samples: samples, at: time)
    }
}
