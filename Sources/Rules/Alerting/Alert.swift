import TimeSeries

/// One alert instance of an alerting rule: a label set the expression returned, and its history.
///
/// Times are milliseconds since the epoch, on the daemon's (injected) clock. This is the value the
/// API lists, the persistence layer saves and the alerting pipeline routes.
public struct Alert: Sendable, Equatable {
    /// The series' labels without `__name__`, the rule's labels over them, and `alertname`.
    public var labels: Labels
    /// The rule's annotations, expanded for this alert.
    public var annotations: Labels
    public var state: AlertState
    /// The expression's value at the last evaluation that returned this alert.
    public var value: Double
    /// When the expression first returned it (start of pending).
    public var activeAt: Int64
    /// When it last went pending → firing.
    public var firedAt: Int64?
    /// When it went inactive.
    public var resolvedAt: Int64?
    /// Since when `keep_firing_for` holds it firing after the expression stopped returning it.
    public var keepFiringSince: Int64?

    public init(
        labels: Labels, annotations: Labels = Labels(), state: AlertState, value: Double, activeAt: Int64,
        firedAt: Int64? = nil, resolvedAt: Int64? = nil, keepFiringSince: Int64? = nil
    ) {
        self.labels = labels
        self.annotations = annotations
        self.state = state
        self.value = value
        self.activeAt = activeAt
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
        self.keepFiringSince = keepFiringSince
    }

    /// Alertmanager's fingerprint of ``labels``.
    public var fingerprint: AlertFingerprint { AlertFingerprint(labels) }

    /// The `alertname` label.
    public var name: String { labels["alertname"] ?? "" }

    public static func == (lhs: Alert, rhs: Alert) -> Bool {
        lhs.labels == rhs.labels && lhs.annotations == rhs.annotations && lhs.state == rhs.state
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN)) && lhs.activeAt == rhs.activeAt
            && lhs.firedAt == rhs.firedAt && lhs.resolvedAt == rhs.resolvedAt
            && lhs.keepFiringSince == rhs.keepFiringSince
    }
}
