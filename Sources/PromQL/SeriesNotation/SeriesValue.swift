/// One sample of a series written in promqltest/promtool notation: a number, a gap (`_`), or a
/// staleness marker (`stale`), so test loaders can tell "no sample here" from "series ended".
public enum SeriesValue: Sendable, Hashable {
    case value(Double)
    /// `_`: no sample at this step.
    case missing
    /// `stale`: Prometheus' staleness marker.
    case stale
}
