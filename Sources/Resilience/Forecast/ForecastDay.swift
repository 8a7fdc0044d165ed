import Schedule

/// One day of the forecast: the engine's utilization of that day alone (as for a one-day window),
/// its band, the slots short of faculty and who is on leave.
public struct ForecastDay: Sendable, Hashable {
    public var day: Day
    /// Utilization of this day: required faculty sessions / available ones (see ``Utilization``).
    public var utilization: Utilization
    /// Slots that day with fewer faculty present than they need.
    public var gapSlots: Int
    /// Faculty absent that day, sorted.
    public var onLeave: [String]

    public init(day: Day, utilization: Utilization, gapSlots: Int, onLeave: [String]) {
        self.day = day
        self.utilization = utilization
        self.gapSlots = gapSlots
        self.onLeave = onLeave
    }

    public var level: UtilizationLevel { utilization.level }
}
