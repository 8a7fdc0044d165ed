import PromQL
import TimeSeries
import VigilCore

/// One rule as its file states it: an alerting rule (`alert:`) or a recording rule (`record:`).
///
/// Kept separate from the evaluating rule so that a reload can compare what changed (same group,
/// name and labels keep their alerts) and `check rules` can judge a file without evaluating it.
public struct RuleDefinition: Sendable {
    /// Which of the two rule kinds Prometheus' rule-file format allows.
    public enum Kind: Sendable, Hashable {
        case alerting
        case recording
    }

    public var kind: Kind
    /// The `alert:` or `record:` name.
    public var name: String
    /// The parsed `expr:`.
    public var expression: Expr
    /// `expr:` exactly as written, for the API and messages.
    public var expressionText: String
    /// `for:` in milliseconds (0 when absent): how long an alert stays pending before it fires.
    public var holdDuration: Int64
    /// `keep_firing_for:` in milliseconds (0 when absent).
    public var keepFiringFor: Int64
    /// `labels:`, values possibly templated (alerting rules) or literal (recording rules).
    public var labels: Labels
    /// `annotations:` (alerting rules only), values templated.
    public var annotations: Labels
    /// Where the rule's mapping starts.
    public var location: YAMLLocation

    public init(
        kind: Kind, name: String, expression: Expr, expressionText: String, holdDuration: Int64 = 0,
        keepFiringFor: Int64 = 0, labels: Labels = Labels(), annotations: Labels = Labels(),
        location: YAMLLocation
    ) {
        self.kind = kind
        self.name = name
        self.expression = expression
        self.expressionText = expressionText
        self.holdDuration = holdDuration
        self.keepFiringFor = keepFiringFor
        self.labels = labels
        self.annotations = annotations
        self.location = location
    }

    /// Name and labels, the identity Prometheus uses to carry state across a reload
    /// (`HighUtilization{severity="warning"}`).
    public var identity: String {
        name + Labels(labels.pairs).description
    }
}
