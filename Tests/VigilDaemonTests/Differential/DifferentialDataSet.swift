/// The fixed series every differential case is evaluated over: 21 one-minute samples (0m…20m) of
/// counters with a reset and a gap, gauges with NaN, ±Inf and gaps longer than the lookback, a
/// classic histogram and a flapping `up`. Values are chosen so sums are exact in binary floating
/// point wherever possible (promtool's own sums depend on order otherwise).
enum DifferentialDataSet {
    /// A metric name and the label values its series use; the grammar draws matchers from these.
    struct Family: Sendable {
        let name: String
        let labels: [String: [String]]

        var labelNames: [String] { labels.keys.sorted() }
    }

    static let requests = Family(
        name: "http_requests_total",
        labels: ["job": ["api", "web"], "instance": ["i1", "i2", "i3"], "code": ["200", "404", "500"]])
    static let temperature = Family(name: "temperature", labels: ["room": ["lab", "office", "server", "attic"]])
    static let latency = Family(
        name: "latency_seconds_bucket", labels: ["job": ["api", "web"], "le": ["0.1", "0.5", "1", "+Inf"]])
    static let up = Family(name: "up", labels: ["job": ["api", "web"], "instance": ["i1", "i2", "i3"]])

    static let families = [requests, temperature, latency, up]

    /// Series in promtool's input notation (`_` a missing sample, `a+bxn` n+1 values).
    static let series: [(series: String, values: String)] = [
        (#"http_requests_total{job="api",instance="i1",code="200"}"#, "0+10x20"),
        (#"http_requests_total{job="api",instance="i1",code="500"}"#, "0+1x6 2+1x6 0+3x6"),
        (#"http_requests_total{job="api",instance="i2",code="200"}"#, "5+7x6 _x4 60+5x9"),
        (#"http_requests_total{job="web",instance="i3",code="200"}"#, "100+20x20"),
        (#"http_requests_total{job="web",instance="i3",code="404"}"#, "1 1 1 2 2 2 3 3 3 3 4 4 4 4 4 5 5 5 5 5 6"),
        (#"temperature{room="lab"}"#, "20 21.5 19 NaN 22 23.25 21 NaN NaN 20 20 20 19.5 18 18 18 18.5 19 20 21 22"),
        (#"temperature{room="office"}"#, "18+0.5x20"),
        (#"temperature{room="server"}"#, "30 31 Inf 32 33 -Inf 34 35 36 Inf 37 38 38 38 38 39 40 -Inf 41 42 43"),
        (#"temperature{room="attic"}"#, "_x4 15 16 17 _x3 14 14 _x8 13"),
        (#"latency_seconds_bucket{job="api",le="0.1"}"#, "0+1x20"),
        (#"latency_seconds_bucket{job="api",le="0.5"}"#, "0+3x20"),
        (#"latency_seconds_bucket{job="api",le="1"}"#, "0+4x20"),
        (#"latency_seconds_bucket{job="api",le="+Inf"}"#, "0+5x20"),
        (#"latency_seconds_bucket{job="web",le="0.1"}"#, "0x20"),
        (#"latency_seconds_bucket{job="web",le="0.5"}"#, "0+2x20"),
        (#"latency_seconds_bucket{job="web",le="1"}"#, "0+2x10 25+3x9"),
        (#"latency_seconds_bucket{job="web",le="+Inf"}"#, "0+6x20"),
        (#"up{job="api",instance="i1"}"#, "1x20"),
        (#"up{job="api",instance="i2"}"#, "1 1 1 1 1 0 0 0 0 0 1x10"),
        (#"up{job="web",instance="i3"}"#, "1x5 0x14"),
    ]

    /// The `input_series:` entries of a promtool test group, indented for `tests: - interval:`.
    static var inputSeriesYAML: String {
        series.map { "      - {series: '\($0.series)', values: '\($0.values)'}" }.joined(separator: "\n")
    }
}
