extension ResidentDutyEvaluation {
    /// continuous_duty_28 for every duty period overlapping the window, and rest_after_call_14 for every
    /// short rest (after a period of at least 24 hours) overlapping the window.
    ///
    /// Returns the longest duty period overlapping the window, in hours.
    func dutyPeriods(into violations: inout [ACGMEViolation]) -> Double {
        let periods = timeline.periods
        let windowEnd = window.days * DutyClock.minutesPerDay
        let origin = window.from
        func overlapsWindow(_ start: Int, _ end: Int) -> Bool { max(start, 0) < min(end, windowEnd) }
        var longest = 0
        for (index, period) in periods.enumerated() {
            let hours = Double(period.minutes) / 60
            if overlapsWindow(period.start, period.end) {
                longest = max(longest, period.minutes)
                if hours > limits.maxContinuousHours {
                    let from = ACGMEText.moment(period.start, from: origin)
                    let to = ACGMEText.moment(period.end, from: origin)
                    let breakHours = ACGMEText.number(limits.minRestBetweenPeriodsHours)
                    violations.append(
                        ACGMEViolation(
                            rule: .continuousDuty28, severity: .critical, person: resident,
                            first: date(ofMinute: period.start), last: date(ofMinute: period.end - 1),
                            measured: hours, limit: limits.maxContinuousHours, residents: [resident],
                            message:
                                "\(resident) is on duty \(ACGMEText.number(hours)) h without a break of \(breakHours) h, "
                                + "\(from) to \(to) (limit \(ACGMEText.number(limits.maxContinuousHours)) h)"))
                }
            }
            guard hours >= limits.callPeriodHours, index + 1 < periods.count else { continue }
            let next = periods[index + 1]
            let rest = Double(next.start - period.end) / 60
            guard rest < limits.minRestAfterCallHours, overlapsWindow(period.end, next.start) else { continue }
            let ended = ACGMEText.moment(period.end, from: origin)
            let resumed = ACGMEText.moment(next.start, from: origin)
            violations.append(
                ACGMEViolation(
                    rule: .restAfterCall14, severity: .high, person: resident, first: date(ofMinute: period.end),
                    last: date(ofMinute: next.start), measured: rest, limit: limits.minRestAfterCallHours,
                    residents: [resident],
                    message: "\(resident) has only \(ACGMEText.number(rest)) h off between a "
                        + "\(ACGMEText.number(hours)) h duty period ending \(ended) and duty at \(resumed) "
                        + "(needs \(ACGMEText.number(limits.minRestAfterCallHours)) h after "
                        + "\(ACGMEText.number(limits.callPeriodHours)) h or more)"))
        }
        return Double(longest) / 60
    }
}
