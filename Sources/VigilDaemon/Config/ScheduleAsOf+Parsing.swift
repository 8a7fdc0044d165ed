extension ScheduleAsOf: CustomStringConvertible {
    /// Reads `today` or a calendar date written `YYYY-MM-DD`; nil otherwise (including dates
    /// such as 2026-02-30 that do not exist).
    public init?(parsing text: String) {
        if text == "today" {
            self = .today
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self = .date(year: year, month: month, day: day)
    }

    /// `today` or `YYYY-MM-DD`, as written in the config file.
    public var description: String {
        switch self {
        case .today:
            return "today"
        case .date(let year, let month, let day):
            return Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
