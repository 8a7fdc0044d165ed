extension Duration {
    /// Whole milliseconds for libcurl's `*_MS` options, rounded up and at least 1: libcurl reads 0 as
    /// "no timeout", which a caller asking for a tiny timeout never means.
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 1 }
        let maxSeconds = Int64(Int.max / 1000 - 1)
        guard seconds < maxSeconds else { return Int.max }
        let perMillisecond: Int64 = 1_000_000_000_000_000
        let fraction = (attoseconds + perMillisecond - 1) / perMillisecond
        return max(1, Int(seconds * 1000 + fraction))
    }
}
