/// The expression a rule actually evaluates.
///
/// Prometheus' rule manager does not evaluate the tree it parsed from the rule file: every
/// evaluation queries `expr.String()`, the printed form, parsed again. The two differ where printing
/// is not neutral: a selector's matchers come out sorted (which decides the labels `absent` keeps
/// when a name is matched twice), and Prometheus 2.42 prints `ignoring()` with no labels as nothing,
/// dropping the `group_left`/`group_right` after it, so the rule runs one-to-one. Rules evaluate this
/// form so a rule file behaves in Vigil as in Prometheus 2.42 and `promtool test rules`.
extension Expr {
    public var ruleQuery: Expr {
        let printed = Self.asPrometheus242Prints(self).description
        return (try? PromQLParser.parse(printed)) ?? self
    }

    /// `expr` with every empty `ignoring()`'s grouping dropped, as 2.42's `String()` drops it.
    private static func asPrometheus242Prints(_ expr: Expr) -> Expr {
        switch expr {
        case .number, .string, .vectorSelector, .matrixSelector: return expr
        case .subquery(var subquery):
            subquery.expr = asPrometheus242Prints(subquery.expr)
            return .subquery(subquery)
        case .paren(let inner): return .paren(asPrometheus242Prints(inner))
        case .unary(let op, let inner): return .unary(op, asPrometheus242Prints(inner))
        case .binary(var binary):
            binary.lhs = asPrometheus242Prints(binary.lhs)
            binary.rhs = asPrometheus242Prints(binary.rhs)
            if var matching = binary.matching, !matching.on, matching.labels.isEmpty,
                matching.cardinality == .manyToOne || matching.cardinality == .oneToMany
            {
                matching.cardinality = .oneToOne
                matching.include = []
                binary.matching = matching
            }
            return .binary(binary)
        case .aggregate(var aggregate):
            aggregate.expr = asPrometheus242Prints(aggregate.expr)
            aggregate.param = aggregate.param.map(asPrometheus242Prints)
            return .aggregate(aggregate)
        case .call(var call):
            call.args = call.args.map(asPrometheus242Prints)
            return .call(call)
        }
    }
}
