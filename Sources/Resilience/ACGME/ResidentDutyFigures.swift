/// One resident's duty figures over a window: what the per-resident gauges
/// (`resident_weekly_hours_gauge`, `resident_4week_avg_hours_gauge`, `resident_continuous_hours_gauge`,
/// `resident_days_since_day_off_gauge`, `resident_4week_days_off_gauge`) publish, so a rule can fire
/// before the schedule actually breaks a limit.
public struct ResidentDutyFigures: Sendable, Hashable {
    public var resident: String
    /// The most hours in any 7 consecutive days starting on a day of the window (7-day spans reaching past
    /// the window's end count only the window's assignments).
    public var weeklyHours: Double
    /// The highest average hours per week over the rolling 28-day windows ending on days of the window.
    public var fourWeekAverageHours: Double
    /// The longest duty period (hours) that overlaps the window.
    public var longestContinuousHours: Double
    /// The longest run of consecutive duty days that overlaps the window (feeds
    /// `resident_days_since_day_off_gauge`: the most days the schedule keeps this resident without a day
    /// off; above ``ACGMELimits/maxConsecutiveDutyDays`` is a consecutive_duty_days violation).
    public var daysWithoutDayOff: Int
    /// The fewest days off in any 28-day window ending on a day of the window.
    public var fewestDaysOffIn28Days: Int

    public init(
        resident: String, weeklyHours: Double, fourWeekAverageHours: Double, longestContinuousHours: Double,
        daysWithoutDayOff: Int, fewestDaysOffIn28Days: Int
    ) {
        self.resident = resident
        self.weeklyHours = weeklyHours
        self.fourWeekAverageHours = fourWeekAverageHours
        self.longestContinuousHours = longestContinuousHours
        self.daysWithoutDayOff = daysWithoutDayOff
        self.fewestDaysOffIn28Days = fewestDaysOffIn28Days
    }
}
