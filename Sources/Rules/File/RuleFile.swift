/// A Prometheus rule file, read and validated: its groups in file order.
///
/// The unit everything above the parser works with: `check rules` counts its rules, the manager
/// builds groups from it, and a reload swaps all files only when every one of them is valid.
public struct RuleFile: Sendable {
    /// The path as the user named it (used in group keys and messages).
    public var path: String
    public var groups: [RuleGroupDefinition]

    public init(path: String, groups: [RuleGroupDefinition]) {
        self.path = path
        self.groups = groups
    }

    /// Number of rules over all groups.
    public var ruleCount: Int {
        groups.reduce(0) { $0 + $1.rules.count }
    }
}
