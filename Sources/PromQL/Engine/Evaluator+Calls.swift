import TimeSeries

extension Evaluator {
    mutating func call(_ node: CallNode, _ grid: EvalGrid) throws(QueryError) -> StepValue {
        let before = currentSamples
        let steps = grid.count
        let result: StepValue
        switch node.name {
        case "time": result = .scalar((0..<steps).map { Double(grid.time($0)) / 1000 })
        case "pi": result = .scalar(Array(repeating: .pi, count: steps))
        case "vector":
            let values = try scalarValues(try eval(node.args[0], grid), grid)
            let points = (0..<steps).map { Sample(timestamp: grid.time($0), value: values[$0]) }
            result = .vector(points.isEmpty ? [] : [SeriesSamples(labels: Labels(), samples: points)])
        case "scalar": result = .scalar(try scalarOf(node.args[0], grid))
        case "sort", "sort_desc": result = .vector(try sorted(node, grid))
        case "timestamp": result = .vector(try timestamp(node.args[0], grid))
        case "absent": result = .vector(try absent(node, grid))
        case "label_replace", "label_join": result = .vector(try relabel(node, grid))
        case "histogram_quantile": result = .vector(try histogramQuantile(node, grid))
        default:
            if node.name == "absent_over_time" || RangeFunctions.handles(node.name) {
                result = .vector(try rangeFunction(node, grid))
            } else if ElementFunctions.handles(node.name) {
                result = .vector(try elementFunction(node, grid))
            } else {
                throw .execution("unknown function \(node.name)")
            }
        }
        return try settle(from: before, result)
    }

    /// `scalar(v)`: the value of the only element at each step, NaN when there are none or several.
    private mutating func scalarOf(_ argument: PlanNode, _ grid: EvalGrid) throws(QueryError) -> [Double] {
        let series = try vectorSeries(try eval(argument, grid))
        var values = Array(repeating: Double.nan, count: grid.count)
        var counts = Array(repeating: 0, count: grid.count)
        for item in series {
            for point in item.samples {
                let step = grid.index(of: point.timestamp)
                counts[step] += 1
                values[step] = point.value
            }
        }
        for step in counts.indices where counts[step] != 1 { values[step] = .nan }
        return values
    }

    /// `sort`/`sort_desc`: for an instant query the vector in value order with Go's (unstable) sort and
    /// NaN last; a range query's result is sorted by labels anyway.
    private mutating func sorted(_ node: CallNode, _ grid: EvalGrid) throws(QueryError) -> [SeriesSamples] {
        var series = try vectorSeries(try eval(node.args[0], grid))
        guard grid.count == 1 else { return series }
        if node.name == "sort" {
            GoSort.sort(&series) { $1.samples[0].value.isNaN || $1.samples[0].value > $0.samples[0].value }
        } else {
            GoSort.sort(&series) { $1.samples[0].value.isNaN || $1.samples[0].value < $0.samples[0].value }
        }
        return series
    }

    /// `timestamp(v)`: a selector's sample times; for any other argument, the step times.
    private mutating func timestamp(_ argument: PlanNode, _ grid: EvalGrid) throws(QueryError) -> [SeriesSamples] {
        if case .vectorSelector(let selector) = argument.unwrapped {
            return try instantSelect(selector, grid, timestamps: true)
        }
        let series = try vectorSeries(try eval(argument, grid))
        let stamped = series.map { item in
            SeriesSamples(
                labels: item.labels.droppingMetricName,
                samples: item.samples.map { Sample(timestamp: $0.timestamp, value: Double($0.timestamp) / 1000) })
        }
        return try EvaluationErrors.mergingSameLabels(stamped)
    }

    /// `absent(v)`: 1 at the steps where `v` is empty, labelled from the selector's `=` matchers.
    private mutating func absent(_ node: CallNode, _ grid: EvalGrid) throws(QueryError) -> [SeriesSamples] {
        let series = try vectorSeries(try eval(node.args[0], grid))
        var present = Array(repeating: false, count: grid.count)
        for item in series {
            for point in item.samples { present[grid.index(of: point.timestamp)] = true }
        }
        return Self.absentSeries(present, node.absentLabels, grid)
    }

