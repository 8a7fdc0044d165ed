import Foundation
import Prometheus
import Resilience
import Synchronization

/// Puts the engine's samples on `/metrics` through the daemon's registry, and takes away the
/// series a new evaluation no longer has, so `/metrics` never shows a stale one (a resident who
/// left, a faculty member who stopped being a single point of failure).
///
/// Gauges are set to the sample's value. A counter sample is the engine's running total: the
/// registry's counter is advanced by the difference, and reset when the total goes down.
final class ResilienceMetricsExporter: ResilienceSampleSink {
    private struct SeriesKey: Hashable {
        var name: String
        var labels: [String]

        init(_ sample: ResilienceSample) {
            name = sample.name
            labels = sample.labels.flatMap { [$0.name, $0.value] }
        }
    }

    private enum Exported {
        case gauge(Gauge)
        case counter(Counter, total: Double)
    }

    private let registry: PrometheusCollectorRegistry
    private let exported = Mutex<[SeriesKey: Exported]>([:])

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    func ingest(_ samples: [ResilienceSample], at time: Date) async {
        // The event counters whose labels are known exist at zero from the engine's first figures.
        if !samples.isEmpty { ResilienceCounters(registry: registry).makeKnown() }
        exported.withLock { exported in
            var next: [SeriesKey: Exported] = [:]
            next.reserveCapacity(samples.count)
            for sample in samples {
                let key = SeriesKey(sample)
                next[key] = export(sample, previous: exported.removeValue(forKey: key) ?? next.removeValue(forKey: key))
            }
            for stale in exported.values { unregister(stale) }
            exported = next
        }
    }

    private func export(_ sample: ResilienceSample, previous: Exported?) -> Exported {
        let descriptor = MetricNameDescriptor(metricName: sample.name, unitName: "", helpText: sample.help)
        let labels = sample.labels.map { ($0.name, $0.value) }
        switch (sample.kind, previous) {
        case (.gauge, .gauge(let gauge)?):
            gauge.set(to: sample.value)
            return .gauge(gauge)
        case (.counter, .counter(let counter, let total)?):
            if sample.value >= total {
                counter.increment(by: sample.value - total)
            } else {
                counter.reset()
                counter.increment(by: max(0, sample.value))
            }
            return .counter(counter, total: sample.value)
        case (.gauge, _):
            previous.map(unregister)
            let gauge = registry.makeGauge(descriptor: descriptor, labels: labels)
            gauge.set(to: sample.value)
            return .gauge(gauge)
        case (.counter, _):
            previous.map(unregister)
            let counter = registry.makeCounter(descriptor: descriptor, labels: labels)
            counter.reset()
            counter.increment(by: max(0, sample.value))
            return .counter(counter, total: sample.value)
        }
    }

    private func unregister(_ series: Exported) {
        switch series {
        case .gauge(let gauge): registry.unregisterGauge(gauge)
        case .counter(let counter, _): registry.unregisterCounter(counter)
        }
    }
}
