import TimeSeries

/// The functions of a range vector, computed for one series' window at one step, with
/// Prometheus 2.42's arithmetic in its order (results agree to the last digit).
///
/// The evaluator selects the window and calls ``evaluate(_:samples:windowStart:windowEnd:evalTime:scalars:)``
/// per series; ``validate(_:scalars:)`` reports the argument errors Prometheus raises while evaluating.
enum RangeFunctions {
    /// The functions this type computes.
    static let names: Set<String> = [
        "rate", "increase", "delta", "irate", "idelta", "changes", "resets", "deriv", "predict_linear",
        "holt_winters", "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
        "last_over_time", "present_over_time", "stddev_over_time", "stdvar_over_time", "quantile_over_time",
    ]

    /// Whether `name` is computed here.
    static func handles(_ name: String) -> Bool { names.contains(name) }

    /// The error Prometheus raises for these scalar arguments, if any: `holt_winters` needs
    /// 0 < sf < 1 and 0 < tf < 1. Prometheus checks this only when it evaluates the function for a
    /// series that has samples in its window, so call it just before such an ``evaluate`` (an empty
    /// selection is no error).
    static func validate(_ name: String, scalars: [Double]) -> QueryError? {
        guard name == "holt_winters", scalars.count >= 2 else { return nil }
        let smoothing = scalars[0]
        let trend = scalars[1]
        if !(smoothing > 0 && smoothing < 1) {
            return .execution(
                "invalid smoothing factor. Expected: 0 < sf < 1, got: \(GoFloatFormat.fixed6(smoothing))")
        }
        if !(trend > 0 && trend < 1) {
            return .execution("invalid trend factor. Expected: 0 < tf < 1, got: \(GoFloatFormat.fixed6(trend))")
        }
        return nil
    }

    /// Functions over a range vector, one series at a time: rate increase delta irate idelta changes
    /// resets deriv predict_linear holt_winters avg_over_time min_over_time max_over_time sum_over_time
    /// count_over_time last_over_time present_over_time stddev_over_time stdvar_over_time quantile_over_time.
    /// - Parameters:
    ///   - samples: the series' samples in the window, staleness markers removed, oldest first.
    ///   - windowStart: Prometheus' rangeStart = ts - range - offset, in ms.
    ///   - windowEnd: Prometheus' rangeEnd = ts - offset, in ms.
    ///   - evalTime: the step time ts (after @), used by predict_linear.
    ///   - scalars: the call's scalar arguments in order (quantile_over_time's q, predict_linear's t,
    ///     holt_winters' sf and tf).
    /// - Returns: nil when the function produces no sample for this series (no samples, rate with
    ///   fewer than 2 samples, holt_winters with invalid factors, an unknown name, …).
    static func evaluate(
        _ name: String, samples: [Sample], windowStart: Int64, windowEnd: Int64, evalTime: Int64, scalars: [Double]
    ) -> Double? {
        guard let last = samples.last else { return nil }
        let window = RateWindow(start: windowStart, end: windowEnd)
        switch name {
        case "rate": return Rates.extrapolated(samples, window: window, isCounter: true, isRate: true)
        case "increase": return Rates.extrapolated(samples, window: window, isCounter: true, isRate: false)
        case "delta": return Rates.extrapolated(samples, window: window, isCounter: false, isRate: false)
        case "irate": return Rates.instant(samples, isRate: true)
        case "idelta": return Rates.instant(samples, isRate: false)
        case "changes": return OverTime.changes(samples)
        case "resets": return OverTime.resets(samples)
        case "deriv":
            guard samples.count >= 2 else { return nil }
            return LinearRegression(samples, interceptTime: samples[0].timestamp).slope
        case "predict_linear":
            guard samples.count >= 2, let duration = scalars.first else { return nil }
            let regression = LinearRegression(samples, interceptTime: evalTime)
            return regression.slope * duration + regression.intercept
        case "holt_winters":
            guard scalars.count >= 2, validate(name, scalars: scalars) == nil else { return nil }
            return OverTime.holtWinters(samples, smoothing: scalars[0], trend: scalars[1])
        case "avg_over_time": return OverTime.average(samples)
        case "min_over_time": return OverTime.minimum(samples)
        case "max_over_time": return OverTime.maximum(samples)
        case "sum_over_time": return OverTime.sum(samples)
        case "count_over_time": return Double(samples.count)
        case "last_over_time": return last.value
        case "present_over_time": return 1
        case "stddev_over_time": return OverTime.variance(samples).squareRoot()
        case "stdvar_over_time": return OverTime.variance(samples)
        case "quantile_over_time":
            guard let q = scalars.first else { return nil }
            return Quantile.of(q, samples.map(\.value))
        default: return nil
        }
    }
}
