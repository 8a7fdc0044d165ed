import TimeSeries

/// The series notation of promqltest `load` blocks and promtool `input_series`
/// (`metric{a="b"} 1+2x3 _ stale`), read as Prometheus' `ParseSeriesDesc` reads it, so the
/// conformance files and rule tests written for Prometheus load the same samples here.
public enum SeriesNotation {
    /// `metric{a="b"} 1+2x3 _ stale 4x2 -1-1x2 _x3` → labels (with __name__) and expanded values.
    public static func parseLine(_ line: String) throws(PromQLParseError) -> (labels: Labels, values: [SeriesValue]) {
        var parser = Parser(line, seriesDescription: true)
        let labels = try parser.parseSeriesLabels()
        let values = try parser.parseSeriesValues(leadingSpaceRequired: true)
        return (labels, values)
    }

    /// Only the values part: `1+2x3 _ stale`.
    public static func parseValues(_ text: String) throws(PromQLParseError) -> [SeriesValue] {
        var parser = Parser(text, valuesOnly: true)
        return try parser.parseSeriesValues(leadingSpaceRequired: false)
    }
}
