import VigilCore

/// One `groups[]` entry of a rule file: rules evaluated in order, on one interval.
///
/// Order matters (a recording rule feeds the rules after it in the same tick), so the rules stay
/// an array in file order.
public struct RuleGroupDefinition: Sendable {
    public var name: String
    /// `interval:` in milliseconds; nil means the daemon's `global.evaluation_interval`.
    public var interval: Int64?
    /// `limit:`: the most alerts (or series, for recording rules) a rule may produce; 0 is unlimited.
    public var limit: Int
    public var rules: [RuleDefinition]
    /// Where the group's mapping starts.
    public var location: YAMLLocation

    public init(name: String, interval: Int64? = nil, limit: Int = 0, rules: [RuleDefinition], location: YAMLLocation) {
        self.name = name
        self.interval = interval
        self.limit = limit
        self.rules = rules
        self.location = location
    }
}
