import Foundation

/// One entry of a named interval's list: every field optional; an absent field matches everything.
///
/// Alertmanager's `timeinterval.TimeInterval`: an instant is inside when each present field has a
/// range containing it, judged on the wall clock and calendar of ``location`` (or of the caller's
/// default zone). Within one field the ranges are alternatives; across fields they all must hold.
public struct TimeIntervalSpec: Sendable, Equatable {
    /// Minutes of the day `[start, end)`, `"09:00"`-`"17:00"`; the end may be 24:00.
    public var times: [TimeRange]
    /// 0 = sunday ... 6 = saturday; `"monday:friday"`, `"saturday"`.
    public var weekdays: [InclusiveRange]
    /// 1...31, or negative from the end (-1 = last day): `"1:5"`, `"-3:-1"`.
    public var daysOfMonth: [InclusiveRange]
    /// 1...12: `"january:march"`, `"1:3"`.
    public var months: [InclusiveRange]
    /// `"2020:2022"`.
    public var years: [InclusiveRange]
    /// An IANA zone name as Go's `time.LoadLocation` takes it (see ``zone(named:defaultZone:)``);
    /// nil → the caller's default zone.
    public var location: String?

    public init(
        times: [TimeRange] = [], weekdays: [InclusiveRange] = [], daysOfMonth: [InclusiveRange] = [],
        months: [InclusiveRange] = [], years: [InclusiveRange] = [], location: String? = nil
    ) {
        self.times = times
        self.weekdays = weekdays
        self.daysOfMonth = daysOfMonth
        self.months = months
        self.years = years
        self.location = location
    }

    /// Whether `instant` falls in this interval, judged in `location` or else `defaultZone`.
    ///
    /// A negative day of the month counts back from the last day of that month in that zone (-1 is
    /// the 31st in March, the 29th in February 2024); a range whose start lies past the month's end
    /// (`30:31` in February) matches no day of that month. A ``location`` that cannot be loaded
    /// matches nothing.
    public func contains(_ instant: Date, defaultZone: TimeZone) -> Bool {
        guard let zone = Self.zone(named: location, defaultZone: defaultZone) else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let weekday = parts.weekday,
            let hour = parts.hour, let minute = parts.minute
        else { return false }
        let minuteOfDay = hour * 60 + minute
        if !times.isEmpty && !times.contains(where: { $0.contains(minute: minuteOfDay) }) { return false }
        if !daysOfMonth.isEmpty {
            let monthLength = calendar.range(of: .day, in: .month, for: instant)?.count ?? 31
            if !daysOfMonth.contains(where: { Self.dayRange($0, contains: day, monthLength: monthLength) }) {
                return false
            }
        }
        if !months.isEmpty && !months.contains(where: { $0.contains(month) }) { return false }
        // Calendar counts weekdays from 1 = sunday; Alertmanager from 0 = sunday.
        if !weekdays.isEmpty && !weekdays.contains(where: { $0.contains(weekday - 1) }) { return false }
        if !years.isEmpty && !years.contains(where: { $0.contains(year) }) { return false }
        return true
    }

    /// Alertmanager's day-of-month test: negative ends resolved against `monthLength`, a start past
    /// the month's end skipped, both ends clamped to ±`monthLength`.
    private static func dayRange(_ range: InclusiveRange, contains day: Int, monthLength: Int) -> Bool {
        var begin = range.begin < 0 ? monthLength + range.begin + 1 : range.begin
        var end = range.end < 0 ? monthLength + range.end + 1 : range.end
        if begin > monthLength { return false }
        begin = min(max(begin, -monthLength), monthLength)
        end = min(max(end, -monthLength), monthLength)
        return day >= begin && day <= end
    }

    /// The zone a `location` names, read as Go's `time.LoadLocation` reads it: nil and `"Local"`
    /// are `defaultZone` (Alertmanager judges such intervals on the server's local clock), `""` and
    /// `"UTC"` are UTC, anything else must be a zone's exact identifier (`Europe/Berlin`, `EST`;
    /// not `europe/berlin`, and not offsets such as `GMT+1`, which Go does not load either).
    /// Nil when the name cannot be loaded.
    public static func zone(named location: String?, defaultZone: TimeZone) -> TimeZone? {
        switch location {
        case nil, "Local"?: return defaultZone
        case ""?, "UTC"?: return TimeZone(secondsFromGMT: 0)
        case let name?:
            guard let zone = TimeZone(identifier: name), zone.identifier == name else { return nil }
            return zone
        }
    }
}
