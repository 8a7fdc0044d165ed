import Foundation

/// One element of a configuration's `time_intervals:` (or the older `mute_time_intervals:`): a
/// name that routes refer to in `mute_time_intervals` and `active_time_intervals`, and the
/// intervals it stands for.
public struct NamedTimeInterval: Sendable, Equatable {
    public var name: String
    public var intervals: [TimeIntervalSpec]

    public init(name: String, intervals: [TimeIntervalSpec]) {
        self.name = name
        self.intervals = intervals
    }

    /// Any of the intervals contains the instant (so a name with no intervals contains nothing).
    public func contains(_ instant: Date, defaultZone: TimeZone) -> Bool {
        intervals.contains { $0.contains(instant, defaultZone: defaultZone) }
    }
}
