/// The thresholds of the ACGME rules, so a program (or a drill) can tighten them; the defaults are the
/// current ACGME common program requirements as issue 3 states them.
public struct ACGMELimits: Sendable, Hashable {
    /// Most hours per week, averaged over a rolling 28-day window (above it: critical).
    public var maxWeeklyHours: Double
    /// Average weekly hours above which a resident gets an approaching-limit warning.
    public var warningWeeklyHours: Double
    /// Fewest days off in any 28-day window (one day in seven, averaged over four weeks).
    public var minDaysOffPer28Days: Int
    /// Most consecutive duty days.
    public var maxConsecutiveDutyDays: Int
    /// Longest duty period, in hours (24 of call + 4 of transition).
    public var maxContinuousHours: Double
    /// A duty period at least this long counts as in-house call for the rest rule.
    public var callPeriodHours: Double
    /// Hours free required after a duty period of at least ``callPeriodHours``.
    public var minRestAfterCallHours: Double
    /// The shortest break that ends a duty period: duty separated by less is one continuous period.
    public var minRestBetweenPeriodsHours: Double
    /// Supervision units one faculty member covers (a PGY-1 is 2 units, any other resident 1).
    public var supervisionUnitsPerFaculty: Int

    public init(
        maxWeeklyHours: Double = 80, warningWeeklyHours: Double = 76, minDaysOffPer28Days: Int = 4,
        maxConsecutiveDutyDays: Int = 6, maxContinuousHours: Double = 28, callPeriodHours: Double = 24,
        minRestAfterCallHours: Double = 14, minRestBetweenPeriodsHours: Double = 8, supervisionUnitsPerFaculty: Int = 4
    ) {
        self.maxWeeklyHours = maxWeeklyHours
        self.warningWeeklyHours = warningWeeklyHours
        self.minDaysOffPer28Days = minDaysOffPer28Days
        self.maxConsecutiveDutyDays = maxConsecutiveDutyDays
        self.maxContinuousHours = maxContinuousHours
        self.callPeriodHours = callPeriodHours
        self.minRestAfterCallHours = minRestAfterCallHours
        self.minRestBetweenPeriodsHours = minRestBetweenPeriodsHours
        self.supervisionUnitsPerFaculty = max(1, supervisionUnitsPerFaculty)
    }
}
