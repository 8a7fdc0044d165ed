/// One resident's duty in time: the merged duty intervals, the duty periods they form, and the duty
/// minutes of each calendar day, from 27 days before the window to a week past its end.
///
/// The model (simple on purpose, so a coordinator can check it by hand):
/// - an AM session starts at 07:00 and lasts its rotation's `hoursPerSession`;
/// - a PM session starts at 13:00, or when that day's AM session ends if later, and lasts its hours;
/// - `call: true` adds in-house call from the end of that session to 07:00 the next morning (duty hours);
/// - overlapping or touching intervals are one stretch of duty (hours are never counted twice);
/// - a duty period is a chain of stretches separated by less than the minimum rest (8 hours);
/// - hours count on the calendar day they fall on (call hours after midnight count on the next day).
struct ResidentTimeline {
    /// Disjoint, sorted, separated by a positive gap.
    let intervals: [DutyInterval]
    let periods: [DutyInterval]
    /// Duty minutes per day; index 0 is the window's first day − 27, the window's first day is index 27.
    let dayMinutes: [Int]

    /// Days in ``dayMinutes``: history, the window, and a week after it (7-day spans starting on the
    /// window's last day, and call hours spilling past its end).
    static func dayCount(windowDays: Int) -> Int { DutyClock.historyDays + windowDays + DutyClock.weekDays }

    init(input: DutyInput, row: Int, windowDays: Int, minRestMinutes: Int) {
        let historyDays = DutyClock.historyDays
        let perDay = DutyClock.minutesPerDay
        var raw: [DutyInterval] = []
        var sorted = true
        func add(_ start: Int, _ end: Int) {
            guard end > start else { return }
            if let last = raw.last, start < last.start { sorted = false }
            raw.append(DutyInterval(start: start, end: end))
        }
        let rowBase = row * input.halfDays
        for day in 0..<(historyDays + windowDays) {
            let midnight = (day - historyDays) * perDay
            var amEnd = Int.min
            let am = rowBase + day * 2
            if input.sessionMinutes[am] >= 0 {
                let start = midnight + DutyClock.amStart
                amEnd = start + input.sessionMinutes[am]
                add(start, amEnd)
                if input.call[am] { add(amEnd, max(amEnd, midnight + DutyClock.callEnd)) }
            }
            let pm = am + 1
            if input.sessionMinutes[pm] >= 0 {
                let start = max(midnight + DutyClock.pmStart, amEnd)
                let end = start + input.sessionMinutes[pm]
                add(start, end)
                if input.call[pm] { add(end, max(end, midnight + DutyClock.callEnd)) }
            }
        }
        // Sessions of at most a day keep the starts in order; sort should that ever change.
        if !sorted { raw.sort { $0.start < $1.start } }

        var merged: [DutyInterval] = []
        merged.reserveCapacity(raw.count)
        for interval in raw {
            if let last = merged.last, interval.start <= last.end {
                merged[merged.count - 1].end = max(last.end, interval.end)
            } else {
                merged.append(interval)
            }
        }
        intervals = merged

        var periods: [DutyInterval] = []
        for interval in merged {
            if let last = periods.last, interval.start - last.end < minRestMinutes {
                periods[periods.count - 1].end = interval.end
            } else {
                periods.append(interval)
            }
        }
        self.periods = periods

        let dayCount = ResidentTimeline.dayCount(windowDays: windowDays)
        var dayMinutes = [Int](repeating: 0, count: dayCount)
        for interval in merged {
            var day = DutyClock.dayOffset(ofMinute: interval.start)
            while day * perDay < interval.end {
                let index = day + historyDays
                if index >= dayCount { break }
                if index >= 0 {
                    let overlap = min(interval.end, (day + 1) * perDay) - max(interval.start, day * perDay)
                    dayMinutes[index] += overlap
                }
                day += 1
            }
        }
        self.dayMinutes = dayMinutes
    }
}
