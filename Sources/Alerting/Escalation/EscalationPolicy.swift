import TimeSeries

/// One of the program's escalation policies (`escalation_policies` in `rules/escalation.yml`): which
/// aggregation groups it takes over and the order in which people are paged about them.
///
/// Alertmanager leaves escalation out; this is what PagerDuty and Grafana OnCall call an escalation
/// policy. The first policy whose matchers match a group's common labels applies to it; a group no
/// policy matches is notified by the route tree alone.
public struct EscalationPolicy: Sendable, Equatable {
    public var name: String
    /// Alertmanager matchers, all of which a group's common labels must satisfy.
    public var matchers: [LabelMatcher]
    /// The steps, repeat included: what is frozen onto a group when its escalation starts.
    public var plan: EscalationPlan

    public init(name: String, matchers: [LabelMatcher], plan: EscalationPlan) {
        self.name = name
        self.matchers = matchers
        self.plan = plan
    }

    /// Whether every matcher matches `labels`.
    public func matches(_ labels: Labels) -> Bool {
        matchers.allSatisfy { $0.matches(labels) }
    }
}

/// A policy's steps as a group carries them once its escalation has started: editing the file later
/// does not change who an already escalating group pages next.
public struct EscalationPlan: Sendable, Equatable, Codable {
    /// The policy's name.
    public var policy: String
    /// In order, with non-decreasing delays.
    public var steps: [EscalationStep]
    /// Loops the last step, if set.
    public var `repeat`: EscalationRepeat?
    /// `reopen_on_new_alerts`: whether an alert that starts firing in an acknowledged group takes
    /// the acknowledgement back, so the escalation resumes (default true: an ack covers what the
    /// person saw, not what came after).
    public var reopenOnNewAlerts: Bool

    public init(
        policy: String, steps: [EscalationStep], repeat: EscalationRepeat? = nil, reopenOnNewAlerts: Bool = true
    ) {
        self.policy = policy
        self.steps = steps
        self.repeat = `repeat`
        self.reopenOnNewAlerts = reopenOnNewAlerts
    }

    private enum CodingKeys: String, CodingKey {
        case policy, steps, `repeat`, reopenOnNewAlerts
    }

    /// Plans saved before `reopen_on_new_alerts` existed have no such key: they reopen (the default).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        policy = try container.decode(String.self, forKey: .policy)
        steps = try container.decode([EscalationStep].self, forKey: .steps)
        `repeat` = try container.decodeIfPresent(EscalationRepeat.self, forKey: .repeat)
        reopenOnNewAlerts = try container.decodeIfPresent(Bool.self, forKey: .reopenOnNewAlerts) ?? true
    }

    /// How many steps there are, counting each repetition of the last one.
    public var stepCount: Int {
        steps.isEmpty ? 0 : steps.count + (`repeat`?.times ?? 0)
    }

    /// How long after the escalation started step `index` is due (ms).
    public func offset(ofStep index: Int) -> Int64 {
        guard let last = steps.last else { return 0 }
        if index < steps.count { return steps[index].after }
        let every = `repeat`?.every ?? 0
        return last.after + Int64(index - steps.count + 1) * every
    }

    /// Who step `index` notifies (a repetition notifies the last step's targets again).
    public func targets(ofStep index: Int) -> [EscalationTarget] {
        guard !steps.isEmpty else { return [] }
        return steps[min(index, steps.count - 1)].notify
    }

    /// The step's name in metrics and the audit log: its position from 1, a repetition as `3r2`
    /// (the second repeat of step 3).
    public func label(ofStep index: Int) -> String {
        if index < steps.count { return "\(index + 1)" }
        return "\(steps.count)r\(index - steps.count + 1)"
    }
}

/// One step: after how long, whom.
public struct EscalationStep: Sendable, Equatable, Codable {
    /// Since the escalation started (ms).
    public var after: Int64
    public var notify: [EscalationTarget]

    public init(after: Int64, notify: [EscalationTarget]) {
        self.after = after
        self.notify = notify
    }
}

/// `repeat: {every: 30m, times: 3}`: the last step again, `times` more times, `every` apart.
public struct EscalationRepeat: Sendable, Equatable, Codable {
    /// ms.
    public var every: Int64
    public var times: Int

    public init(every: Int64, times: Int) {
        self.every = every
        self.times = times
    }
}

/// Whom a step notifies: a receiver of `etc/vigil.yml`, or whoever is on call in a rotation
/// (`oncall:<rotation>`), resolved when the step is taken.
public enum EscalationTarget: Sendable, Hashable, Codable, CustomStringConvertible {
    case receiver(String)
    case oncall(String)

    /// Reads `on_call_admin` or `oncall:clinic`.
    public init(text: String) {
        if text.hasPrefix("oncall:") {
            self = .oncall(String(text.dropFirst("oncall:".count)))
        } else {
            self = .receiver(text)
        }
    }

    public var description: String {
        switch self {
        case .receiver(let name): name
        case .oncall(let rotation): "oncall:" + rotation
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(text: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
