extension Expr {
    /// How far back before the evaluation time this expression reads (ms): the longest range plus offset,
    /// subqueries adding their range to what their inner expression reads. Instant selectors count their
    /// offset only (the lookback delta comes on top). `@` modifiers are not counted: they pin a time the
    /// store may or may not still hold.
    ///
    /// The daemon keeps this much history (plus a margin) so that every loaded rule sees its whole window.
    public var window: Int64 {
        switch self {
        case .number, .string: return 0
        case .vectorSelector(let selector): return max(selector.offset, 0)
        case .matrixSelector(let selector, let range): return range + max(selector.offset, 0)
        case .subquery(let subquery): return subquery.range + max(subquery.offset, 0) + subquery.expr.window
        case .paren(let inner), .unary(_, let inner): return inner.window
        case .binary(let binary): return max(binary.lhs.window, binary.rhs.window)
        case .aggregate(let aggregate): return max(aggregate.expr.window, aggregate.param?.window ?? 0)
        case .call(let call): return call.args.map(\.window).max() ?? 0
        }
    }
}
