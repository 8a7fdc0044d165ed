import TimeSeries

/// Go's `labels.Labels.String()` (`{__name__="x", a="1"}`), for error messages worded as
/// Prometheus words them.
enum LabelsText {
    static func go(_ labels: Labels) -> String {
        "{" + labels.pairs.map { $0.name + "=" + GoQuote.string($0.value) }.joined(separator: ", ") + "}"
    }
}
