import Foundation
import VigilCore

/// Conversions between the daemon's `Date`s and the series store's millisecond timestamps.
enum SeriesTime {
    /// Milliseconds since the Unix epoch, rounded down like Prometheus' `timestamp.FromTime`.
    static func milliseconds(_ date: Date) -> Int64 {
        date.unixMilliseconds
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(unixMilliseconds: milliseconds)
    }
}
