import TimeSeries

/// What to send to whom now: one group's alerts for one integration of one receiver, decided by
/// ``NotificationPlanner``. Notify turns it into a message and puts it in the outbox; the log entry
/// is recorded in the same transaction.
public struct GroupNotification: Sendable, Equatable {
    public var receiver: String
    public var integration: ReceiverIntegration
    public var groupKey: String
    public var groupLabels: Labels
    /// The alerts to send (after silences and inhibition; resolved ones only with `send_resolved`),
    /// firing ones with `endsAt` 0.
    public var alerts: [PipelineAlert]
    /// The log entry this notification writes.
    public var logEntry: NotificationLogEntry
    /// The route that decided (its ``Route/id``).
    public var routeID: String
    /// When it was decided (ms).
    public var decidedAt: Int64
    /// The earliest start among the alerts this notification is the first to report as firing (ms);
    /// nil for a repeat or a resolve. What `vigil_notification_latency_seconds` measures from.
    public var firstNewlyFiringAt: Int64?
    /// Where the group's escalation stands (policy, step, next step, acknowledgement), when it has one.
    public var escalation: NotificationEscalation?
    /// Tells an integration that follows acknowledgements (a pager with an incident of its own) that
    /// the group was acknowledged in Vigil, rather than reporting its alerts.
    public var acknowledges = false

    public init(
        receiver: String, integration: ReceiverIntegration, groupKey: String, groupLabels: Labels,
        alerts: [PipelineAlert], logEntry: NotificationLogEntry, routeID: String, decidedAt: Int64,
        firstNewlyFiringAt: Int64? = nil
    ) {
        self.receiver = receiver
        self.integration = integration
        self.groupKey = groupKey
        self.groupLabels = groupLabels
        self.alerts = alerts
        self.logEntry = logEntry
        self.routeID = routeID
        self.decidedAt = decidedAt
        self.firstNewlyFiringAt = firstNewlyFiringAt
    }

    /// `firing` when any alert still fires, else `resolved`.
    public var status: String {
        alerts.contains { $0.endsAt == 0 || $0.endsAt > decidedAt } ? "firing" : "resolved"
    }
}

/// A group's escalation as its notifications carry it (the webhook payload's `vigil.escalation` and
/// `vigil.acknowledged`).
public struct NotificationEscalation: Sendable, Equatable {
    /// Nil for a group no policy matches (only acknowledged).
    public var policy: String?
    /// The last step taken (`1`, `2`, `3r1`), if any.
    public var step: String?
    /// When the next step is due (ms), if one is left and the group is not acknowledged.
    public var nextStepAt: Int64?
    public var acknowledgement: Acknowledgement?

    public init(policy: String?, step: String?, nextStepAt: Int64?, acknowledgement: Acknowledgement?) {
        self.policy = policy
        self.step = step
        self.nextStepAt = nextStepAt
        self.acknowledgement = acknowledgement
    }

    public init(_ state: EscalationState) {
        policy = state.plan?.policy
        step = state.stepsTaken > 0 ? state.plan?.label(ofStep: state.stepsTaken - 1) : nil
        nextStepAt = state.nextStepAt
        acknowledgement = state.acknowledgement
    }
}
