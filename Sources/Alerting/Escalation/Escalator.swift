import TimeSeries

/// What to send to whom now for one group, escalation included: the one decision the pipeline makes
/// per group, on the route's timers (a flush) or on a step's (a step coming due between flushes).
///
/// Without a policy the route tree alone decides (``NotificationPlanner``). With one, its steps decide
/// who hears: a step that comes due pages its receivers with the group's alerts whatever the
/// notification log says (each receiver once per step), and the receivers earlier steps reached get
/// the route's updates and repeats; an acknowledged group takes no more steps and its receivers hear
/// only of resolves. The escalation ends when the group's last visible alert resolves, so a group that
/// fires again starts over from the first step.
public struct Escalator: Sendable {
    public var policies: [EscalationPolicy]
    public var planner: NotificationPlanner
    /// The receivers an `oncall:` target stands for at a time (none until rotations are defined).
    public var resolveRotation: @Sendable (_ rotation: String, _ at: Int64) -> [String]

    public init(
        policies: [EscalationPolicy], planner: NotificationPlanner,
        resolveRotation: @escaping @Sendable (String, Int64) -> [String] = { _, _ in [] }
    ) {
        self.policies = policies
        self.planner = planner
        self.resolveRotation = resolveRotation
    }

    /// The outcome for one group.
    public struct Decision: Sendable {
        public var notifications: [GroupNotification] = []
        /// The group's escalation after the decision: unchanged, advanced, started, or nil when it
        /// ended (or never began).
        public var state: EscalationState?
        /// The steps taken now.
        public var steps: [TakenStep] = []
    }

    /// Decides `flush` at `now`. `routeFlush` is false when only a step came due: then only the
    /// receivers that step pages are notified.
    public func decide(
        _ flush: GroupFlush, state: EscalationState?, routeFlush: Bool, silences: Silences, inhibitor: Inhibitor,
        log: NotificationLog, now: Int64
    ) -> Decision {
        if planner.isMuted(by: flush.options, at: now) { return Decision(state: state) }
        let alerts = planner.visibleAlerts(flush, silences: silences, inhibitor: inhibitor, now: now)
        let firing = alerts.filter { !NotificationPlanner.isResolved($0, at: now) }
        var state = state
        if state == nil, !firing.isEmpty, let policy = policies.first(where: { $0.matches(Self.commonLabels(firing)) })
        {
            state = EscalationState(
                groupID: flush.id, groupKey: flush.groupKey, routeReceiver: flush.options.receiver, plan: policy.plan,
                startedAt: now)
        }
        guard var current = state else {
            guard routeFlush else { return Decision() }
            return Decision(
                notifications: planner.plan(
                    flush, alerts: alerts, audience: NotificationAudience(receivers: [flush.options.receiver]),
                    log: log, now: now))
        }
        var receivers = routeFlush ? receivers(of: current.reachedTargets(), at: now) : []
        var paged = Set<String>()
        var steps: [TakenStep] = []
        if !firing.isEmpty, let plan = current.plan {
            let due = current.dueSteps(at: now)
            for index in due {
                let stepReceivers = self.receivers(of: plan.targets(ofStep: index), at: now)
                for receiver in stepReceivers where !paged.contains(receiver) {
                    paged.insert(receiver)
                    if !receivers.contains(receiver) { receivers.append(receiver) }
                }
                steps.append(
                    TakenStep(
                        groupKey: current.groupKey, policy: plan.policy, step: plan.label(ofStep: index),
                        receivers: stepReceivers, at: now))
            }
            current.stepsTaken = due.upperBound
        }
        let escalation = NotificationEscalation(current)
        let notifications = planner.plan(
            flush, alerts: alerts,
            audience: NotificationAudience(
                receivers: receivers, paged: paged, acknowledged: current.acknowledgement != nil),
            log: log, now: now
        ).map { notification in
            var notification = notification
            notification.escalation = escalation
            return notification
        }
        // Everything visible has resolved: the escalation is over (after its resolves went out).
        let ended = routeFlush && !alerts.isEmpty && firing.isEmpty
        return Decision(notifications: notifications, state: ended ? nil : current, steps: steps)
    }

    /// The receivers `targets` stand for at `now`, in order, each once.
    func receivers(of targets: [EscalationTarget], at now: Int64) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for target in targets {
            let resolved: [String]
            switch target {
            case .receiver(let name): resolved = [name]
            case .oncall(let rotation): resolved = resolveRotation(rotation, now)
            }
            for name in resolved where seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// The labels every alert shares (name and value): what a policy's matchers are judged on.
    public static func commonLabels(_ alerts: [PipelineAlert]) -> Labels {
        guard let first = alerts.first else { return Labels() }
        return Labels(
            first.labels.pairs.filter { pair in alerts.dropFirst().allSatisfy { $0.labels[pair.name] == pair.value } })
    }
}

/// One escalation step taken: for the audit log and `vigil_escalation_steps_total{policy,step}`.
public struct TakenStep: Sendable, Equatable {
    public var groupKey: String
    public var policy: String
    /// `1`, `2`, … or `3r1` for the first repetition of step 3.
    public var step: String
    public var receivers: [String]
    /// ms.
    public var at: Int64

    public init(groupKey: String, policy: String, step: String, receivers: [String], at: Int64) {
        self.groupKey = groupKey
        self.policy = policy
        self.step = step
        self.receivers = receivers
        self.at = at
    }
}

/// What a flush changed in the escalations, recorded in the same transaction as its notifications.
public struct EscalationChanges: Sendable, Equatable {
    public var saved: [EscalationState] = []
    /// Group ids whose escalation ended.
    public var removed: [String] = []
    public var steps: [TakenStep] = []

    public init(saved: [EscalationState] = [], removed: [String] = [], steps: [TakenStep] = []) {
        self.saved = saved
        self.removed = removed
        self.steps = steps
    }

    public var isEmpty: Bool { saved.isEmpty && removed.isEmpty && steps.isEmpty }
}
