/// How much history the series store keeps.
///
/// `storage.series_retention` when set; otherwise the longest range or offset the loaded rules
/// read, plus one hour, so every rule sees its whole window and a restart-free hour of history
/// stays queryable. Never below the instant selectors' 5-minute lookback.
enum SeriesRetention {
    static let lookback: Int64 = 300_000
    static let margin: Int64 = 3_600_000

    /// - Parameter longestRuleWindow: the longest `[range]` + offset over loaded rules, in ms (0 without rules).
    static func milliseconds(configured: Int64?, longestRuleWindow: Int64) -> Int64 {
        if let configured { return max(configured, lookback) }
        return max(longestRuleWindow, lookback) + margin
    }
}
