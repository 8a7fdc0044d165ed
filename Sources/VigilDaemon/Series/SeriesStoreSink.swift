import Foundation
import Resilience
import Synchronization
import TimeSeries

/// Feeds the resilience engine's samples into the series store that rules and the query API read,
/// as one ingestion source: a series the engine stops producing gets a staleness marker.
struct SeriesStoreSink: ResilienceSampleSink {
    /// The store's name for this source (the `source` label of `vigil_series`).
    static let source = "resilience"

    let store: SeriesStore
    /// The metric names of the last samples, which the self-scrape leaves to this sink.
    let names = MetricNames()

    var wantsViolationCounters: Bool { true }

    func ingest(_ samples: [ResilienceSample], at time: Date) async {
        names.replace(with: Set(samples.map(\.name)))
        store.ingest(source: Self.source, samples: samples.map(\.ingested), at: SeriesTime.milliseconds(time))
    }
}

extension ResilienceSample {
    /// This sample as the series store takes it: the name as `__name__`, the value, no own timestamp.
    var ingested: IngestedSample {
        var pairs = labels.map { Label($0.name, $0.value) }
        pairs.append(Label(Label.metricName, name))
        return IngestedSample(labels: Labels(pairs), value: value)
    }
}

/// A set of metric names shared between the engine's sink and the self-scrape.
final class MetricNames: Sendable {
    private let names = Mutex<Set<String>>([])

    func replace(with names: Set<String>) {
        self.names.withLock { $0 = names }
    }

    var current: Set<String> {
        names.withLock { $0 }
    }
}
