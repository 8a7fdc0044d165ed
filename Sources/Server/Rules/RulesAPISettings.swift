import Rules

/// Where `/api/v1/rules` and `/api/v1/alerts` read the rule groups from: a snapshot per request (rule
/// groups are values), so a slow client never holds up evaluation.
public struct RulesAPISettings: Sendable {
    public var groups: @Sendable () async -> [RuleGroup]

    public init(groups: @escaping @Sendable () async -> [RuleGroup]) {
        self.groups = groups
    }
}
