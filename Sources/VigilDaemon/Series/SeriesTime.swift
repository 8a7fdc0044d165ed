import Foundation

/// Conversions between the daemon's `Date`s and the series store's millisecond timestamps.
enum SeriesTime {
    /// Milliseconds since the Unix epoch, rounded down like Prometheus' `timestamp.FromTime`.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
