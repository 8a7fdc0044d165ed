import Rules

/// An alert someone resolved by hand (`resolve`): it counts as resolved while its sender keeps
/// reporting the same firing episode (the same start), and fires again when a new episode starts.
public struct ManualResolution: Sendable, Equatable {
    public var fingerprint: AlertFingerprint
    /// The start of the episode that was resolved (ms).
    public var startsAt: Int64
    /// When it was resolved (ms): the end the alert carries from then on.
    public var resolvedAt: Int64
    public var by: String

    public init(fingerprint: AlertFingerprint, startsAt: Int64, resolvedAt: Int64, by: String) {
        self.fingerprint = fingerprint
        self.startsAt = startsAt
        self.resolvedAt = resolvedAt
        self.by = by
    }

    /// `alert` as the pipeline holds it given this resolution: resolved if it reports the resolved
    /// episode as still firing. Nil when the resolution no longer applies (a new episode, or the
    /// sender resolved it too).
    func apply(to alert: PipelineAlert, now: Int64) -> PipelineAlert? {
        guard alert.startsAt == startsAt, !alert.isResolved(at: now) else { return nil }
        var resolved = alert
        resolved.endsAt = resolvedAt
        return resolved
    }
}
