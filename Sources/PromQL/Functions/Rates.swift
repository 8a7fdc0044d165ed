import TimeSeries

/// The selection window of a range function, in ms, both ends included.
struct RateWindow {
    var start: Int64
    var end: Int64

    /// The range in seconds as Go's `time.Duration.Seconds()` computes it (whole seconds plus the
    /// fraction), which `rate` divides by.
    var seconds: Double {
        let length = end - start
        let whole = length / 1000
        let nanoseconds = (length % 1000) * 1_000_000
        return Double(whole) + Double(nanoseconds) / 1e9
    }
}

/// `rate`, `increase`, `delta` (Prometheus' `extrapolatedRate`) and `irate`, `idelta`.
enum Rates {
    /// The change over the window, corrected for counter resets when `isCounter`, extrapolated
    /// towards the window's edges: all the way when the first/last sample is closer to its edge
    /// than 1.1 × the average sample interval, else by half an interval; and, for counters, never
    /// further back than where the counter would have been zero. Per second of the window's range
    /// when `isRate`. Nil with fewer than two samples.
    static func extrapolated(_ samples: [Sample], window: RateWindow, isCounter: Bool, isRate: Bool) -> Double? {
        guard samples.count >= 2, let first = samples.first, let last = samples.last else { return nil }
        var result = last.value - first.value
        if isCounter {
            var previous = first.value
            for sample in samples.dropFirst() {
                if sample.value < previous { result += previous }
                previous = sample.value
            }
        }
        var durationToStart = Double(first.timestamp - window.start) / 1000
        let durationToEnd = Double(window.end - last.timestamp) / 1000
        let sampledInterval = Double(last.timestamp - first.timestamp) / 1000
        let averageInterval = sampledInterval / Double(samples.count - 1)

        if isCounter && result > 0 && first.value >= 0 {
            let durationToZero = sampledInterval * (first.value / result)
            if durationToZero < durationToStart { durationToStart = durationToZero }
        }

        let threshold = averageInterval * 1.1
        var extrapolateTo = sampledInterval
        extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2
        extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2

        var factor = extrapolateTo / sampledInterval
        if isRate { factor /= window.seconds }
        return result * factor
    }

    /// The difference of the last two samples (for `irate`, a drop counts as a reset and the last
    /// value is the increase), per second when `isRate`. Nil with fewer than two samples or when the
    /// two share a timestamp.
    static func instant(_ samples: [Sample], isRate: Bool) -> Double? {
        guard samples.count >= 2 else { return nil }
        let last = samples[samples.count - 1]
        let previous = samples[samples.count - 2]
        var result: Double
        if isRate && last.value < previous.value {
            result = last.value
        } else {
            result = last.value - previous.value
        }
        let interval = last.timestamp - previous.timestamp
        if interval == 0 { return nil }
        if isRate { result /= Double(interval) / 1000 }
        return result
    }
}
