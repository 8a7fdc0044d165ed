/// Why an evaluation failed; the HTTP API maps these to Prometheus' error types.
public enum QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The expression is well formed but cannot be computed on this data
    /// (`vector cannot contain metrics with the same labelset`, …): `execution`, HTTP 422.
    case execution(String)
    /// The query ran longer than its timeout: `timeout`, HTTP 503.
    case timeout(String)
    /// The query would hold more samples in memory than allowed: `execution`, HTTP 422.
    case tooManySamples(limit: Int)
    /// The caller went away: `canceled`.
    case canceled

    public var description: String {
        switch self {
        case .execution(let message): return message
        case .timeout(let message): return "query timed out in \(message)"
        case .tooManySamples:
            return "query processing would load too many samples into memory in query execution"
        case .canceled: return "query was canceled"
        }
    }
}
