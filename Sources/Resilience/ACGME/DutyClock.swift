/// The fixed clock of the duty-time model, in minutes since midnight of the window's first day.
enum DutyClock {
    static let minutesPerDay = 1440
    /// An AM session starts at 07:00.
    static let amStart = 7 * 60
    /// A PM session starts at 13:00, or when the AM session ends if that is later.
    static let pmStart = 13 * 60
    /// In-house call ends at 07:00 the next morning (minutes from the call day's midnight).
    static let callEnd = minutesPerDay + 7 * 60
    /// The ACGME averaging window.
    static let rollingDays = 28
    /// Days before the window whose assignments are read: a 28-day window ending on the window's first
    /// day starts 27 days earlier.
    static let historyDays = rollingDays - 1
    static let weekDays = 7

    /// Whole minutes in `hours`, clamped to 0...`limit` (not-a-number counts as 0): a schedule file's
    /// figures never crash the check.
    static func minutes(ofHours hours: Double, limit: Int) -> Int {
        guard hours.isFinite, hours > 0 else { return 0 }
        return min(Int((min(hours, Double(limit) / 60) * 60).rounded()), limit)
    }

    /// The day (offset from the window's first day) a minute falls on.
    @inline(__always) static func dayOffset(ofMinute minute: Int) -> Int {
        minute >= 0 ? minute / minutesPerDay : -((-minute + minutesPerDay - 1) / minutesPerDay)
    }
}

/// A stretch of duty [start, end) in minutes since midnight of the window's first day (negative before).
struct DutyInterval: Sendable, Hashable {
    var start: Int
    var end: Int

    var minutes: Int { end - start }
}
