import TimeSeries

/// The `*_over_time` aggregations, `changes`, `resets` and `holt_winters` of one series' window
/// (never empty), in Prometheus' arithmetic.
enum OverTime {
    /// The incremental mean Prometheus uses (each step adds value/n − mean/n, Kahan-compensated,
    /// so large values do not overflow); an infinite mean stays put unless a NaN or an opposite
    /// infinity arrives.
    static func average(_ samples: [Sample]) -> Double {
        var mean = KahanSum()
        var count = 0.0
        for sample in samples {
            count += 1
            let value = sample.value
            if mean.sum.isInfinite {
                if value.isInfinite && (mean.sum > 0) == (value > 0) { continue }
                if !value.isInfinite && !value.isNaN { continue }
            }
            mean.add(value / count - mean.sum / count)
        }
        return mean.sum.isInfinite ? mean.sum : mean.value
    }

    /// The largest value; NaN only when every value is NaN.
    static func maximum(_ samples: [Sample]) -> Double {
        var result = samples.first?.value ?? .nan
        for sample in samples where sample.value > result || result.isNaN {
            result = sample.value
        }
        return result
    }

    /// The smallest value; NaN only when every value is NaN.
    static func minimum(_ samples: [Sample]) -> Double {
        var result = samples.first?.value ?? .nan
        for sample in samples where sample.value < result || result.isNaN {
            result = sample.value
        }
        return result
    }

    /// The Kahan-compensated sum (an infinite running sum is returned without its compensation).
    static func sum(_ samples: [Sample]) -> Double {
        var total = KahanSum()
        for sample in samples { total.add(sample.value) }
        return total.sum.isInfinite ? total.sum : total.value
    }

    /// The population variance by Welford's running mean, both sums Kahan-compensated.
    static func variance(_ samples: [Sample]) -> Double {
        var count = 0.0
        var mean = KahanSum()
        var aux = KahanSum()
        for sample in samples {
            count += 1
            let delta = sample.value - mean.value
            mean.add(delta / count)
            aux.add(delta * (sample.value - mean.value))
        }
        return aux.value / count
    }

    /// How often the value changed (NaN to NaN is no change).
    static func changes(_ samples: [Sample]) -> Double {
        guard var previous = samples.first?.value else { return 0 }
        var changes = 0
        for sample in samples.dropFirst() {
            let current = sample.value
            if current != previous && !(current.isNaN && previous.isNaN) { changes += 1 }
            previous = current
        }
        return Double(changes)
    }

    /// How often the value dropped.
    static func resets(_ samples: [Sample]) -> Double {
        guard var previous = samples.first?.value else { return 0 }
        var resets = 0
        for sample in samples.dropFirst() {
            if sample.value < previous { resets += 1 }
            previous = sample.value
        }
        return Double(resets)
    }

    /// Double exponential smoothing; nil with fewer than two samples.
    static func holtWinters(_ samples: [Sample], smoothing: Double, trend: Double) -> Double? {
        guard samples.count >= 2 else { return nil }
        var previousSmoothed = 0.0
        var smoothed = samples[0].value
        var slope = samples[1].value - samples[0].value
        for index in 1..<samples.count {
            let scaled = smoothing * samples[index].value
            if index > 1 {
                slope = trend * (smoothed - previousSmoothed) + (1 - trend) * slope
            }
            let carried = (1 - smoothing) * (smoothed + slope)
            previousSmoothed = smoothed
            smoothed = scaled + carried
        }
        return smoothed
    }
}
