import Schedule

/// Applies the per-resident ACGME rules to one resident's ``ResidentTimeline`` over the window, and
/// measures the figures the per-resident gauges publish.
///
/// Day indices are the timeline's: the window's first day is index ``DutyClock/historyDays``; minutes
/// count from midnight of the window's first day.
struct ResidentDutyEvaluation {
    let resident: String
    let timeline: ResidentTimeline
    let window: ScheduleWindow
    let limits: ACGMELimits

    func evaluate() -> (figures: ResidentDutyFigures, violations: [ACGMEViolation]) {
        var violations: [ACGMEViolation] = []
        let rolling = rollingWindows(into: &violations)
        let runs = dutyDayRuns(into: &violations)
        let continuous = dutyPeriods(into: &violations)
        let figures = ResidentDutyFigures(
            resident: resident, weeklyHours: Double(rolling.weeklyMinutes) / 60,
            fourWeekAverageHours: Double(rolling.worstMinutes) / 60 / 4, longestContinuousHours: continuous,
            daysWithoutDayOff: runs, fewestDaysOffIn28Days: rolling.fewestDaysOff)
        return (figures, violations)
    }

    /// The date of a timeline day index.
    func date(ofIndex index: Int) -> Day { window.from.advanced(by: index - DutyClock.historyDays) }

    /// The date a minute falls on.
    func date(ofMinute minute: Int) -> Day { window.from.advanced(by: DutyClock.dayOffset(ofMinute: minute)) }
}
