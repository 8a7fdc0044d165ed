import PromQL
import VigilCore

/// The query engine's limits, Prometheus' `--query.*` flags as a `query:` section: how many
/// queries evaluate at once (more wait), how long one may run, how many samples it may hold, how
/// far back an instant selector looks. They take effect at start, as Prometheus' flags do.
public struct QueryConfig: Sendable, Equatable {
    public var maxConcurrency: Int
    public var timeout: PromDuration
    public var maxSamples: Int
    public var lookbackDelta: PromDuration

    public init(
        maxConcurrency: Int = 20, timeout: PromDuration = PromDuration(milliseconds: 120_000),
        maxSamples: Int = 50_000_000, lookbackDelta: PromDuration = PromDuration(milliseconds: 300_000)
    ) {
        self.maxConcurrency = maxConcurrency
        self.timeout = timeout
        self.maxSamples = maxSamples
        self.lookbackDelta = lookbackDelta
    }

    /// The engine options of an API query (`evaluationInterval`: the default subquery step).
    public func options(evaluationInterval: PromDuration) -> QueryOptions {
        QueryOptions(
            lookbackDelta: lookbackDelta.milliseconds, defaultSubqueryStep: evaluationInterval.milliseconds,
            maxSamples: maxSamples, timeout: .milliseconds(timeout.milliseconds))
    }
}
