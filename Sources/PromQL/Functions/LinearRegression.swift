import TimeSeries

/// Least-squares line through a series' samples (`deriv`, `predict_linear`), summed with Kahan
/// compensation in Prometheus' order; x is seconds relative to `interceptTime`.
struct LinearRegression {
    var slope: Double
    var intercept: Double

    /// Samples must not be empty. A constant series has slope 0 (NaN for a constant ±Inf).
    init(_ samples: [Sample], interceptTime: Int64) {
        var count = 0.0
        var sumX = KahanSum()
        var sumY = KahanSum()
        var sumXY = KahanSum()
        var sumX2 = KahanSum()
        let initialY = samples.first?.value ?? 0
        var constantY = true
        for (index, sample) in samples.enumerated() {
            if constantY && index > 0 && sample.value != initialY {
                constantY = false
            }
            count += 1
            let x = Double(sample.timestamp - interceptTime) / 1e3
            sumX.add(x)
            sumY.add(sample.value)
            sumXY.add(x * sample.value)
            sumX2.add(x * x)
        }
        if constantY {
            if initialY.isInfinite {
                slope = .nan
                intercept = .nan
            } else {
                slope = 0
                intercept = initialY
            }
            return
        }
        let x = sumX.value
        let y = sumY.value
        let xy = sumXY.value
        let x2 = sumX2.value
        let covarianceXY = xy - x * y / count
        let varianceX = x2 - x * x / count
        slope = covarianceXY / varianceX
        intercept = y / count - slope * x / count
    }
}
