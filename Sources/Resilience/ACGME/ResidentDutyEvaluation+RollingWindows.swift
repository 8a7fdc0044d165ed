extension ResidentDutyEvaluation {
    struct RollingFigures {
        /// Most duty minutes in a 28-day window ending on a day of the window.
        var worstMinutes = 0
        /// Fewest days off in a 28-day window ending on a day of the window.
        var fewestDaysOff = DutyClock.rollingDays
        /// Most duty minutes in 7 days starting on a day of the window.
        var weeklyMinutes = 0
    }

    /// duty_hours_80 and one_day_in_seven over every 28-day window ending on a day of the window (prefix
    /// sums: linear in days). One violation per rule for the worst window; ties go to the earliest.
    func rollingWindows(into violations: inout [ACGMEViolation]) -> RollingFigures {
        let days = timeline.dayMinutes
        var minutesBefore = [Int](repeating: 0, count: days.count + 1)
        var offBefore = [Int](repeating: 0, count: days.count + 1)
        for (index, minutes) in days.enumerated() {
            minutesBefore[index + 1] = minutesBefore[index] + minutes
            offBefore[index + 1] = offBefore[index] + (minutes == 0 ? 1 : 0)
        }
        let span = DutyClock.rollingDays
        var figures = RollingFigures()
        var worstStart = -1
        var fewestStart = -1
        // The window ending on window day e covers timeline indices e ... e + 27.
        for start in 0..<window.days {
            let minutes = minutesBefore[start + span] - minutesBefore[start]
            if worstStart < 0 || minutes > figures.worstMinutes {
                figures.worstMinutes = minutes
                worstStart = start
            }
            let off = offBefore[start + span] - offBefore[start]
            if fewestStart < 0 || off < figures.fewestDaysOff {
                figures.fewestDaysOff = off
                fewestStart = start
            }
            let weekStart = start + DutyClock.historyDays
            let week = minutesBefore[weekStart + DutyClock.weekDays] - minutesBefore[weekStart]
            figures.weeklyMinutes = max(figures.weeklyMinutes, week)
        }
        if worstStart >= 0 {
            let average = Double(figures.worstMinutes) / 60 / 4
            let first = date(ofIndex: worstStart)
            let last = date(ofIndex: worstStart + span - 1)
            let over = ACGMEText.number(average) + " h/week over " + ACGMEText.range(first, last)
            let limit = ACGMEText.number(limits.maxWeeklyHours)
            if average > limits.maxWeeklyHours {
                violations.append(
                    ACGMEViolation(
                        rule: .dutyHours80, severity: .critical, person: resident, first: first, last: last,
                        measured: average, limit: limits.maxWeeklyHours, residents: [resident],
                        message: "\(resident) averages \(over) (limit \(limit))"))
            } else if average > limits.warningWeeklyHours {
                violations.append(
                    ACGMEViolation(
                        rule: .dutyHours80, severity: .warning, person: resident, first: first, last: last,
                        measured: average, limit: limits.warningWeeklyHours, residents: [resident],
                        message: "\(resident) averages \(over), close to the \(limit) h limit (warning above "
                            + "\(ACGMEText.number(limits.warningWeeklyHours)))"))
            }
        }
        if fewestStart >= 0, figures.fewestDaysOff < limits.minDaysOffPer28Days {
            let first = date(ofIndex: fewestStart)
            let last = date(ofIndex: fewestStart + span - 1)
            violations.append(
                ACGMEViolation(
                    rule: .oneDayInSeven, severity: .high, person: resident, first: first, last: last,
                    measured: Double(figures.fewestDaysOff), limit: Double(limits.minDaysOffPer28Days),
                    residents: [resident],
                    message: "\(resident) has only \(figures.fewestDaysOff) days off in "
                        + "\(ACGMEText.range(first, last)) (needs at least \(limits.minDaysOffPer28Days) "
                        + "in any 28 days: one day in seven)"))
        }
        return figures
    }
}
