import PromQL
import VigilCore

/// Prometheus' `humanize*` template functions, digit for digit (they print with Go's `%.4g`).
enum TemplateHumanize {
    private static func g4(_ value: Double) -> String { GoFloatRendering.general(value, precision: 4) }

    static func humanize(_ input: Double) -> String {
        var value = input
        if value == 0 || value.isNaN || value.isInfinite { return g4(value) }
        if abs(value) >= 1 {
            var prefix = ""
            for candidate in ["k", "M", "G", "T", "P", "E", "Z", "Y"] {
                if abs(value) < 1000 { break }
                prefix = candidate
                value /= 1000
            }
            return g4(value) + prefix
        }
        var prefix = ""
        for candidate in ["m", "u", "n", "p", "f", "a", "z", "y"] {
            if abs(value) >= 1 { break }
            prefix = candidate
            value *= 1000
        }
        return g4(value) + prefix
    }

    static func humanize1024(_ input: Double) -> String {
        var value = input
        if abs(value) <= 1 || value.isNaN || value.isInfinite { return g4(value) }
        var prefix = ""
        for candidate in ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"] {
            if abs(value) < 1024 { break }
            prefix = candidate
            value /= 1024
        }
        return g4(value) + prefix
    }

    static func humanizeDuration(_ input: Double) -> String {
        var value = input
        if value.isNaN || value.isInfinite { return g4(value) }
        if value == 0 { return g4(value) + "s" }
        if abs(value) >= 1 {
            var sign = ""
            if value < 0 {
                sign = "-"
                value = -value
            }
            // Go's int64(float64) on amd64: anything from 2^63 up becomes math.MinInt64 (no trap).
            let duration = value >= 9_223_372_036_854_775_808.0 ? Int64.min : Int64(value)
            let seconds = duration % 60
            let minutes = (duration / 60) % 60
            let hours = (duration / 60 / 60) % 24
            let days = duration / 60 / 60 / 24
            if days != 0 { return "\(sign)\(days)d \(hours)h \(minutes)m \(seconds)s" }
            if hours != 0 { return "\(sign)\(hours)h \(minutes)m \(seconds)s" }
            if minutes != 0 { return "\(sign)\(minutes)m \(seconds)s" }
            return sign + g4(value) + "s"
        }
        var prefix = ""
        for candidate in ["m", "u", "n", "p", "f", "a", "z", "y"] {
            if abs(value) >= 1 { break }
            prefix = candidate
            value *= 1000
        }
        return g4(value) + prefix + "s"
    }

    static func humanizePercentage(_ value: Double) -> String {
        g4(value * 100) + "%"
    }

    /// Go's `time.Time.String()` in UTC: `2026-09-14 12:00:00.5 +0000 UTC`, through Prometheus'
    /// millisecond `model.Time` (what is below a millisecond is dropped); a value whose nanoseconds
    /// overflow int64 is an error, as in Prometheus.
    static func humanizeTimestamp(_ value: Double) throws(TemplateError) -> String {
        if value.isNaN || value.isInfinite { return g4(value) }
        let scaled = value * 1e9
        guard scaled < 9_223_372_036_854_775_808.0, scaled >= -9_223_372_036_854_775_808.0 else {
            throw TemplateError(
                "error calling humanizeTimestamp: \(GoFloatRendering.general(value)) cannot be represented as a "
                    + "nanoseconds timestamp since it overflows int64")
        }
        let nanoseconds = (Int64(scaled) / 1_000_000) * 1_000_000
        var seconds = nanoseconds / 1_000_000_000
        var fraction = nanoseconds % 1_000_000_000
        if fraction < 0 {
            seconds -= 1
            fraction += 1_000_000_000
        }
        var text = UTCDateTime(unixSeconds: seconds).text(separator: " ")
        if fraction > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 9 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + " +0000 UTC"
    }
}
