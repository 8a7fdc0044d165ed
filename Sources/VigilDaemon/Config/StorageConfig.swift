import VigilCore

/// Where durable state (notification outbox, acknowledgements, silences, incidents) lives, and how
/// much series history the in-memory store keeps.
public struct StorageConfig: Sendable, Equatable {
    /// Absolute path of the SQLite database file.
    public var path: String
    /// `series_retention`: history kept in the in-memory series store. nil → automatic: the longest
    /// range or offset any loaded rule reads, plus one hour (at least the 5-minute lookback).
    public var seriesRetention: PromDuration?

    public init(path: String, seriesRetention: PromDuration? = nil) {
        self.path = path
        self.seriesRetention = seriesRetention
    }
}
