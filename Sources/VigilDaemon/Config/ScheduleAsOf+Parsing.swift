import Schedule

extension ScheduleAsOf: CustomStringConvertible {
    /// Reads `today` or a calendar date written `YYYY-MM-DD`; nil otherwise (including dates
    /// such as 2026-02-30 that do not exist).
    public init?(parsing text: String) {
        if text == "today" {
            self = .today
            return
        }
        guard let day = Day(iso: text) else { return nil }
        let (year, month, dayOfMonth) = day.components
        self = .date(year: year, month: month, day: dayOfMonth)
    }

    /// `today` or `YYYY-MM-DD`, as written in the config file.
    public var description: String {
        switch self {
        case .today:
            return "today"
        case .date(let year, let month, let day):
            return Day(year: year, month: month, day: day)?.description ?? "\(year)-\(month)-\(day)"
        }
    }
}
