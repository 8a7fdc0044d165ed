import TimeSeries

extension Evaluator {
    /// A range vector argument ready for windowing: its series' samples (staleness markers possibly
    /// included), and the window's offset and length.
    struct RangeSource {
        var series: [SeriesSamples]
        var offset: Int64
        var range: Int64
    }

    /// Whether a function argument is the range vector (a range selector or a subquery).
    static func isRangeArgument(_ node: PlanNode) -> Bool {
        switch node.unwrapped {
        case .matrixSelector, .subquery: return true
        default: return false
        }
    }

    /// A function of a range vector: per series and step, the window `[t - offset - range, t - offset]`
    /// (both ends included) without staleness markers goes to ``RangeFunctions``. The name is dropped
    /// except by `last_over_time`; two results with the same labels are an error, as in Prometheus.
    mutating func rangeFunction(_ node: CallNode, _ grid: EvalGrid) throws(QueryError) -> [SeriesSamples] {
        guard let rangeIndex = node.args.firstIndex(where: Self.isRangeArgument) else {
            throw .execution("expected a range vector argument in call to function \(node.name)")
        }
        let source = try rangeSource(node.args[rangeIndex].unwrapped, grid)
        var scalarArguments: [[Double]] = []
        for (index, argument) in node.args.enumerated() where index != rangeIndex {
            scalarArguments.append(try scalarValues(try eval(argument, grid), grid))
        }
        let name = node.name
        let keepName = name == "last_over_time"
        let absentOverTime = name == "absent_over_time"
        let steps = grid.count
        var present = absentOverTime ? Array(repeating: false, count: steps) : []
        var out: [SeriesSamples] = []
        var window: [Sample] = []
        var scalars: [Double] = []
        var held = 0
        for (number, series) in source.series.enumerated() {
            if number & 255 == 255 { try checkDeadline() }
            let samples =
                series.samples.contains(where: \.isStale) ? series.samples.filter { !$0.isStale } : series.samples
            guard !samples.isEmpty else { continue }
            var points: [Sample] = []
            var lower = 0
            var upper = 0
            for step in 0..<steps {
                let time = grid.time(step)
                let end = time - source.offset
                let start = end - source.range
                if step == 0 {
                    lower = SampleSearch.firstIndex(notBefore: start, in: samples)
                    upper = SampleSearch.firstIndex(after: end, in: samples)
                } else {
                    while upper < samples.count && samples[upper].timestamp <= end { upper += 1 }
                    while lower < upper && samples[lower].timestamp < start { lower += 1 }
                }
                guard lower < upper else { continue }
                if absentOverTime {
                    present[step] = true
                    continue
                }
                window.removeAll(keepingCapacity: true)
                window.append(contentsOf: samples[lower..<upper])
                try hold(window.count - held)
                held = window.count
                if !scalarArguments.isEmpty { scalars = scalarArguments.map { $0[step] } }
                if let error = RangeFunctions.validate(name, scalars: scalars) { throw error }
                if let value = RangeFunctions.evaluate(
                    name, samples: window, windowStart: start, windowEnd: end, evalTime: time, scalars: scalars)
                {
                    points.append(Sample(timestamp: time, value: value))
                }
            }
            guard !points.isEmpty else { continue }
            try hold(points.count)
            out.append(
                SeriesSamples(labels: keepName ? series.labels : series.labels.droppingMetricName, samples: points))
        }
        release(held)
        if absentOverTime { return Self.absentSeries(present, node.absentLabels, grid) }
        if EvaluationErrors.containsSameLabelset(out) { throw EvaluationErrors.sameLabelset }
        return out
    }

    /// The samples behind a range argument over the grid: a selector's selection, or the subquery's
    /// result evaluated once for all steps.
    private mutating func rangeSource(_ node: PlanNode, _ grid: EvalGrid) throws(QueryError) -> RangeSource {
        switch node {
        case .matrixSelector(let selector, let range):
            return RangeSource(
                series: selected[selector.id], offset: selector.effectiveOffset(gridStart: grid.start), range: range)
        case .subquery(let subquery):
            return RangeSource(
                series: try self.subquery(subquery, grid), offset: subquery.effectiveOffset(gridStart: grid.start),
                range: subquery.range)
        default:
            throw .execution("expected a range vector")
        }
    }
}
