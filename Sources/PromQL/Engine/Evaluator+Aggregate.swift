import TimeSeries

extension Evaluator {
    /// `op by/without (labels) (param, expr)`, one vector at a time through ``Aggregator``, with the
    /// parameter evaluated at each step (also for empty vectors: Prometheus checks the parameter there too).
    mutating func aggregate(_ node: AggregateNode, _ grid: EvalGrid) throws(QueryError) -> StepValue {
        let before = currentSamples
        var parameters: [AggregationParameter] = []
        var stringParameter: String?
        if let param = node.param {
            if let text = Self.stringLiteral(param) {
                stringParameter = text
            } else {
                parameters = try scalarValues(try eval(param, grid), grid).map { .scalar($0) }
            }
        }
        var cursor = StepCursor(try vectorSeries(try eval(node.expr, grid)))
        var assembler = SeriesAssembler()
        var vector: [VectorSample] = []
        for step in 0..<grid.count {
            if step & 63 == 63 { try checkDeadline() }
            let time = grid.time(step)
            cursor.vector(at: time, into: &vector)
            let parameter: AggregationParameter =
                stringParameter.map { .string($0) } ?? (parameters.isEmpty ? .none : parameters[step])
            let result = try Aggregator.evaluate(
                node.op, parameter: parameter, grouping: node.grouping, without: node.without, vector: vector, at: time)
            for sample in result { try assembler.add(sample.labels, time, sample.value) }
        }
        return try settle(from: before, .vector(assembler.series))
    }
}
