import TimeSeries

/// A parsed PromQL expression: the tree the parser builds and the evaluator walks.
///
/// The shapes follow Prometheus' own AST (`promql/parser/ast.go`) so its semantics carry over
/// case by case; durations and timestamps are in milliseconds.
public indirect enum Expr: Sendable, Hashable {
    /// `1`, `-2.5e3`, `0x1f`, `Inf`, `NaN`.
    case number(Double)
    /// `"text"`, `'text'` or `` `raw` ``, unquoted.
    case string(String)
    /// `name{label="value"} offset 5m @ 1609746000`.
    case vectorSelector(VectorSelector)
    /// `name{…}[5m]`: a vector selector with a range (ms); offset and `@` live on the selector.
    case matrixSelector(VectorSelector, range: Int64)
    /// `expr[30m:1m] offset 1m @ end()`.
    case subquery(Subquery)
    /// `( expr )`.
    case paren(Expr)
    /// `-expr` or `+expr`.
    case unary(UnaryOperator, Expr)
    /// `lhs op bool on(labels) group_left(labels) rhs`.
    case binary(BinaryExpr)
    /// `sum by (job) (expr)`, `topk(3, expr)`.
    case aggregate(AggregateExpr)
    /// `rate(x[5m])`.
    case call(Call)

    /// The type of value the expression evaluates to.
    public var type: ValueType {
        switch self {
        case .number: return .scalar
        case .string: return .string
        case .vectorSelector: return .vector
        case .matrixSelector, .subquery: return .matrix
        case .paren(let inner), .unary(_, let inner): return inner.type
        case .binary(let binary):
            return binary.lhs.type == .scalar && binary.rhs.type == .scalar ? .scalar : .vector
        case .aggregate: return .vector
        case .call(let call): return call.function.returnType
        }
    }
}

/// The four kinds of value PromQL knows, named as Prometheus names them in messages.
public enum ValueType: String, Sendable, Hashable {
    case scalar
    case vector = "instant vector"
    case matrix = "range vector"
    case string

    /// The name of the type in the HTTP API's `resultType` field.
    public var apiName: String {
        switch self {
        case .scalar: return "scalar"
        case .vector: return "vector"
        case .matrix: return "matrix"
        case .string: return "string"
        }
    }
}

/// `-` or `+` before an expression.
public enum UnaryOperator: String, Sendable, Hashable {
    case minus = "-"
    case plus = "+"
}
