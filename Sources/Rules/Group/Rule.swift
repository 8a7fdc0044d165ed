/// One rule of a group, of either kind: groups hold them in file order and evaluate them in turn.
public enum Rule: Sendable {
    case alerting(AlertingRule)
    case recording(RecordingRule)

    public init(_ definition: RuleDefinition) {
        switch definition.kind {
        case .alerting: self = .alerting(AlertingRule(definition))
        case .recording: self = .recording(RecordingRule(definition))
        }
    }

    public var definition: RuleDefinition {
        switch self {
        case .alerting(let rule): return rule.definition
        case .recording(let rule): return rule.definition
        }
    }

    public var status: RuleStatus {
        switch self {
        case .alerting(let rule): return rule.status
        case .recording(let rule): return rule.status
        }
    }

    /// The alerting rule, when this is one.
    public var alerting: AlertingRule? {
        if case .alerting(let rule) = self { return rule }
        return nil
    }
}
