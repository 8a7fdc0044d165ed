/// A span of minutes of the day, `[startMinute, endMinute)`: `09:00`–`17:00` is 540..<1020, and
/// `00:00`–`24:00` the whole day. Judged on the wall clock of the interval's zone.
public struct TimeRange: Sendable, Equatable {
    /// First minute inside the range, 0...1439.
    public var startMinute: Int
    /// First minute after the range, 1...1440.
    public var endMinute: Int

    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// A range from `start_time` and `end_time` as a configuration writes them (`"09:00"`,
    /// `"17:00"`); `end` may be `24:00`.
    ///
    /// - Throws: ``TimeIntervalParseError`` when either is not `HH:MM` or when `start` is not before `end`.
    public init(start: String, end: String) throws(TimeIntervalParseError) {
        startMinute = try Self.minuteOfDay(start)
        endMinute = try Self.minuteOfDay(end)
        guard startMinute < endMinute else {
            throw TimeIntervalParseError(
                text: "\(start)-\(end)", message: "start time cannot be equal or greater than end time")
        }
    }

    /// Whether the minute of the day `minute` (0...1439) lies in the range.
    public func contains(minute: Int) -> Bool {
        minute >= startMinute && minute < endMinute
    }

    /// Minutes since midnight of `HH:MM`: two digits each, 00:00 to 23:59, or exactly 24:00.
    ///
    /// - Throws: ``TimeIntervalParseError`` for anything else (`9:00`, `24:01`, `01:99`).
    public static func minuteOfDay(_ text: String) throws(TimeIntervalParseError) -> Int {
        let invalid = TimeIntervalParseError(text: text, message: "couldn't parse timestamp \(text), invalid format")
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 5, scalars[2] == ":" else { throw invalid }
        let digits = [scalars[0], scalars[1], scalars[3], scalars[4]].map { scalar -> Int? in
            ("0"..."9").contains(scalar) ? Int(scalar.value) - 48 : nil
        }
        guard let h1 = digits[0], let h2 = digits[1], let m1 = digits[2], let m2 = digits[3] else { throw invalid }
        let hours = h1 * 10 + h2
        let minutes = m1 * 10 + m2
        guard (hours < 24 && m1 < 6) || (hours == 24 && minutes == 0) else { throw invalid }
        return hours * 60 + minutes
    }
}
