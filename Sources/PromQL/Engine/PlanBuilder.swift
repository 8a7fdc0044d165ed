import TimeSeries

/// Turns an ``Expr`` into a ``QueryPlan`` as Prometheus' `PreprocessExpr` and `populateSeries` do:
/// resolves `@ start()`/`@ end()`, marks step-invariant subtrees, and works out for every selector
/// the window of samples any step of the query can read, so each is selected once.
struct PlanBuilder {
    /// Functions whose result depends on the evaluation time even when their arguments do not
    /// (Prometheus' `AtModifierUnsafeFunctions`).
    static let timeDependentFunctions: Set<String> = [
        "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year",
        "predict_linear", "time", "timestamp",
    ]

    /// The evaluation times a node may be asked for, in ms (a superset is fine: it only widens selections).
    struct TimeSpan {
        var from: Int64
        var to: Int64
    }

    let queryStart: Int64
    let queryEnd: Int64
    let options: QueryOptions
    private(set) var selections: [SelectionRequest] = []

    static func plan(_ expr: Expr, start: Int64, end: Int64, options: QueryOptions) -> QueryPlan {
        var builder = PlanBuilder(queryStart: start, queryEnd: end, options: options)
        let (root, invariant) = builder.build(expr, TimeSpan(from: start, to: end))
        return QueryPlan(root: invariant ? .stepInvariant(root) : root, selections: builder.selections)
    }

    private init(queryStart: Int64, queryEnd: Int64, options: QueryOptions) {
        self.queryStart = queryStart
        self.queryEnd = queryEnd
        self.options = options
    }

    private func resolve(_ at: AtModifier?) -> Int64? {
        switch at {
        case .timestamp(let time): return time
        case .start: return queryStart
        case .end: return queryEnd
        case nil: return nil
        }
    }

    /// The node and whether it is step invariant (its value is the same at every step).
    private mutating func build(_ expr: Expr, _ span: TimeSpan) -> (PlanNode, Bool) {
        switch expr {
        case .number(let value): return (.number(value), true)
        case .string(let value): return (.string(value), true)
        case .paren(let inner): return build(inner, span)
        case .unary(let op, let inner):
            let (node, invariant) = build(inner, span)
            return (op == .minus ? .negate(node) : node, invariant)
        case .vectorSelector(let selector):
            let node = selectorNode(selector, range: 0, span)
            return (.vectorSelector(node), node.at != nil)
        case .matrixSelector(let selector, let range):
            let node = selectorNode(selector, range: range, span)
            return (.matrixSelector(node, range: range), node.at != nil)
        case .subquery(let subquery): return buildSubquery(subquery, span)
        case .binary(let binary): return buildBinary(binary, span)
        case .aggregate(let aggregate):
            let (inner, invariant) = build(aggregate.expr, span)
            let param = aggregate.param.map { wrapped(build($0, span)) }
            let node = AggregateNode(
                op: aggregate.op, expr: inner, param: param, grouping: aggregate.grouping.sorted(),
                without: aggregate.without)
            // As Prometheus, only the aggregated expression decides (the parameter is not looked at).
            return (.aggregate(node), invariant)
        case .call(let call): return buildCall(call, span)
        }
    }

    /// A node marked step invariant when it is.
    private func wrapped(_ built: (PlanNode, Bool)) -> PlanNode {
        built.1 ? .stepInvariant(built.0) : built.0
    }

    private mutating func selectorNode(_ selector: VectorSelector, range: Int64, _ span: TimeSpan) -> SelectorNode {
        let at = resolve(selector.at)
        var from = span.from
        var to = span.to
        if let at {
            // With `@`, steps read at `at` (shifted by the step for the time-dependent functions' arguments).
            to = at + (span.to - span.from)
            from = at
        }
        let back = range > 0 ? range : options.lookbackDelta
        var mint = from - back - selector.offset
        var maxt = to - selector.offset
        if let at {
            // timestamp(x @ t) reads at t itself.
            mint = min(mint, at - back)
            maxt = max(maxt, at)
        }
        selections.append(SelectionRequest(matchers: selector.matchers, mint: mint, maxt: maxt))
        return SelectorNode(id: selections.count - 1, offset: selector.offset, at: at)
    }

    private mutating func buildSubquery(_ subquery: Subquery, _ span: TimeSpan) -> (PlanNode, Bool) {
        let at = resolve(subquery.at)
        var inner = TimeSpan(from: span.from - subquery.offset - subquery.range, to: span.to - subquery.offset)
        if let at {
            inner = TimeSpan(
                from: at - subquery.offset - subquery.range, to: at - subquery.offset + (span.to - span.from))
        }
        let node = SubqueryNode(
            inner: wrapped(build(subquery.expr, inner)), range: subquery.range,
            step: subquery.step ?? options.defaultSubqueryStep, offset: subquery.offset, at: at)
        return (.subquery(node), at != nil)
    }

    private mutating func buildBinary(_ binary: BinaryExpr, _ span: TimeSpan) -> (PlanNode, Bool) {
        let lhs = build(binary.lhs, span)
        let rhs = build(binary.rhs, span)
        let matching =
            binary.matching
            ?? VectorMatching(cardinality: binary.op.isSetOperator ? .manyToMany : .oneToOne)
        if lhs.1 && rhs.1 {
            let node = BinaryNode(
                op: binary.op, lhs: lhs.0, rhs: rhs.0, lhsType: binary.lhs.type, rhsType: binary.rhs.type,
                returnBool: binary.returnBool, matching: matching)
            return (.binary(node), true)
        }
        let node = BinaryNode(
            op: binary.op, lhs: wrapped(lhs), rhs: wrapped(rhs), lhsType: binary.lhs.type, rhsType: binary.rhs.type,
            returnBool: binary.returnBool, matching: matching)
        return (.binary(node), false)
    }

    private mutating func buildCall(_ call: Call, _ span: TimeSpan) -> (PlanNode, Bool) {
        let name = call.function.name
        let built = call.args.map { build($0, span) }
        let invariant = !Self.timeDependentFunctions.contains(name) && built.allSatisfy(\.1)
        let args = invariant ? built.map(\.0) : built.map(wrapped)
        var absentLabels = Labels()
        if name == "absent" || name == "absent_over_time", let first = call.args.first {
            absentLabels = Self.absentLabels(first)
        }
        return (.call(CallNode(name: name, args: args, absentLabels: absentLabels)), invariant)
    }

    /// The labels `absent` gives its result: those of the argument's `=` matchers, except a name
    /// matched more than once or by another operator (Prometheus' `createLabelsForAbsentFunction`).
    static func absentLabels(_ expr: Expr) -> Labels {
        var matchers: [LabelMatcher] = []
        switch expr {
        case .paren(let inner): return absentLabels(inner)
        case .vectorSelector(let selector), .matrixSelector(let selector, _): matchers = selector.matchers
        default: return Labels()
        }
        var values: [String: String] = [:]
        var seen: Set<String> = []
        for matcher in matchers where matcher.name != Label.metricName {
            if matcher.kind == .equal && !seen.contains(matcher.name) {
                values[matcher.name] = matcher.value
                seen.insert(matcher.name)
            } else {
                values[matcher.name] = nil
            }
        }
        return Labels(values)
    }
}
