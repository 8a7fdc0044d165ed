/// Where one aggregation group's escalation stands: the plan frozen onto it when it started, how
/// many steps have been taken, and whether someone has acknowledged it.
///
/// Kept in SQLite and written in the same transaction as the notifications a step sends, so a
/// restart neither stalls an escalation nor takes a step twice.
public struct EscalationState: Sendable, Equatable {
    /// The dispatcher's id of the group (route id and group key).
    public var groupID: String
    /// Alertmanager's group key, as receivers and the API show it.
    public var groupKey: String
    /// The route's receiver, notified when there is no plan (a group only acknowledged).
    public var routeReceiver: String
    /// Nil for a group no policy matches (kept only to hold an acknowledgement).
    public var plan: EscalationPlan?
    /// When the escalation started (ms).
    public var startedAt: Int64
    /// How many steps have been taken.
    public var stepsTaken: Int
    public var acknowledgement: Acknowledgement?
    /// Time spent acknowledged before an `unack` (ms): later steps move back by it, so an unack
    /// resumes from the step the escalation was at instead of firing every step that fell due.
    public var pausedFor: Int64

    public init(
        groupID: String, groupKey: String, routeReceiver: String, plan: EscalationPlan?, startedAt: Int64,
        stepsTaken: Int = 0, acknowledgement: Acknowledgement? = nil, pausedFor: Int64 = 0
    ) {
        self.groupID = groupID
        self.groupKey = groupKey
        self.routeReceiver = routeReceiver
        self.plan = plan
        self.startedAt = startedAt
        self.stepsTaken = stepsTaken
        self.acknowledgement = acknowledgement
        self.pausedFor = pausedFor
    }

    /// When the next step is due (ms): nil once every step is taken or while acknowledged.
    public var nextStepAt: Int64? {
        guard acknowledgement == nil, let plan, stepsTaken < plan.stepCount else { return nil }
        return startedAt + pausedFor + plan.offset(ofStep: stepsTaken)
    }

    /// The steps due at `now` that have not been taken, in order.
    public func dueSteps(at now: Int64) -> Range<Int> {
        guard acknowledgement == nil, let plan else { return stepsTaken..<stepsTaken }
        var end = stepsTaken
        while end < plan.stepCount, startedAt + pausedFor + plan.offset(ofStep: end) <= now { end += 1 }
        return stepsTaken..<end
    }

    /// The receivers the steps taken so far have reached (the route's receiver without a plan):
    /// they hear about later changes and the resolve.
    public func reachedTargets() -> [EscalationTarget] {
        guard let plan else { return [.receiver(routeReceiver)] }
        var seen = Set<EscalationTarget>()
        var targets: [EscalationTarget] = []
        for index in 0..<stepsTaken {
            for target in plan.targets(ofStep: index) where seen.insert(target).inserted { targets.append(target) }
        }
        return targets
    }

    /// Acknowledged by `by` through `via` at `now`; already acknowledged: unchanged (idempotent).
    public mutating func acknowledge(by: String, via: String, at now: Int64) {
        guard acknowledgement == nil else { return }
        acknowledgement = Acknowledgement(by: by, at: now, via: via)
    }

    /// Resumes the escalation from the step it was at: the time spent acknowledged is added to the
    /// pause, so the next step keeps the delay it had left when it was acknowledged.
    public mutating func unacknowledge(at now: Int64) {
        guard let acknowledgement else { return }
        pausedFor += max(0, now - acknowledgement.at)
        self.acknowledgement = nil
    }
}

/// Who acknowledged a group, when and how (`api`, `cli`, `webhook`, `link`).
public struct Acknowledgement: Sendable, Equatable, Codable {
    public var by: String
    /// ms.
    public var at: Int64
    public var via: String

    public init(by: String, at: Int64, via: String) {
        self.by = by
        self.at = at
        self.via = via
    }
}
