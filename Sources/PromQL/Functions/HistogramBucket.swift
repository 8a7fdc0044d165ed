/// One bucket of a classic histogram (`le` bound and cumulative count) and Prometheus 2.42's
/// `bucketQuantile` over a histogram's buckets.
struct HistogramBucket {
    var upperBound: Double
    var count: Double

    /// The q-quantile, interpolating linearly inside the bucket that holds the rank:
    /// - NaN for a NaN `q`, -Inf below 0, +Inf above 1;
    /// - NaN without a +Inf bucket, with fewer than two distinct bounds, or with no observations;
    /// - buckets with the same bound are added up and counts that fall are raised to their maximum so
    ///   far (scrapes are not atomic);
    /// - a rank inside the +Inf bucket gives the highest finite bound, and a rank in a first bucket
    ///   whose bound is at most 0 gives that bound.
    static func quantile(_ q: Double, _ unsortedBuckets: [HistogramBucket]) -> Double {
        if q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        var buckets = unsortedBuckets
        GoSort.sort(&buckets) { $0.upperBound < $1.upperBound }
        guard let last = buckets.last, last.upperBound == .infinity else { return .nan }
        buckets = coalesced(buckets)
        makeMonotonic(&buckets)
        guard buckets.count >= 2 else { return .nan }
        let observations = buckets[buckets.count - 1].count
        if observations == 0 { return .nan }
        var rank = q * observations
        let index = GoSort.search(buckets.count - 1) { buckets[$0].count >= rank }
        if index == buckets.count - 1 { return buckets[buckets.count - 2].upperBound }
        if index == 0 && buckets[0].upperBound <= 0 { return buckets[0].upperBound }
        var bucketStart = 0.0
        let bucketEnd = buckets[index].upperBound
        var count = buckets[index].count
        if index > 0 {
            bucketStart = buckets[index - 1].upperBound
            count -= buckets[index - 1].count
            rank -= buckets[index - 1].count
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count)
    }

    /// Adjacent buckets (after sorting) with equal bounds merged, their counts added.
    private static func coalesced(_ buckets: [HistogramBucket]) -> [HistogramBucket] {
        var result: [HistogramBucket] = []
        var current = buckets[0]
        for bucket in buckets.dropFirst() {
            if bucket.upperBound == current.upperBound {
                current.count += bucket.count
            } else {
                result.append(current)
                current = bucket
            }
        }
        result.append(current)
        return result
    }

    /// Counts raised to the running maximum (NaN counts stay as they are).
    private static func makeMonotonic(_ buckets: inout [HistogramBucket]) {
        var maximum = buckets[0].count
        for index in buckets.indices.dropFirst() {
            if buckets[index].count > maximum {
                maximum = buckets[index].count
            } else if buckets[index].count < maximum {
                buckets[index].count = maximum
            }
        }
    }
}
