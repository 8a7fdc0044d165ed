/// Prometheus' `quantile` (the aggregation and `quantile_over_time`): the φ-quantile of a set of
/// values, interpolating linearly between the two nearest ranks.
enum Quantile {
    /// NaN for no values or a NaN `q`; -Inf for `q` < 0 and +Inf for `q` > 1. NaN values sort
    /// below every number, as in Prometheus.
    static func of(_ q: Double, _ values: [Double]) -> Double {
        if values.isEmpty || q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        var sorted = values
        GoSort.sort(&sorted) { $0.isNaN || $0 < $1 }
        let count = Double(sorted.count)
        let rank = q * (count - 1)
        let lowerIndex = GoMath.max(0, rank.rounded(.down))
        let upperIndex = GoMath.min(count - 1, lowerIndex + 1)
        let weight = rank - rank.rounded(.down)
        return sorted[Int(lowerIndex)] * (1 - weight) + sorted[Int(upperIndex)] * weight
    }
}
