import TimeSeries

/// An expression made ready to evaluate: `@ start()`/`@ end()` resolved to times, parentheses and
/// unary plus gone, step-invariant parts marked (Prometheus' `StepInvariantExpr`), each selector
/// numbered for the one selection made before evaluation.
struct QueryPlan {
    var root: PlanNode
    var selections: [SelectionRequest]
}

/// One selection from the store: the matchers of a selector and the whole window any step needs.
struct SelectionRequest {
    var matchers: [LabelMatcher]
    var mint: Int64
    var maxt: Int64
}

indirect enum PlanNode {
    case number(Double)
    case string(String)
    case vectorSelector(SelectorNode)
    case matrixSelector(SelectorNode, range: Int64)
    case subquery(SubqueryNode)
    case negate(PlanNode)
    case binary(BinaryNode)
    case aggregate(AggregateNode)
    case call(CallNode)
    /// Computed at the grid's first step only, then repeated for every step.
    case stepInvariant(PlanNode)

    /// The node under a step-invariant mark, if any.
    var unwrapped: PlanNode {
        if case .stepInvariant(let inner) = self { return inner }
        return self
    }
}

struct SelectorNode {
    /// Index into the query's selections.
    var id: Int
    /// ms.
    var offset: Int64
    /// The `@` time in ms, resolved.
    var at: Int64?

    /// Prometheus' adjusted offset: with `@`, relative to the start of the grid being evaluated.
    func effectiveOffset(gridStart: Int64) -> Int64 {
        guard let at else { return offset }
        return offset + (gridStart - at)
    }
}

struct SubqueryNode {
    var inner: PlanNode
    var range: Int64
    var step: Int64
    var offset: Int64
    var at: Int64?

    func effectiveOffset(gridStart: Int64) -> Int64 {
        guard let at else { return offset }
        return offset + (gridStart - at)
    }
}

struct BinaryNode {
    var op: BinaryOperator
    var lhs: PlanNode
    var rhs: PlanNode
    var lhsType: ValueType
    var rhsType: ValueType
    var returnBool: Bool
    var matching: VectorMatching
}

struct AggregateNode {
    var op: AggregateOperator
    var expr: PlanNode
    var param: PlanNode?
    /// Sorted, as Prometheus sorts them.
    var grouping: [String]
    var without: Bool
}

struct CallNode {
    var name: String
    var args: [PlanNode]
    /// For `absent` and `absent_over_time`: the labels of the argument's `=` matchers.
    var absentLabels: Labels
}
