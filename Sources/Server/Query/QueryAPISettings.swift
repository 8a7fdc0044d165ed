import PromQL
import TimeSeries

/// What the Prometheus query endpoints read: the daemon's series store and the engine's limits.
public struct QueryAPISettings: Sendable {
    public var store: SeriesStore
    public var options: QueryOptions
    /// Points per series a range query may return (Prometheus: 11,000).
    public var maxPointsPerSeries: Int
    /// How many queries evaluate at once, off the cooperative pool.
    public var gate: QueryGate

    public init(
        store: SeriesStore, options: QueryOptions = QueryOptions(), maxPointsPerSeries: Int = 11_000,
        gate: QueryGate = QueryGate()
    ) {
        self.store = store
        self.options = options
        self.maxPointsPerSeries = maxPointsPerSeries
        self.gate = gate
    }
}
