/// A closed range of one calendar field, `begin...end`, as a configuration writes it: one member
/// (`saturday`, `5`) or two joined by a colon (`monday:friday`, `-3:-1`, `january:march`).
///
/// Not a `ClosedRange` because days of the month may count from the end: `1:-1` is the whole month,
/// with `begin` greater than `end` as numbers.
public struct InclusiveRange: Sendable, Equatable {
    public var begin: Int
    public var end: Int

    public init(_ begin: Int, _ end: Int) {
        self.begin = begin
        self.end = end
    }

    /// One member, `value...value`.
    public init(_ value: Int) {
        self.init(value, value)
    }

    /// Whether `value` lies in `begin...end` (for fields other than days of the month, which need
    /// the month's length; see ``TimeIntervalSpec/contains(_:defaultZone:)``).
    public func contains(_ value: Int) -> Bool {
        value >= begin && value <= end
    }

    // MARK: Parsing, one field each (names are case-insensitive, as in Alertmanager)

    /// Weekdays by name only, 0 = sunday ... 6 = saturday: `monday:friday`, `Sunday`.
    ///
    /// - Throws: ``TimeIntervalParseError`` for a number or an unknown name, or a range that wraps
    ///   past saturday (`friday:monday`; write `friday:saturday` and `sunday:monday`).
    public static func weekdays(parsing text: String) throws(TimeIntervalParseError) -> InclusiveRange {
        let range = try members(text) { name throws(TimeIntervalParseError) in
            guard let day = weekdayNames.firstIndex(of: name) else {
                throw TimeIntervalParseError(text: text, message: "\(name) is not a valid weekday")
            }
            return day
        }
        guard range.begin <= range.end else {
            throw TimeIntervalParseError(text: text, message: "start day cannot be after end day")
        }
        return range
    }

    /// Days of the month, 1...31, or -31...-1 counting from the month's last day (-1): `1:5`,
    /// `-3:-1`, `1:-1`. A negative start needs a negative end.
    ///
    /// - Throws: ``TimeIntervalParseError`` for 0, values beyond ±31, and ranges that are empty in
    ///   every month (judged, as Alertmanager does, against a 28-day month).
    public static func daysOfMonth(parsing text: String) throws(TimeIntervalParseError) -> InclusiveRange {
        let range = try members(text) { member throws(TimeIntervalParseError) in
            guard let day = Int(member) else {
                throw TimeIntervalParseError(text: text, message: "\(member) is not a valid day of the month")
            }
            return day
        }
        for day in [range.begin, range.end] where day == 0 || day < -31 || day > 31 {
            throw TimeIntervalParseError(text: text, message: "\(day) is not a valid day of the month: out of range")
        }
        if range.begin < 0 && range.end > 0 {
            throw TimeIntervalParseError(text: text, message: "end day must be negative if start day is negative")
        }
        let begin = range.begin < 0 ? 28 + range.begin : range.begin
        let end = range.end < 0 ? 28 + range.end : range.end
        guard begin <= end else {
            throw TimeIntervalParseError(
                text: text, message: "end day \(range.end) is always before start day \(range.begin)")
        }
        return range
    }

    /// Months by name or number, 1 = january ... 12 = december: `january:march`, `1:3`, `July`.
    ///
    /// - Throws: ``TimeIntervalParseError`` for an unknown name, a number outside 1...12, or a range
    ///   that wraps past december.
    public static func months(parsing text: String) throws(TimeIntervalParseError) -> InclusiveRange {
        let range = try members(text) { member throws(TimeIntervalParseError) in
            if let index = monthNames.firstIndex(of: member) { return index + 1 }
            guard let month = Int(member) else {
                throw TimeIntervalParseError(text: text, message: "\(member) is not a valid month")
            }
            return month
        }
        for month in [range.begin, range.end] where !(1...12).contains(month) {
            throw TimeIntervalParseError(text: text, message: "\(month) is not a valid month: out of range")
        }
        guard range.begin <= range.end else {
            let begin = monthNames[range.begin - 1]
            let end = monthNames[range.end - 1]
            throw TimeIntervalParseError(text: text, message: "end month \(end) is before start month \(begin)")
        }
        return range
    }

    /// Years: `2020:2022`, `2024`.
    ///
    /// - Throws: ``TimeIntervalParseError`` for a non-number or an end before the start.
    public static func years(parsing text: String) throws(TimeIntervalParseError) -> InclusiveRange {
        let range = try members(text) { member throws(TimeIntervalParseError) in
            guard let year = Int(member) else {
                throw TimeIntervalParseError(text: text, message: "\(member) is not a valid year")
            }
            return year
        }
        guard range.begin <= range.end else {
            throw TimeIntervalParseError(
                text: text, message: "end year \(range.end) is before start year \(range.begin)")
        }
        return range
    }

    /// `member` or `member:member`, lowercased first; each member turned into a number by `value`.
    private static func members(
        _ text: String, _ value: (String) throws(TimeIntervalParseError) -> Int
    ) throws(TimeIntervalParseError) -> InclusiveRange {
        let lowered = text.lowercased()
        let parts = lowered.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            return InclusiveRange(try value(lowered))
        case 2:
            return InclusiveRange(try value(parts[0]), try value(parts[1]))
        default:
            throw TimeIntervalParseError(text: text, message: "couldn't parse range \(lowered), invalid format")
        }
    }

    static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
}