    /// One series with value 1 at every step not marked present, or none.
    static func absentSeries(_ present: [Bool], _ labels: Labels, _ grid: EvalGrid) -> [SeriesSamples] {
        var points: [Sample] = []
        for step in present.indices where !present[step] { points.append(Sample(timestamp: grid.time(step), value: 1)) }
        return points.isEmpty ? [] : [SeriesSamples(labels: labels, samples: points)]
    }

    /// `label_replace` and `label_join`: new labels per series (values unchanged), then the check for
    /// series that became equal at the same step.
    private mutating func relabel(_ node: CallNode, _ grid: EvalGrid) throws(QueryError) -> [SeriesSamples] {
        let series = try vectorSeries(try eval(node.args[0], grid))
        var strings: [String] = []
        for argument in node.args.dropFirst() {
            guard let text = Self.stringLiteral(argument) else {
                throw .execution("expected a string literal in call to \(node.name)")
            }
            strings.append(text)
        }
        let vector = series.map { VectorSample(labels: $0.labels, timestamp: 0, value: 0) }
        let relabelled: [VectorSample]
        if node.name == "label_replace" {
            guard strings.count == 4 else { throw .execution("label_replace needs 5 arguments") }
            relabelled = try VectorFunctions.labelReplace(
                vector, destination: strings[0], replacement: strings[1], source: strings[2], regex: strings[3])
        } else {
            guard strings.count >= 2 else { throw .execution("label_join needs at least 3 arguments") }
            relabelled = try VectorFunctions.labelJoin(
                vector, destination: strings[0], separator: strings[1], sources: Array(strings.dropFirst(2)))
        }
        guard relabelled.count == series.count else { throw .execution("\(node.name) changed the vector's size") }
        let out = zip(series, relabelled).map { SeriesSamples(labels: $1.labels, samples: $0.samples) }
        return try EvaluationErrors.mergingSameLabels(out)
    }

    /// `histogram_quantile(q, buckets)`, one vector at a time.
    private mutating func histogramQuantile(_ node: CallNode, _ grid: EvalGrid) throws(QueryError) -> [SeriesSamples] {
        let quantiles = try scalarValues(try eval(node.args[0], grid), grid)
        var cursor = StepCursor(try vectorSeries(try eval(node.args[1], grid)))
        var assembler = SeriesAssembler()
        var vector: [VectorSample] = []
        for step in 0..<grid.count {
            if step & 63 == 63 { try checkDeadline() }
            let time = grid.time(step)
            cursor.vector(at: time, into: &vector)
            guard !vector.isEmpty else { continue }
            for sample in VectorFunctions.histogramQuantile(quantiles[step], vector, at: time) {
                try assembler.add(sample.labels, time, sample.value)
            }
        }
        return assembler.series
    }

    /// The functions that map each element on its own (maths, clamping, rounding, dates), with their
    /// scalar arguments at each step; the name is dropped. Date functions without an argument read
    /// `vector(time())`.
    private mutating func elementFunction(_ node: CallNode, _ grid: EvalGrid) throws(QueryError) -> [SeriesSamples] {
        guard let first = node.args.first else {
            let points = (0..<grid.count).compactMap { step -> Sample? in
                let time = grid.time(step)
                return ElementFunctions.apply(node.name, value: Double(time / 1000), scalars: []).map {
                    Sample(timestamp: time, value: $0)
                }
            }
            return points.isEmpty ? [] : [SeriesSamples(labels: Labels(), samples: points)]
        }
        let series = try vectorSeries(try eval(first, grid))
        var scalarArguments: [[Double]] = []
        for argument in node.args.dropFirst() {
            scalarArguments.append(try scalarValues(try eval(argument, grid), grid))
        }
        var scalars: [Double] = []
        var out: [SeriesSamples] = []
        out.reserveCapacity(series.count)
        for (number, item) in series.enumerated() {
            if number & 1023 == 1023 { try checkDeadline() }
            var points: [Sample] = []
            points.reserveCapacity(item.samples.count)
            for point in item.samples {
                if !scalarArguments.isEmpty {
                    let step = grid.index(of: point.timestamp)
                    scalars = scalarArguments.map { $0[step] }
                }
                if let value = ElementFunctions.apply(node.name, value: point.value, scalars: scalars) {
                    points.append(Sample(timestamp: point.timestamp, value: value))
                }
            }
            if !points.isEmpty { out.append(SeriesSamples(labels: item.labels.droppingMetricName, samples: points)) }
        }
        return try EvaluationErrors.mergingSameLabels(out)
    }
}
