import TimeSeries

extension LabelMatcher {
    /// Alertmanager's `Matcher.String()`: `name="value"` with the operator between and the value
    /// escaped as OpenMetrics does (`\` → `\\`, line feed → `\n`, `"` → `\"`).
    ///
    /// ``LabelMatcher/description`` escapes by characters, so a line feed inside a `\r\n` pair stays
    /// raw there; this escapes every line feed, byte for byte as Alertmanager, which matters where
    /// the text is shown to or compared with Alertmanager's (silences' and routes' matchers).
    public var alertmanagerText: String {
        var escaped = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped.append(contentsOf: #"\\"#.unicodeScalars)
            case "\n": escaped.append(contentsOf: #"\n"#.unicodeScalars)
            case "\"": escaped.append(contentsOf: #"\""#.unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return "\(name)\(kind.rawValue)\"\(String(escaped))\""
    }
}
