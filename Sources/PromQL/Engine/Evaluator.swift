import TimeSeries

/// Evaluates a ``QueryPlan`` over a grid of steps, node by node, as Prometheus' evaluator does: every
/// node computes all steps at once (a range query is not a loop of instant queries), selectors read
/// the samples selected once before evaluation, and the samples held are counted against the limit.
struct Evaluator {
    let options: QueryOptions
    let deadline: ContinuousClock.Instant
    /// The selected series of each selector of the plan, sorted by labels.
    let selected: [[SeriesSamples]]
    /// Samples currently held by intermediate results (Prometheus' `currentSamples`).
    private(set) var currentSamples = 0

    init(options: QueryOptions, deadline: ContinuousClock.Instant, selected: [[SeriesSamples]]) {
        self.options = options
        self.deadline = deadline
        self.selected = selected
    }

    /// Throws once the query has run past its timeout.
    func checkDeadline() throws(QueryError) {
        if ContinuousClock.now >= deadline { throw .timeout("expression evaluation") }
    }

    /// Counts `count` more samples held, failing past the limit.
    mutating func hold(_ count: Int) throws(QueryError) {
        currentSamples += count
        if currentSamples > options.maxSamples { throw .tooManySamples(limit: options.maxSamples) }
    }

    mutating func release(_ count: Int) {
        currentSamples -= count
    }

    /// After a node: its inputs are gone, its output is held.
    mutating func settle(from before: Int, _ value: StepValue) throws(QueryError) -> StepValue {
        currentSamples = before
        try hold(Self.pointCount(value))
        return value
    }

    static func pointCount(_ value: StepValue) -> Int {
        switch value {
        case .scalar(let values): return values.count
        case .vector(let series), .matrix(let series): return series.reduce(0) { $0 + $1.samples.count }
        case .string: return 0
        }
    }

    mutating func eval(_ node: PlanNode, _ grid: EvalGrid) throws(QueryError) -> StepValue {
        try checkDeadline()
        switch node {
        case .number(let value): return .scalar(Array(repeating: value, count: grid.count))
        case .string(let value): return .string(value)
        case .vectorSelector(let selector): return .vector(try instantSelect(selector, grid, timestamps: false))
        case .matrixSelector(let selector, let range): return .matrix(try rangeSelect(selector, range: range, grid))
        case .subquery(let subquery): return .matrix(try self.subquery(subquery, grid))
        case .negate(let inner): return try negate(inner, grid)
        case .binary(let binary): return try self.binary(binary, grid)
        case .aggregate(let aggregate): return try self.aggregate(aggregate, grid)
        case .call(let call): return try self.call(call, grid)
        case .stepInvariant(let inner): return try stepInvariant(inner, grid)
        }
    }

    /// The value at the first step, repeated for every step (range vectors as they are).
    private mutating func stepInvariant(_ inner: PlanNode, _ grid: EvalGrid) throws(QueryError) -> StepValue {
        switch inner {
        case .number, .string: return try eval(inner, grid)
        default: break
        }
        let value = try eval(inner, grid.first)
        let steps = grid.count
        if steps <= 1 { return value }
        switch value {
        case .scalar(let values):
            try hold(steps - values.count)
            return .scalar(Array(repeating: values.first ?? .nan, count: steps))
        case .vector(let series):
            try hold(series.count * (steps - 1))
            return .vector(
                series.map { item in
                    let value = item.samples.first?.value ?? .nan
                    return SeriesSamples(
                        labels: item.labels,
                        samples: (0..<steps).map { Sample(timestamp: grid.time($0), value: value) })
                })
        case .matrix, .string: return value
        }
    }

    private mutating func negate(_ inner: PlanNode, _ grid: EvalGrid) throws(QueryError) -> StepValue {
        switch try eval(inner, grid) {
        case .scalar(let values): return .scalar(values.map { -$0 })
        case .vector(var series):
            for index in series.indices {
                series[index].labels = series[index].labels.droppingMetricName
                for point in series[index].samples.indices { series[index].samples[point].value.negate() }
            }
            if EvaluationErrors.containsSameLabelset(series) { throw EvaluationErrors.sameLabelset }
            return .vector(series)
        case let other: return other
        }
    }

    /// The per-step values of a scalar operand.
    func scalarValues(_ value: StepValue, _ grid: EvalGrid) throws(QueryError) -> [Double] {
        if case .scalar(let values) = value { return values }
        throw .execution("expected a scalar, got \(Self.typeName(value))")
    }

    /// The series of an instant-vector operand.
    func vectorSeries(_ value: StepValue) throws(QueryError) -> [SeriesSamples] {
        if case .vector(let series) = value { return series }
        throw .execution("expected an instant vector, got \(Self.typeName(value))")
    }

    static func typeName(_ value: StepValue) -> String {
        switch value {
        case .scalar: return "scalar"
        case .vector: return "instant vector"
        case .matrix: return "range vector"
        case .string: return "string"
        }
    }

    /// The string of a string literal argument.
    static func stringLiteral(_ node: PlanNode) -> String? {
        if case .string(let value) = node.unwrapped { return value }
        return nil
    }
}
