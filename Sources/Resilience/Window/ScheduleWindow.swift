import Schedule

/// The days the engine looks at: [from, from + days). Everything outside is ignored, exactly as
/// the reference analysis ignores it.
public struct ScheduleWindow: Sendable, Hashable, CustomStringConvertible {
    public var from: Day
    public var days: Int

    public init(from: Day, days: Int) {
        self.from = from
        self.days = max(0, days)
    }

    /// The first day after the window.
    public var end: Day { from.advanced(by: days) }

    public func contains(_ day: Day) -> Bool { from <= day && day < end }

    /// The day's offset from `from` (0-based), or nil outside the window.
    public func offset(of day: Day) -> Int? { contains(day) ? from.distance(to: day) : nil }

    public var description: String { "\(from) + \(days)d" }
}
