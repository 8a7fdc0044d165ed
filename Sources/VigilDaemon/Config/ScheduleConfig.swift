import VigilCore

/// Which schedule the resilience engine reads and which window of it it looks at.
public struct ScheduleConfig: Sendable, Equatable {
    /// Absolute path of the schedule JSON file.
    public var path: String
    /// How far ahead of `asOf` the engine looks; a whole number of days.
    public var horizon: PromDuration
    /// The first day of the window.
    public var asOf: ScheduleAsOf

    public init(path: String, horizon: PromDuration = ConfigDefaults.scheduleHorizon, asOf: ScheduleAsOf = .today) {
        self.path = path
        self.horizon = horizon
        self.asOf = asOf
    }
}

/// The first day of the schedule window: today's date (production), or a pinned date so a demo
/// or a test always looks at the same weeks.
public enum ScheduleAsOf: Sendable, Equatable {
    case today
    /// A valid calendar date (checked when loaded).
    case date(year: Int, month: Int, day: Int)
}
