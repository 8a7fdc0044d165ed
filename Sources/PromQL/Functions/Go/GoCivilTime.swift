/// The UTC calendar fields of a Unix time, computed as Go's `time` package (1.19) computes them,
/// wrapping integer arithmetic included, so that PromQL's date functions agree with Prometheus even
/// for absurd inputs (a NaN sample becomes Go's smallest int64, year 292277026596).
struct GoCivilTime {
    var year: Int
    /// 1...12.
    var month: Int
    /// 1...31.
    var day: Int
    /// 0-based day of the year.
    var yearDay: Int
    /// 0 = Sunday.
    var weekday: Int
    var hour: Int
    var minute: Int

    private static let secondsPerMinute: UInt64 = 60
    private static let secondsPerHour: UInt64 = 3600
    private static let secondsPerDay: UInt64 = 86400
    private static let daysPer400Years: UInt64 = 365 * 400 + 97
    private static let daysPer100Years: UInt64 = 365 * 100 + 24
    private static let daysPer4Years: UInt64 = 365 * 4 + 1
    private static let absoluteZeroYear: Int64 = -292_277_022_399
    /// Seconds from Go's absolute zero time to the Unix epoch.
    private static let unixToAbsolute: Int64 = 9_223_372_028_715_321_600
    private static let daysBefore = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]

    /// The calendar fields of `unixSeconds` in UTC.
    init(unixSeconds: Int64) {
        let absolute = UInt64(bitPattern: unixSeconds &+ Self.unixToAbsolute)
        var days = absolute / Self.secondsPerDay

        var cycles = days / Self.daysPer400Years
        var years = 400 * cycles
        days -= Self.daysPer400Years * cycles

        cycles = days / Self.daysPer100Years
        cycles -= cycles >> 2
        years += 100 * cycles
        days -= Self.daysPer100Years * cycles

        cycles = days / Self.daysPer4Years
        years += 4 * cycles
        days -= Self.daysPer4Years * cycles

        cycles = days / 365
        cycles -= cycles >> 2
        years += cycles
        days -= 365 * cycles

        year = Int(Int64(bitPattern: years) &+ Self.absoluteZeroYear)
        yearDay = Int(days)

        var dayOfYear = yearDay
        var leapDay = false
        if Self.isLeap(year) {
            if dayOfYear > 31 + 29 - 1 {
                dayOfYear -= 1
            } else if dayOfYear == 31 + 29 - 1 {
                leapDay = true
            }
        }
        if leapDay {
            month = 2
            day = 29
        } else {
            var estimate = dayOfYear / 31
            let end = Self.daysBefore[estimate + 1]
            let begin: Int
            if dayOfYear >= end {
                estimate += 1
                begin = end
            } else {
                begin = Self.daysBefore[estimate]
            }
            month = estimate + 1
            day = dayOfYear - begin + 1
        }

        let weekSeconds = (absolute &+ 1 * Self.secondsPerDay) % (7 * Self.secondsPerDay)
        weekday = Int(weekSeconds / Self.secondsPerDay)
        hour = Int(absolute % Self.secondsPerDay / Self.secondsPerHour)
        minute = Int(absolute % Self.secondsPerHour / Self.secondsPerMinute)
    }

    /// The number of days in this date's month.
    var daysInMonth: Int {
        if month == 2 { return Self.isLeap(year) ? 29 : 28 }
        return Self.daysBefore[month] - Self.daysBefore[month - 1]
    }

    private static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }
}
