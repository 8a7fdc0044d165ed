import Synchronization

/// The daemon's in-memory series store: every series the rules can query, with bounded retention.
///
/// Sources (the resilience engine, each scrape target, each recording rule) hand over their whole
/// current set of samples with ``ingest(source:samples:at:)``; a series a source stops reporting gets
/// Prometheus' staleness marker, so instant selectors forget it at once rather than after the 5-minute
/// lookback. Shared by the ingesting services and the query paths, so its state sits behind a mutex;
/// every call is short.
public final class SeriesStore: SeriesQuerier {
    private let state: Mutex<SeriesStoreState>

    /// - Parameter retention: how much history to keep, in milliseconds, behind the newest sample.
    public init(retention: Int64 = 3_600_000 * 3) {
        state = Mutex(SeriesStoreState(retention: retention))
    }

    /// How much history is kept, in milliseconds; changed when rules that need more are loaded.
    public var retention: Int64 {
        get { state.withLock { $0.retention } }
        set { state.withLock { $0.retention = newValue } }
    }

    /// Appends one sample; false when it is not newer than the series' last one (dropped, as Prometheus
    /// drops out-of-order samples).
    @discardableResult
    public func append(_ labels: Labels, _ sample: Sample) -> Bool {
        state.withLock { $0.append(labels, sample) }
    }

    /// Replaces `source`'s current set of series with `samples` at `timestamp` (ms): appends them, and
    /// writes a staleness marker at `timestamp` for each series the source reported last time but not now.
    @discardableResult
    public func ingest(source: String, samples: [IngestedSample], at timestamp: Int64) -> IngestOutcome {
        state.withLock { $0.ingest(source: source, samples: samples, at: timestamp) }
    }

    /// Marks every series of `source` stale at `timestamp` and forgets the source (a target removed,
    /// a rule deleted).
    @discardableResult
    public func retire(source: String, at timestamp: Int64) -> Int {
        state.withLock { $0.ingest(source: source, samples: [], at: timestamp).markedStale }
    }

    /// Drops samples older than `now - retention` and series left without samples (and not reported by a
    /// source at its last ingestion). Samples go a chunk at a time (up to 120 samples), so one may outlive
    /// the cutoff by a chunk's span, as in Prometheus; queries never look that far back anyway.
    public func compact(now: Int64) {
        state.withLock { $0.compact(now: now) }
    }

    /// Finds the series under the lock, decodes their samples after releasing it (the chunks are shared
    /// copies, so ingestion is held up only for the lookup).
    public func select(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) -> [SeriesSamples] {
        let snapshots = state.withLock { $0.snapshot(matchers, from: mint, through: maxt) }
        return SeriesSnapshot.decode(snapshots, from: mint, through: maxt)
    }

    /// Label sets of the series matching any of the matcher sets (all series when empty) with samples in range,
    /// sorted.
    public func series(matching sets: [[LabelMatcher]], from mint: Int64, through maxt: Int64) -> [Labels] {
        state.withLock { $0.series(matching: sets, from: mint, through: maxt) }.sorted()
    }

    /// Number of series held, per source (series appended without a source count under "").
    public var seriesCountBySource: [String: Int] {
        state.withLock { $0.seriesCountBySource() }
    }

    /// Number of series and samples held.
    public var counts: (series: Int, samples: Int) {
        state.withLock { $0.counts() }
    }
}
