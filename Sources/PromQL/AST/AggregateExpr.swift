/// `op by|without (labels) (param, expr)`.
public struct AggregateExpr: Sendable, Hashable {
    public var op: AggregateOperator
    public var expr: Expr
    /// The first argument of `topk`, `bottomk`, `quantile`, `count_values`.
    public var param: Expr?
    public var grouping: [String]
    /// true: `without (…)`; false: `by (…)` (or no clause, with empty grouping).
    public var without: Bool

    public init(op: AggregateOperator, expr: Expr, param: Expr? = nil, grouping: [String] = [], without: Bool = false) {
        self.op = op
        self.expr = expr
        self.param = param
        self.grouping = grouping
        self.without = without
    }
}

/// PromQL's aggregation operators.
public enum AggregateOperator: String, Sendable, Hashable, CaseIterable {
    case sum, min, max, avg, count, group, stddev, stdvar, topk, bottomk, quantile
    case countValues = "count_values"

    /// Whether the operator takes a parameter before the expression, and of which type.
    public var parameterType: ValueType? {
        switch self {
        case .topk, .bottomk, .quantile: return .scalar
        case .countValues: return .string
        default: return nil
        }
    }
}
