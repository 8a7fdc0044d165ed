/// The limits and defaults of one query evaluation, as Prometheus' engine flags set them
/// (`--query.lookback-delta`, `--query.max-samples`, `--query.timeout`, the global evaluation
/// interval for subqueries without a step), so the daemon, `vigil query` and the tests can each
/// choose theirs.
public struct QueryOptions: Sendable {
    /// How far back an instant selector looks for a sample, in ms.
    public var lookbackDelta: Int64 = 300_000
    /// The step of a subquery written without one (`x[1h:]`), in ms.
    public var defaultSubqueryStep: Int64 = 60_000
    /// The most samples a query may hold in memory at once.
    public var maxSamples: Int = 50_000_000
    /// How long a query may run.
    public var timeout: Duration = .seconds(120)

    public init(
        lookbackDelta: Int64 = 300_000, defaultSubqueryStep: Int64 = 60_000, maxSamples: Int = 50_000_000,
        timeout: Duration = .seconds(120)
    ) {
        self.lookbackDelta = lookbackDelta
        self.defaultSubqueryStep = defaultSubqueryStep
        self.maxSamples = maxSamples
        self.timeout = timeout
    }
}
