extension ResidentDutyEvaluation {
    /// consecutive_duty_days: every run of duty days (days with any duty minute, so a post-call morning
    /// is a duty day) that overlaps the window and is longer than the limit. Runs reaching back to the
    /// first history day (27 days before the window) are measured from there.
    ///
    /// Returns the longest such run overlapping the window (the days-without-a-day-off figure).
    func dutyDayRuns(into violations: inout [ACGMEViolation]) -> Int {
        let days = timeline.dayMinutes
        let windowFirst = DutyClock.historyDays
        let windowLast = windowFirst + window.days - 1
        var longest = 0
        var runStart = -1
        for index in 0...days.count {
            let onDuty = index < days.count && days[index] > 0
            if onDuty {
                if runStart < 0 { runStart = index }
                continue
            }
            guard runStart >= 0 else { continue }
            let runLast = index - 1
            let length = index - runStart
            if max(runStart, windowFirst) <= min(runLast, windowLast) {
                longest = max(longest, length)
                if length > limits.maxConsecutiveDutyDays {
                    let first = date(ofIndex: runStart)
                    let last = date(ofIndex: runLast)
                    violations.append(
                        ACGMEViolation(
                            rule: .consecutiveDutyDays, severity: .high, person: resident, first: first, last: last,
                            measured: Double(length), limit: Double(limits.maxConsecutiveDutyDays),
                            residents: [resident],
                            message: "\(resident) is on duty \(length) days in a row, "
                                + "\(ACGMEText.range(first, last)), without a day off "
                                + "(limit \(limits.maxConsecutiveDutyDays))"))
                }
            }
            runStart = -1
        }
        return longest
    }
}
