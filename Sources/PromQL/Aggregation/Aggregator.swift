import TimeSeries

/// PromQL's aggregation operators at one step, as Prometheus 2.42's `aggregation()` computes them:
/// groups in the order their first element appears, and each operator's float arithmetic in
/// Prometheus' order (plain sums, the incremental mean, Welford's variance without compensation).
enum Aggregator {
    /// One aggregation at one step. Output labels: the grouping labels (`by`) or all but them and
    /// `__name__` (`without`); `topk`/`bottomk` keep each element's full labels, sorted within a group
    /// as Prometheus returns them; `count_values` adds its label. Timestamps are `timestamp`.
    /// - Throws: `k` that does not fit an int64 (`topk`, `bottomk`), or an invalid `count_values`
    ///   label name, with Prometheus' messages.
    static func evaluate(
        _ op: AggregateOperator, parameter: AggregationParameter, grouping: [String], without: Bool,
        vector: [VectorSample], at timestamp: Int64
    ) throws(QueryError) -> [VectorSample] {
        switch op {
        case .topk, .bottomk:
            let k = try selectionSize(parameter)
            if k < 1 { return [] }
            let grouper = Grouper(grouping: grouping, without: without)
            return TopK.select(op == .topk, k: k, groups: grouper.groups(of: vector), at: timestamp)
        case .countValues:
            guard case .string(let label) = parameter, LabelName.isValid(label) else {
                let label = if case .string(let label) = parameter { label } else { "" }
                throw .execution("invalid label name \(quoted(label))")
            }
            let labelled = vector.map { sample in
                var copy = sample
                copy.labels = sample.labels.setting(label, to: GoFloatFormat.shortestFixed(sample.value))
                return copy
            }
            let grouper = Grouper(grouping: without ? grouping : grouping + [label], without: without)
            return grouper.groups(of: labelled).map {
                VectorSample(labels: $0.labels, timestamp: timestamp, value: Double($0.members.count))
            }
        default:
            let q = if case .scalar(let value) = parameter { value } else { Double.nan }
            let grouper = Grouper(grouping: grouping, without: without)
            return grouper.groups(of: vector).map { group in
                let values = group.members.map(\.value)
                return VectorSample(labels: group.labels, timestamp: timestamp, value: reduce(op, values, q: q))
            }
        }
    }

    /// `k` as Prometheus converts it: values outside int64 are an error, then truncation toward zero
    /// (2^63 itself passes the check and becomes the smallest int64, as on amd64).
    private static func selectionSize(_ parameter: AggregationParameter) throws(QueryError) -> Int64 {
        let value = if case .scalar(let value) = parameter { value } else { Double.nan }
        guard value <= 9_223_372_036_854_775_807.0 && value >= -9_223_372_036_854_775_808.0 else {
            throw .execution("Scalar value \(GoFloatFormat.shortestGeneral(value)) overflows int64")
        }
        return GoMath.int64(value)
    }

    /// The value of one group (never empty) for the operators that produce one sample per group.
    private static func reduce(_ op: AggregateOperator, _ values: [Double], q: Double) -> Double {
        let first = values[0]
        let rest = values.dropFirst()
        switch op {
        case .sum:
            return rest.reduce(first, +)
        case .avg:
            var mean = first
            var count = 1.0
            for value in rest {
                count += 1
                if mean.isInfinite {
                    if value.isInfinite && (mean > 0) == (value > 0) { continue }
                    if !value.isInfinite && !value.isNaN { continue }
                }
                mean += value / count - mean / count
            }
            return mean
        case .max:
            var result = first
            for value in rest where result < value || result.isNaN { result = value }
            return result
        case .min:
            var result = first
            for value in rest where result > value || result.isNaN { result = value }
            return result
        case .count:
            return Double(values.count)
        case .group:
            return 1
        case .stddev, .stdvar:
            var mean = first
            var squares = 0.0
            var count = 1.0
            for value in rest {
                count += 1
                let delta = value - mean
                mean += delta / count
                squares += delta * (value - mean)
            }
            return op == .stdvar ? squares / count : (squares / count).squareRoot()
        case .quantile:
            return Quantile.of(q, values)
        case .topk, .bottomk, .countValues:
            return .nan
        }
    }

    /// Go's `%q` of a label name, for the `count_values` error.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
