import Foundation

extension Date {
    /// Milliseconds since the Unix epoch, rounded down like Prometheus' `timestamp.FromTime`: the
    /// unit every engine takes "now" in.
    public var unixMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The instant `milliseconds` after the Unix epoch.
    public init(unixMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
