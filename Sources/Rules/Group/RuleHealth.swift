/// Whether a rule's last evaluation worked, as Prometheus' `/api/v1/rules` reports it.
public enum RuleHealth: String, Sendable, Equatable {
    case unknown
    case ok
    case err
}

/// What the API and self metrics show about one rule's last evaluation.
///
/// Errors are recorded here rather than thrown out of the group, so one bad rule never stops the
/// rules after it.
public struct RuleStatus: Sendable, Equatable {
    public var health: RuleHealth = .unknown
    public var lastError: String?
    /// The evaluation timestamp (ms) of the last evaluation.
    public var lastEvaluation: Int64?
    /// How long the last evaluation took (wall time, not the injected clock).
    public var evaluationDuration: Duration = .zero

    public init() {}
}
