import PromQL

/// The extra evaluations Prometheus' test runner (`atModifierTestCases`, 2.42) makes of every `eval`:
/// the expression with `@ <eval time>` put on each selector and subquery that has no `@ <time>`
/// (not descending into subqueries), evaluated at other times, where it must give the same result.
/// Expressions calling a function that depends on the evaluation time get no extra cases.
enum AtModifierVariants {
    static let timeDependentFunctions: Set<String> = [
        "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year",
        "predict_linear", "time", "timestamp",
    ]

    /// (expression, evaluation time) pairs, not including the original evaluation.
    static func cases(_ expr: Expr, at time: Int64) -> [(expr: Expr, time: Int64)] {
        if callsTimeDependentFunction(expr) { return [] }
        let pinned = pinning(expr, to: time)
        let times: [Int64] = time == 0 ? [-1000, 0, 1000] : [-10 * time, 0, time / 5, time, 10 * time]
        return times.map { (pinned, $0) }
    }

    /// Whether a time-dependent function is called outside subqueries (Prometheus does not look inside them).
    static func callsTimeDependentFunction(_ expr: Expr) -> Bool {
        switch expr {
        case .number, .string, .vectorSelector, .matrixSelector, .subquery: return false
        case .paren(let inner), .unary(_, let inner): return callsTimeDependentFunction(inner)
        case .binary(let binary):
            return callsTimeDependentFunction(binary.lhs) || callsTimeDependentFunction(binary.rhs)
        case .aggregate(let aggregate):
            return callsTimeDependentFunction(aggregate.expr)
                || (aggregate.param.map(callsTimeDependentFunction) ?? false)
        case .call(let call):
            return timeDependentFunctions.contains(call.function.name)
                || call.args.contains(where: callsTimeDependentFunction)
        }
    }

    static func pinning(_ expr: Expr, to time: Int64) -> Expr {
        switch expr {
        case .number, .string: return expr
        case .vectorSelector(var selector):
            selector.at = pinned(selector.at, time)
            return .vectorSelector(selector)
        case .matrixSelector(var selector, let range):
            selector.at = pinned(selector.at, time)
            return .matrixSelector(selector, range: range)
        case .subquery(var subquery):
            subquery.at = pinned(subquery.at, time)
            return .subquery(subquery)
        case .paren(let inner): return .paren(pinning(inner, to: time))
        case .unary(let op, let inner): return .unary(op, pinning(inner, to: time))
        case .binary(var binary):
            binary.lhs = pinning(binary.lhs, to: time)
            binary.rhs = pinning(binary.rhs, to: time)
            return .binary(binary)
        case .aggregate(var aggregate):
            aggregate.expr = pinning(aggregate.expr, to: time)
            aggregate.param = aggregate.param.map { pinning($0, to: time) }
            return .aggregate(aggregate)
        case .call(var call):
            call.args = call.args.map { pinning($0, to: time) }
            return .call(call)
        }
    }

    /// `@ start()`/`@ end()` count as no time: Prometheus sets the time over them.
    private static func pinned(_ at: AtModifier?, _ time: Int64) -> AtModifier {
        if case .timestamp(let existing) = at { return .timestamp(existing) }
        return .timestamp(time)
    }
}
