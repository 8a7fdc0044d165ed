import TimeSeries

/// Evaluates PromQL expressions over any ``SeriesQuerier`` with Prometheus 2.42's semantics: the
/// entry point of the HTTP API, rule evaluation and `vigil query`.
///
/// Each query selects every selector's series once, for the whole window its steps need, then
/// evaluates the expression tree node by node over all steps (a range query is not a loop of
/// instant queries), counting the samples it holds and watching its timeout.
public struct QueryEngine: Sendable {
    public let options: QueryOptions

    public init(options: QueryOptions = QueryOptions()) {
        self.options = options
    }

    /// Instant query at `time` (ms). Returns scalar, string, vector or matrix (a top-level range selector).
    public func instant(_ expr: Expr, at time: Int64, on querier: any SeriesQuerier) throws(QueryError) -> QueryValue {
        let grid = EvalGrid.single(time)
        switch try evaluate(expr, grid, querier) {
        case .scalar(let values): return .scalar(Sample(timestamp: time, value: values.first ?? .nan))
        case .string(let text): return .string(text, timestamp: time)
        case .matrix(let series): return .matrix(series)
        case .vector(let series):
            return .vector(series.map { VectorSample(labels: $0.labels, timestamp: time, value: $0.samples[0].value) })
        }
    }

    /// Range query: evaluate at start, start+step, … ≤ end; returns .matrix (a scalar expression gives one series
    /// without labels), series sorted by labels.
    public func range(
        _ expr: Expr, start: Int64, end: Int64, step: Int64, on querier: any SeriesQuerier
    ) throws(QueryError) -> QueryValue {
        guard step > 0 else {
            throw .execution("zero or negative query resolution step widths are not accepted. Try a positive integer")
        }
        guard end >= start else { throw .execution("end timestamp must not be before start time") }
        let type = expr.type
        guard type == .vector || type == .scalar else {
            throw .execution(
                "invalid expression type \"\(type.rawValue)\" for range query, must be Scalar or instant Vector")
        }
        let grid = EvalGrid(start: start, end: end, interval: step)
        switch try evaluate(expr, grid, querier) {
        case .scalar(let values):
            let points = values.indices.map { Sample(timestamp: grid.time($0), value: values[$0]) }
            return .matrix([SeriesSamples(labels: Labels(), samples: points)])
        case .vector(let series), .matrix(let series):
            return .matrix(series.sorted { $0.labels < $1.labels })
        case .string:
            throw .execution("invalid expression type \"string\" for range query, must be Scalar or instant Vector")
        }
    }

    private func evaluate(_ expr: Expr, _ grid: EvalGrid, _ querier: any SeriesQuerier) throws(QueryError) -> StepValue
    {
        let deadline = ContinuousClock.now.advanced(by: options.timeout)
        let plan = PlanBuilder.plan(expr, start: grid.start, end: grid.end, options: options)
        var selected: [[SeriesSamples]] = []
        selected.reserveCapacity(plan.selections.count)
        for request in plan.selections {
            if ContinuousClock.now >= deadline { throw .timeout("query preparation") }
            selected.append(
                Self.sortedByLabels(querier.select(request.matchers, from: request.mint, through: request.maxt)))
        }
        var evaluator = Evaluator(options: options, deadline: deadline, selected: selected)
        return try evaluator.eval(plan.root, grid)
    }

    /// Series in Prometheus' order (by labels), which decides the order of results and of float sums.
    private static func sortedByLabels(_ series: [SeriesSamples]) -> [SeriesSamples] {
        var isSorted = true
        for index in series.indices.dropFirst() where !(series[index - 1].labels < series[index].labels) {
            isSorted = false
            break
        }
        return isSorted ? series : series.sorted { $0.labels < $1.labels }
    }
}
