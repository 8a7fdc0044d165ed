import Rules
import TimeSeries

/// An alert as Alertmanager holds it: labels, annotations and an activity range, whether it came from
/// Vigil's own rules or was posted to `/api/v2/alerts` by a Prometheus.
///
/// Times are milliseconds since the epoch. An alert posted without `endsAt` gets one `resolve_timeout`
/// ahead (``timeout`` true): if nobody re-sends it by then, it counts as resolved.
public struct PipelineAlert: Sendable, Equatable {
    public var labels: Labels
    public var annotations: Labels
    public var startsAt: Int64
    public var endsAt: Int64
    public var generatorURL: String
    /// When this version of the alert reached the pipeline.
    public var updatedAt: Int64
    /// Whether ``endsAt`` was set by `resolve_timeout` rather than by the sender.
    public var timeout: Bool

    public init(
        labels: Labels, annotations: Labels = Labels(), startsAt: Int64, endsAt: Int64, generatorURL: String = "",
        updatedAt: Int64, timeout: Bool = false
    ) {
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
        self.updatedAt = updatedAt
        self.timeout = timeout
    }

    /// Alertmanager's fingerprint of the labels.
    public var fingerprint: AlertFingerprint { AlertFingerprint(labels) }

    /// The `alertname` label.
    public var name: String { labels["alertname"] ?? "" }

    /// Whether the alert has ended by `now`.
    public func isResolved(at now: Int64) -> Bool {
        endsAt <= now
    }

    /// Alertmanager's `Alert.Merge`: the younger version wins, keeping the earliest start; an explicit
    /// end time that is later than the younger one's wins unless it came from a timeout.
    public func merged(with other: PipelineAlert, at now: Int64) -> PipelineAlert {
        if other.updatedAt < updatedAt { return other.merged(with: self, at: now) }
        var result = other
        if startsAt < other.startsAt { result.startsAt = startsAt }
        if other.isResolved(at: now) {
            if isResolved(at: now) && endsAt > other.endsAt { result.endsAt = endsAt }
        } else if endsAt > other.endsAt && !timeout {
            result.endsAt = endsAt
        }
        return result
    }
}
