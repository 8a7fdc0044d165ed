import Foundation
import Resilience
import Schedule
import VigilCore

/// The window the engine looks at: from `schedule.as_of` (a pinned date) or today, for
/// `schedule.horizon` whole days.
///
/// "Today" is the clock's now as a calendar date in the program's `timezone` when it names a zone
/// Foundation knows, else in UTC: a program in Chicago starts its new day at local midnight, not
/// at 00:00 UTC.
enum EngineWindow {
    static func window(for schedule: ScheduleConfig, timezone: String?, now: Date) -> ScheduleWindow {
        let days = Int(schedule.horizon.milliseconds / 86_400_000)
        switch schedule.asOf {
        case .date(let year, let month, let day):
            return ScheduleWindow(from: Day(year: year, month: month, day: day) ?? today(now, timezone), days: days)
        case .today:
            return ScheduleWindow(from: today(now, timezone), days: days)
        }
    }

    /// `now` as a calendar day in `timezone` (UTC when nil or unknown).
    static func today(_ now: Date, _ timezone: String?) -> Day {
        let zone = timezone.flatMap { TimeZone(identifier: $0) } ?? TimeZone(secondsFromGMT: 0)
        let offset = Double(zone?.secondsFromGMT(for: now) ?? 0)
        return Day(ordinal: Int(((now.timeIntervalSince1970 + offset) / 86_400).rounded(.down)))
    }
}
