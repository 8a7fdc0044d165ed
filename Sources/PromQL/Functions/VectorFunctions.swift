import TimeSeries

/// The functions that work on a whole instant vector rather than element by element:
/// `histogram_quantile` (which groups buckets into histograms), `label_replace` and `label_join`.
enum VectorFunctions {
    /// `histogram_quantile` over a whole instant vector: buckets are grouped by their labels without
    /// `le` (the metric name included, so two names give two results, which then collide without it),
    /// and each group's quantile is labelled without `le` and `__name__`. Elements without a
    /// parsable `le` are ignored. Groups come out in the order they first appear.
    static func histogramQuantile(_ q: Double, _ vector: [VectorSample], at timestamp: Int64) -> [VectorSample] {
        var indexByKey: [Labels: Int] = [:]
        var histograms: [(labels: Labels, buckets: [HistogramBucket])] = []
        for sample in vector {
            guard let bound = sample.labels["le"].flatMap(GoParseFloat.parse) else { continue }
            let key = sample.labels.removing(["le"])
            let bucket = HistogramBucket(upperBound: bound, count: sample.value)
            if let index = indexByKey[key] {
                histograms[index].buckets.append(bucket)
            } else {
                indexByKey[key] = histograms.count
                histograms.append((key.removing([Label.metricName]), [bucket]))
            }
        }
        return histograms.map {
            VectorSample(labels: $0.labels, timestamp: timestamp, value: HistogramBucket.quantile(q, $0.buckets))
        }
    }

    /// `label_replace(v, destination, replacement, source, regex)`: where the anchored `regex` matches
    /// the source label's value (empty when absent), the destination label becomes the expanded
    /// replacement (removed when that is empty); other elements pass unchanged. The metric name is kept.
    /// - Throws: for an invalid regex or destination label name, as Prometheus does even for an empty vector.
    static func labelReplace(
        _ vector: [VectorSample], destination: String, replacement: String, source: String, regex: String
    ) throws(QueryError) -> [VectorSample] {
        let compiled: Regex<AnyRegexOutput>
        do {
            // Go's syntax and meaning (RE2), in Swift's syntax; Go refuses what RE2 cannot run.
            guard case .success(let translated) = GoRegexSyntax.translate(regex),
                GoRegexSyntax.error(in: "^(?:" + regex + ")$") == nil
            else { throw QueryError.execution("") }
            compiled = try Regex("(?:\(translated))").matchingSemantics(.unicodeScalar)
        } catch {
            throw .execution("invalid regular expression in label_replace(): \(regex)")
        }
        guard LabelName.isValid(destination) else {
            throw .execution("invalid destination label name in label_replace(): \(destination)")
        }
        return vector.map { sample in
            let value = sample.labels[source] ?? ""
            guard let match = try? compiled.wholeMatch(in: value) else { return sample }
            let groups = match.output.map { GoRegexTemplate.Group(name: $0.name, text: $0.substring) }
            let expanded = GoRegexTemplate.expand(replacement, groups: groups)
            var result = sample
            result.labels = sample.labels.setting(destination, to: expanded)
            return result
        }
    }

    /// `label_join(v, destination, separator, sources…)`: the source labels' values (empty when absent)
    /// joined by `separator` become the destination label; when the joined text is empty the label is
    /// removed. The metric name is kept.
    /// - Throws: for an invalid source or destination label name (sources are checked first).
    static func labelJoin(
        _ vector: [VectorSample], destination: String, separator: String, sources: [String]
    ) throws(QueryError) -> [VectorSample] {
        for source in sources where !LabelName.isValid(source) {
            throw .execution("invalid source label name in label_join(): \(source)")
        }
        guard LabelName.isValid(destination) else {
            throw .execution("invalid destination label name in label_join(): \(destination)")
        }
        return vector.map { sample in
            let joined = sources.map { sample.labels[$0] ?? "" }.joined(separator: separator)
            var result = sample
            result.labels = sample.labels.setting(destination, to: joined)
            return result
        }
    }
}
