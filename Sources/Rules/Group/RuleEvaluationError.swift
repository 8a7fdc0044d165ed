import PromQL

/// Why one rule's evaluation failed; recorded as the rule's `lastError`.
public enum RuleEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The expression failed to evaluate (its message as the query API would give it).
    case query(QueryError)
    /// The expression returned a string or a range vector.
    case notAVector
    /// Two results got the same labels once the rule's labels were applied.
    case duplicateLabelSet(afterApplying: String)
    /// More alerts or series than the group's `limit`.
    case limitExceeded(limit: Int, count: Int, of: String)

    public var description: String {
        switch self {
        case .query(let error): return error.description
        case .notAVector: return "rule result is not a vector or scalar"
        case .duplicateLabelSet(let what):
            return "vector contains metrics with the same labelset after applying \(what) labels"
        case .limitExceeded(let limit, let count, let what): return "exceeded limit of \(limit) with \(count) \(what)"
        }
    }
}
