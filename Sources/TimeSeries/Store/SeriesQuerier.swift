/// Read access to stored series: the one thing the PromQL evaluator needs from a store.
///
/// A protocol so the evaluator can run over the daemon's live store, over a store loaded from a
/// promql `.test` file, or over the engine's samples of one schedule (`vigil query`) alike.
public protocol SeriesQuerier: Sendable {
    /// The series matching every matcher, each with its samples whose timestamps lie in
    /// `[mint, maxt]` (both ends included, as Prometheus 2.42), oldest first. Series with no sample in
    /// the range are left out. The order of series is unspecified.
    func select(_ matchers: [LabelMatcher], from mint: Int64, through maxt: Int64) -> [SeriesSamples]
}
