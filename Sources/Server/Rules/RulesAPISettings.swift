import Alerting
import Rules
import TimeSeries

/// Where `/api/v1/rules` and `/api/v1/alerts` read the rule groups from: a snapshot per request (rule
/// groups are values), so a slow client never holds up evaluation.
public struct RulesAPISettings: Sendable {
    public var groups: @Sendable () async -> [RuleGroup]
    /// Who acknowledged which alert (by the labels the pipeline holds it under), so
    /// `GET /api/v1/alerts` can say so.
    public var acknowledgements: @Sendable () async -> AlertAcknowledgements

    public init(
        groups: @escaping @Sendable () async -> [RuleGroup],
        acknowledgements: @escaping @Sendable () async -> AlertAcknowledgements = { AlertAcknowledgements() }
    ) {
        self.groups = groups
        self.acknowledgements = acknowledgements
    }
}

/// The acknowledgements of the pipeline's alerts, and the external labels rule alerts get on their
/// way there (so a rule's alert is found under the labels the pipeline holds it by).
public struct AlertAcknowledgements: Sendable {
    public var externalLabels: Labels
    public var byFingerprint: [AlertFingerprint: Acknowledgement]

    public init(externalLabels: Labels = Labels(), byFingerprint: [AlertFingerprint: Acknowledgement] = [:]) {
        self.externalLabels = externalLabels
        self.byFingerprint = byFingerprint
    }

    /// The acknowledgement of a rule's alert with `labels`, if any.
    public func of(_ labels: Labels) -> Acknowledgement? {
        guard !byFingerprint.isEmpty else { return nil }
        var labels = labels
        for pair in externalLabels.pairs where labels[pair.name] == nil {
            labels = labels.setting(pair.name, to: pair.value)
        }
        return byFingerprint[AlertFingerprint(labels)]
    }
}
