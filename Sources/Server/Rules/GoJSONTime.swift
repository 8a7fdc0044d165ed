import PromQL
import VigilCore

/// Times and durations as Go's `encoding/json` writes them in Prometheus' rules API: `time.Time` as
/// RFC 3339 with nanoseconds, trailing zeros trimmed (`2026-09-14T12:00:30.5Z`; the zero time for "never"),
/// and float64 seconds in Go's JSON number form (`30`, `0.000123`, `1.5e-07`).
enum GoJSONTime {
    /// `"2026-09-14T12:00:30.5Z"` for `milliseconds` since the epoch (UTC); nil → Go's zero time.
    static func timestamp(_ milliseconds: Int64?) -> String {
        guard let milliseconds else { return "0001-01-01T00:00:00Z" }
        let seconds = milliseconds.floorDivided(by: 1000)
        let fraction = milliseconds - seconds * 1000
        var text = UTCDateTime(unixSeconds: seconds).text(separator: "T")
        if fraction > 0 {
            var digits = UTCDateTime.padded(fraction, 3)
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
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
