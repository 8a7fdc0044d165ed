import PromQL
import VigilCore

/// Times and durations as Go's `encoding/json` writes them in Prometheus' rules API: `time.Time` as
/// RFC 3339 with nanoseconds, trailing zeros trimmed (`2026-09-14T12:00:30.5Z`; the zero time for "never"),
/// and float64 seconds in Go's JSON number form (`30`, `0.000123`, `1.5e-07`).
enum GoJSONTime {
    /// `"2026-09-14T12:00:30.5Z"` for `milliseconds` since the epoch (UTC); nil → Go's zero time.
    static func timestamp(_ milliseconds: Int64?) -> String {
        GoTime.rfc3339(milliseconds)
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
