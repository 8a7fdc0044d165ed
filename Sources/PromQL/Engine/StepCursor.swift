import TimeSeries

/// Walks an instant vector's series step by step, handing out which series have a point at each
/// step, so operators that combine series (matching, aggregation) see one vector per step without
/// searching the series again.
struct StepCursor {
    let series: [SeriesSamples]
    private var positions: [Int]

    init(_ series: [SeriesSamples]) {
        self.series = series
        positions = Array(repeating: 0, count: series.count)
    }

    /// Fills `members` with (series index, value) of the series with a point at `time`; steps must be
    /// asked for in increasing order.
    mutating func gather(at time: Int64, into members: inout [(index: Int, value: Double)]) {
        members.removeAll(keepingCapacity: true)
        for index in series.indices {
            let position = positions[index]
            let samples = series[index].samples
            guard position < samples.count, samples[position].timestamp == time else { continue }
            members.append((index, samples[position].value))
            positions[index] = position + 1
        }
    }

    /// The vector at `time`, labels included.
    mutating func vector(at time: Int64, into vector: inout [VectorSample]) {
        vector.removeAll(keepingCapacity: true)
        for index in series.indices {
            let position = positions[index]
            let samples = series[index].samples
            guard position < samples.count, samples[position].timestamp == time else { continue }
            vector.append(VectorSample(labels: series[index].labels, timestamp: time, value: samples[position].value))
            positions[index] = position + 1
        }
    }
}

/// Collects the vectors a node produces step by step into series, and raises Prometheus' error when
/// one step holds two elements with the same labels.
struct SeriesAssembler {
    private var indexByLabels: [Labels: Int] = [:]
    private(set) var series: [SeriesSamples] = []
    private(set) var pointCount = 0

    mutating func add(_ labels: Labels, _ time: Int64, _ value: Double) throws(QueryError) {
        if let index = indexByLabels[labels] {
            if series[index].samples.last?.timestamp == time { throw EvaluationErrors.sameLabelset }
            series[index].samples.append(Sample(timestamp: time, value: value))
        } else {
            indexByLabels[labels] = series.count
            series.append(SeriesSamples(labels: labels, samples: [Sample(timestamp: time, value: value)]))
        }
        pointCount += 1
    }
}

/// Error texts shared by several operators, as Prometheus words them.
enum EvaluationErrors {
    static let sameLabelset = QueryError.execution("vector cannot contain metrics with the same labelset")

    /// Whether two series carry the same labels (Prometheus' `Matrix.ContainsSameLabelset`).
    static func containsSameLabelset(_ series: [SeriesSamples]) -> Bool {
        if series.count < 2 { return false }
        if series.count == 2 { return series[0].labels == series[1].labels }
        var seen = Set<Labels>(minimumCapacity: series.count)
        for item in series where !seen.insert(item.labels).inserted { return true }
        return false
    }

    /// Series whose labels may have become equal (a name dropped, a label rewritten) merged into one,
    /// as Prometheus assembles step results; an error when two of them have a point at the same step.
    static func mergingSameLabels(_ series: [SeriesSamples]) throws(QueryError) -> [SeriesSamples] {
        guard containsSameLabelset(series) else { return series }
        var indexByLabels: [Labels: Int] = [:]
        var merged: [SeriesSamples] = []
        for item in series {
            guard let index = indexByLabels[item.labels] else {
                indexByLabels[item.labels] = merged.count
                merged.append(item)
                continue
            }
            merged[index].samples = try interleaved(merged[index].samples, item.samples)
        }
        return merged
    }

    private static func interleaved(_ first: [Sample], _ second: [Sample]) throws(QueryError) -> [Sample] {
        var out: [Sample] = []
        out.reserveCapacity(first.count + second.count)
        var i = 0
        var j = 0
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i].timestamp < second[j].timestamp) {
                out.append(first[i])
                i += 1
            } else if i == first.count || second[j].timestamp < first[i].timestamp {
                out.append(second[j])
                j += 1
            } else {
                throw sameLabelset
            }
        }
        return out
    }
}
