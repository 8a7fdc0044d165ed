import TimeSeries

extension Evaluator {
    /// An instant selector at every step: the newest sample at most `lookbackDelta` old (both ends
    /// included, as 2.42), nothing when that sample is a staleness marker. With `timestamps`, the
    /// value is the sample's time in seconds and the name is dropped (`timestamp(x)`), and `@` reads
    /// at its own time at every step, as Prometheus 2.42 does for that function.
    mutating func instantSelect(_ selector: SelectorNode, _ grid: EvalGrid, timestamps: Bool) throws(QueryError)
        -> [SeriesSamples]
    {
        let data = selected[selector.id]
        let offset = selector.effectiveOffset(gridStart: grid.start)
        let lookback = options.lookbackDelta
        let steps = grid.count
        var out: [SeriesSamples] = []
        out.reserveCapacity(data.count)
        for (number, series) in data.enumerated() {
            if number & 1023 == 1023 { try checkDeadline() }
            let samples = series.samples
            var points: [Sample] = []
            if steps == 1 { points.reserveCapacity(1) }
            var cursor = -1
            for step in 0..<steps {
                let time = grid.time(step)
                var reference = time - offset
                if timestamps, let at = selector.at { reference = at }
                if step == 0 {
                    cursor = SampleSearch.firstIndex(after: reference, in: samples) - 1
                } else {
                    while cursor + 1 < samples.count && samples[cursor + 1].timestamp <= reference { cursor += 1 }
                }
                guard cursor >= 0 else { continue }
                let sample = samples[cursor]
                if sample.timestamp < reference - lookback || sample.isStale { continue }
                let value = timestamps ? Double(sample.timestamp) / 1000 : sample.value
                points.append(Sample(timestamp: time, value: value))
            }
            guard !points.isEmpty else { continue }
            try hold(points.count)
            out.append(
                SeriesSamples(labels: timestamps ? series.labels.droppingMetricName : series.labels, samples: points))
        }
        return out
    }

    /// A range selector at the grid's only step: the samples in `[t - offset - range, t - offset]`
    /// (both ends included, as 2.42), staleness markers removed.
    mutating func rangeSelect(_ selector: SelectorNode, range: Int64, _ grid: EvalGrid) throws(QueryError)
        -> [SeriesSamples]
    {
        guard grid.count <= 1 else { throw .execution("cannot do range evaluation of matrix selector") }
        let end = grid.start - selector.effectiveOffset(gridStart: grid.start)
        var out: [SeriesSamples] = []
        for series in selected[selector.id] {
            let lower = SampleSearch.firstIndex(notBefore: end - range, in: series.samples)
            let upper = SampleSearch.firstIndex(after: end, in: series.samples)
            guard lower < upper else { continue }
            let window = series.samples[lower..<upper].filter { !$0.isStale }
            guard !window.isEmpty else { continue }
            try hold(window.count)
            out.append(SeriesSamples(labels: series.labels, samples: window))
        }
        return out
    }

    /// A subquery over the grid: its expression evaluated at the multiples of its step (in absolute
    /// time) from `start - offset - range` to `end - offset`, as one range evaluation.
    mutating func subquery(_ subquery: SubqueryNode, _ grid: EvalGrid) throws(QueryError) -> [SeriesSamples] {
        let offset = subquery.effectiveOffset(gridStart: grid.start)
        let lowest = grid.start - offset - subquery.range
        var start = subquery.step * (lowest / subquery.step)
        if start < lowest { start += subquery.step }
        let inner = EvalGrid(start: start, end: grid.end - offset, interval: subquery.step)
        switch try eval(subquery.inner, inner) {
        case .vector(let series): return series
        case .scalar(let values):
            let points = values.indices.map { Sample(timestamp: inner.time($0), value: values[$0]) }
            return points.isEmpty ? [] : [SeriesSamples(labels: Labels(), samples: points)]
        case let other: throw .execution("subquery of \(Self.typeName(other)) is not supported")
        }
    }
}

/// Binary searches over samples sorted by time.
enum SampleSearch {
    /// The index of the first sample newer than `time` (the count when none is).
    static func firstIndex(after time: Int64, in samples: [Sample]) -> Int {
        var low = 0
        var high = samples.count
        while low < high {
            let middle = (low + high) / 2
            if samples[middle].timestamp <= time { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the first sample at or after `time`.
    static func firstIndex(notBefore time: Int64, in samples: [Sample]) -> Int {
        var low = 0
        var high = samples.count
        while low < high {
            let middle = (low + high) / 2
            if samples[middle].timestamp < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
