/// The evaluated first argument of an aggregation at one step: `k` of `topk`/`bottomk`, `q` of
/// `quantile` (scalars), the label name of `count_values` (a string), or nothing.
enum AggregationParameter: Sendable {
    case none
    case scalar(Double)
    case string(String)
}
