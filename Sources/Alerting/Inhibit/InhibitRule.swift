import TimeSeries

/// Alertmanager's inhibit rule: while an alert matching ``sourceMatchers`` fires, alerts matching
/// ``targetMatchers`` with the same values of ``equal`` are muted (a critical coverage gap makes
/// the warning about the same rotation noise).
public struct InhibitRule: Sendable, Equatable {
    public var sourceMatchers: [LabelMatcher]
    public var targetMatchers: [LabelMatcher]
    /// Labels whose values must be equal on source and target (absent counts as empty).
    public var equal: [String]

    public init(sourceMatchers: [LabelMatcher], targetMatchers: [LabelMatcher], equal: [String] = []) {
        self.sourceMatchers = sourceMatchers
        self.targetMatchers = targetMatchers
        self.equal = equal
    }
}
