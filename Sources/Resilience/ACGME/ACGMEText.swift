import Schedule

/// How ACGME messages print numbers, date ranges and moments, without Foundation.
enum ACGMEText {
    /// At most two decimals, no trailing zeros: 84.5, 80.25, 80.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return String(value) }
        let hundredths = Int((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths > 0 ? "-" : ""
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + "\(whole).\(fraction / 10)" }
        return sign + "\(whole)." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `2026-09-14..2026-10-11`.
    static func range(_ first: Day, _ last: Day) -> String { "\(first)..\(last)" }

    /// `2026-09-15 07:00` for a minute counted from midnight of `origin`.
    static func moment(_ minute: Int, from origin: Day) -> String {
        let day = DutyClock.dayOffset(ofMinute: minute)
        let inDay = minute - day * DutyClock.minutesPerDay
        let hours = inDay / 60
        let minutes = inDay % 60
        return "\(origin.advanced(by: day)) " + (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "")
            + "\(minutes)"
    }
}
