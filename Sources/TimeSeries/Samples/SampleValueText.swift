/// Sample values and timestamps written as Prometheus writes them, so clients that compare strings
/// (Grafana, promtool, `count_values` labels) see the same text from Vigil as from Prometheus.
public enum SampleValueText {
    /// Go's `strconv.FormatFloat(v, 'f', -1, 64)` with Prometheus' spellings of the specials: the
    /// shortest decimal that reads back as `value`, never in exponent form (`1e-07` → `0.0000001`),
    /// `NaN`, `+Inf`, `-Inf`.
    public static func value(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        return fixed(value)
    }

    /// As ``value(_:)`` but with Go's `Inf`/`-Inf` for infinities (what `strconv` itself prints).
    public static func fixed(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        var text = "\(value)"
        var sign = ""
        if text.hasPrefix("-") {
            sign = "-"
            text.removeFirst()
        }
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = String(parts[0])
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let pointIndex = mantissa.firstIndex(of: ".")
        var digits = mantissa.filter { $0 != "." }
        var point = pointIndex.map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        point += exponent
        // Shortest digits carry no trailing zeros after the point except Swift's "x.0".
        while digits.count > point, digits.hasSuffix("0") { digits.removeLast() }
        while digits.count > 1, digits.hasPrefix("0"), point > 1 {
            digits.removeFirst()
            point -= 1
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// A millisecond timestamp as Unix seconds, the way Prometheus' API marshals it: the whole seconds,
    /// then `.` and three digits only when there is a fraction (`1435781451.781`, `1435781451.780`, `12`).
    public static func timestamp(_ milliseconds: Int64) -> String {
        var text = milliseconds < 0 ? "-" : ""
        let magnitude = milliseconds.magnitude
        text += String(magnitude / 1000)
        let fraction = magnitude % 1000
        if fraction != 0 {
            text += "."
            if fraction < 100 { text += "0" }
            if fraction < 10 { text += "0" }
            text += String(fraction)
        }
        return text
    }
}
