import PromQL

/// Times and durations as Go's `encoding/json` writes them in Prometheus' rules API: `time.Time` as
/// RFC 3339 with nanoseconds, trailing zeros trimmed (`2026-09-14T12:00:30.5Z`; the zero time for "never"),
/// and float64 seconds in Go's JSON number form (`30`, `0.000123`, `1.5e-07`).
enum GoJSONTime {
    /// `"2026-09-14T12:00:30.5Z"` for `milliseconds` since the epoch (UTC); nil → Go's zero time.
    static func timestamp(_ milliseconds: Int64?) -> String {
        guard let milliseconds else { return "0001-01-01T00:00:00Z" }
        let seconds = milliseconds.floorDivided(by: 1000)
        let fraction = milliseconds - seconds * 1000
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(Int(secondOfDay / 3600), 2) + ":"
        text += pad(Int(secondOfDay % 3600 / 60), 2) + ":" + pad(Int(secondOfDay % 60), 2)
        if fraction > 0 {
            var digits = pad(Int(fraction), 3)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }

    /// A float64 as Go's `encoding/json` writes it.
    static func number(_ value: Double) -> String {
        let magnitude = value.magnitude
        guard magnitude != 0, magnitude < 1e-6 || magnitude >= 1e21 else { return GoFloatRendering.fixed(value) }
        // Go writes 'e' form with a two-digit exponent trimmed of its leading zero: 1.5e-07 → 1.5e-7.
        let text = GoFloatRendering.exponent(value)
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e]
        let sign = text[text.index(after: e)]
        var exponent = text[text.index(e, offsetBy: 2)...]
        if exponent.count == 2, exponent.first == "0" { exponent = exponent.dropFirst() }
        return mantissa + "e" + String(sign) + exponent
    }

    /// Seconds of a `Duration`, as a float64.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Howard Hinnant's civil-from-days.
    private static func civil(_ days: Int64) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
