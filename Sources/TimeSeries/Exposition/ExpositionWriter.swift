/// Series written back as text exposition format: the latest value of each series (with its timestamp),
/// grouped by metric name. For federation-style output and tests that round-trip through the parser.
public enum ExpositionWriter {
    /// Series without a metric name, or whose latest sample is a staleness marker (the series has ended),
    /// are left out. Metric names in order, series in label order within a name.
    public static func write(_ samples: [SeriesSamples]) -> String {
        var latest: [String: [(labels: Labels, sample: Sample)]] = [:]
        for series in samples {
            guard let name = series.labels.metricName, let last = series.samples.last, !last.isStale else { continue }
            latest[name, default: []].append((series.labels, last))
        }
        var out = ""
        for name in latest.keys.sorted() {
            for (labels, sample) in (latest[name] ?? []).sorted(by: { $0.labels < $1.labels }) {
                out += name
                let rest = labels.pairs.filter { $0.name != Label.metricName }
                if !rest.isEmpty {
                    out += "{"
                    out += rest.map { "\($0.name)=\"\(Labels.escape($0.value))\"" }.joined(separator: ",")
                    out += "}"
                }
                out += " \(SampleValueText.value(sample.value)) \(sample.timestamp)\n"
            }
        }
        return out
    }
}
