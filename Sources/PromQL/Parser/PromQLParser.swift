import TimeSeries

/// Reads PromQL as Prometheus 2.42 does: the same grammar, precedence, type checks, and error
/// messages placed at the same line and column, so rules and queries written for Prometheus work
/// here and fail here with the message Prometheus would give.
public enum PromQLParser {
    /// Parses and type-checks an expression (Prometheus' ParseExpr).
    public static func parse(_ input: String) throws(PromQLParseError) -> Expr {
        var parser = Parser(input)
        return try parser.parseWholeExpression()
    }

    /// Parses a metric selector for /api/v1/series match[] (Prometheus' ParseMetricSelector):
    /// `up{job="a"}`, `{__name__=~"x.*"}`. The name, if written, is the last matcher.
    public static func parseMetricSelector(_ input: String) throws(PromQLParseError) -> [LabelMatcher] {
        var parser = Parser(input)
        return try parser.parseWholeSelector()
    }

    /// Parses a PromQL duration: 5m, 1h30m, 2d, 1y, 100ms (ms). Units go from y to ms, each at most
    /// once; "0" alone is zero (Prometheus' `model.ParseDuration`). Nil when invalid or too long.
    public static func parseDuration(_ text: String) -> Int64? {
        try? DurationText.milliseconds(text).get()
    }
}
