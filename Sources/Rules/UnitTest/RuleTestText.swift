import PromQL
import TimeSeries

/// How promtool 2.42 prints the pieces of a failed rule test, so its output and Vigil's read the same.
enum RuleTestText {
    /// `labels.Labels.String()`: every label, `__name__` included, in braces.
    static func labels(_ labels: Labels) -> String {
        "{" + labels.pairs.map { "\($0.name)=\"\(Labels.escape($0.value))\"" }.joined(separator: ", ") + "}"
    }

    /// Go's `time.Duration.String()` for a whole number of milliseconds: `0s`, `59s`, `1m0s`, `1h5m0s`, `1.5s`.
    static func goDuration(_ milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        let negative = milliseconds < 0
        var rest = milliseconds.magnitude
        let hours = rest / 3_600_000
        rest %= 3_600_000
        let minutes = rest / 60_000
        rest %= 60_000
        var seconds = String(rest / 1000)
        if rest % 1000 != 0 {
            var fraction = String(rest % 1000)
            fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            seconds += "." + fraction
        }
        var text = negative ? "-" : ""
        if hours > 0 { text += "\(hours)h" }
        if hours > 0 || minutes > 0 { text += "\(minutes)m" }
        return text + seconds + "s"
    }

    /// `labelsAndAnnotations.String()`, indented as promtool indents it under `exp:` / `got:`.
    static func alerts(_ alerts: [(labels: Labels, annotations: Labels)]) -> String {
        guard !alerts.isEmpty else { return "[]" }
        var text = "["
        for (index, alert) in alerts.enumerated() {
            text += (index == 0 ? "\n" : ",\n") + "\(index):"
            text += indent("\nLabels:" + labels(alert.labels) + "\nAnnotations:" + labels(alert.annotations), "  ")
        }
        return indent(text + "\n]", "            ")
    }

    /// `parsedSamplesString`: `{__name__="x"} 1E+00, …` or `nil`.
    static func samples(_ samples: [(labels: Labels, value: Double)]) -> String {
        guard !samples.isEmpty else { return "nil" }
        return samples.map { labels($0.labels) + " " + exponentUpper($0.value) }.joined(separator: ", ")
    }

    /// Go's `%E`: `1.5E+00`, and `NaN`, `+Inf`, `-Inf` as Go spells them (not upper-cased).
    static func exponentUpper(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        return GoFloatRendering.exponent(value).uppercased()
    }

    /// promtool's `indentLines`: every line but the first gets `prefix`.
    static func indent(_ text: String, _ prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            $0.offset == 0 ? String($0.element) : prefix + $0.element
        }.joined(separator: "\n")
    }
}
