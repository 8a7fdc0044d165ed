import TimeSeries

extension Evaluator {
    mutating func binary(_ node: BinaryNode, _ grid: EvalGrid) throws(QueryError) -> StepValue {
        let before = currentSamples
        let lhs = try eval(node.lhs, grid)
        let rhs = try eval(node.rhs, grid)
        let result: StepValue
        switch (node.lhsType, node.rhsType) {
        case (.scalar, .scalar):
            let left = try scalarValues(lhs, grid)
            let right = try scalarValues(rhs, grid)
            result = .scalar(zip(left, right).map { GoArithmetic.scalar(node.op, $0, $1) })
        case (.vector, .scalar):
            result = .vector(
                try vectorScalar(node, try vectorSeries(lhs), try scalarValues(rhs, grid), scalarOnLeft: false, grid))
        case (.scalar, .vector):
            result = .vector(
                try vectorScalar(node, try vectorSeries(rhs), try scalarValues(lhs, grid), scalarOnLeft: true, grid))
        default:
            var matcher = VectorMatcher(
                op: node.op, matching: node.matching, returnBool: node.returnBool, lhs: try vectorSeries(lhs),
                rhs: try vectorSeries(rhs))
            result = .vector(try matcher.evaluate(grid, deadline: deadline))
        }
        return try settle(from: before, result)
    }

    /// Vector ⊕ scalar, element by element: comparisons filter (or give 0/1 with `bool`) and keep the
    /// vector's value and name; arithmetic and `bool` drop the name.
    private func vectorScalar(
        _ node: BinaryNode, _ series: [SeriesSamples], _ scalars: [Double], scalarOnLeft: Bool, _ grid: EvalGrid
    ) throws(QueryError) -> [SeriesSamples] {
        let op = node.op
        let dropName = GoArithmetic.dropsMetricName(op) || node.returnBool
        var out: [SeriesSamples] = []
        out.reserveCapacity(series.count)
        for item in series {
            var points: [Sample] = []
            points.reserveCapacity(item.samples.count)
            for point in item.samples {
                let scalar = scalars[grid.index(of: point.timestamp)]
                let (left, right) = scalarOnLeft ? (scalar, point.value) : (point.value, scalar)
                var (value, keep) = GoArithmetic.apply(op, left, right)
                if op.isComparison && scalarOnLeft { value = right }
                if node.returnBool {
                    value = keep ? 1 : 0
                    keep = true
                }
                if keep { points.append(Sample(timestamp: point.timestamp, value: value)) }
            }
            guard !points.isEmpty else { continue }
            out.append(SeriesSamples(labels: dropName ? item.labels.droppingMetricName : item.labels, samples: points))
        }
        return dropName ? try EvaluationErrors.mergingSameLabels(out) : out
    }
}
