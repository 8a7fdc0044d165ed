/// A sample with the series it belongs to: the unit of ingestion from every source (the resilience
/// engine, scrapes, recording rules).
public struct IngestedSample: Sendable, Hashable {
    public var labels: Labels
    public var value: Double
    /// nil: the batch's own timestamp (an exposition line without one, an engine sample).
    public var timestamp: Int64?

    public init(labels: Labels, value: Double, timestamp: Int64? = nil) {
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }
}

/// What one ingestion did, for a source's own metrics (`scrape_samples_scraped`, `vigil_series`).
public struct IngestOutcome: Sendable, Equatable {
    /// Samples appended.
    public var appended: Int
    /// Samples dropped because they were not newer than the series' last sample.
    public var outOfOrder: Int
    /// Series of this source that vanished and got a staleness marker.
    public var markedStale: Int

    public init(appended: Int = 0, outOfOrder: Int = 0, markedStale: Int = 0) {
        self.appended = appended
        self.outOfOrder = outOfOrder
        self.markedStale = markedStale
    }
}
