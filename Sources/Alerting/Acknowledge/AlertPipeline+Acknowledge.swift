import Rules

/// What an acknowledgement names: one aggregation group by its key, or every group holding one alert.
public enum AckTarget: Sendable, Equatable {
    case group(String)
    case alert(AlertFingerprint)
}

/// Why an acknowledgement changed nothing.
public enum AckError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(String)
    case storage(String)

    public var description: String {
        switch self {
        case .notFound(let what): what
        case .storage(let message): "cannot save the acknowledgement: \(message)"
        }
    }
}

/// Counter key of `vigil_escalation_steps_total`.
public struct StepCounterKey: Sendable, Hashable {
    public var policy: String
    public var step: String

    public init(policy: String, step: String) {
        self.policy = policy
        self.step = step
    }
}

/// Counter key of `vigil_acks_total`.
public struct AckCounterKey: Sendable, Hashable {
    public var action: String
    public var via: String

    public init(action: String, via: String) {
        self.action = action
        self.via = via
    }
}

extension AlertPipeline {
    /// Acknowledges (or un-acknowledges, or resolves) the groups `target` names. An acknowledged group
    /// takes no more escalation steps and its receivers hear only of resolves; `unack` resumes the
    /// escalation from the step it was at; `resolve` ends the groups' firing alerts by hand until they
    /// fire again (a new episode), which ends the escalation with the resolve notification.
    /// Acknowledging an acknowledged group changes nothing and is no error.
    /// Saved with its audit entries before it takes effect; returns what changed.
    @discardableResult
    public func acknowledge(
        _ action: AckRecord.Action, target: AckTarget, by: String, via: String, source: String, now: Int64
    ) throws(AckError) -> [AckRecord] {
        let groups = groupsNamed(by: target)
        guard !groups.isEmpty else {
            switch target {
            case .group(let key): throw .notFound("no alert group with key \(key)")
            case .alert(let fingerprint): throw .notFound("no alert with fingerprint \(fingerprint) in any group")
            }
        }
        if action == .resolve { return try resolveByHand(groups, by: by, via: via, source: source, now: now) }
        var saved: [EscalationState] = []
        var removed: [String] = []
        var records: [AckRecord] = []
        for group in groups {
            let id = group.routeID + "\u{0}" + group.key
            let before = escalations[id]
            var state =
                before
                ?? EscalationState(
                    groupID: id, groupKey: group.key, routeReceiver: group.options.receiver, plan: nil, startedAt: now)
            switch action {
            case .ack: state.acknowledge(by: by, via: via, at: now)
            case .unack, .resolve: state.unacknowledge(at: now)
            }
            guard state != before, !(before == nil && state.acknowledgement == nil) else { continue }
            if state.plan == nil && state.acknowledgement == nil {
                removed.append(id)
            } else {
                saved.append(state)
            }
            records.append(AckRecord(action: action, groupKey: group.key, by: by, via: via, source: source, at: now))
        }
        try commitAcknowledgements(saved: saved, removed: removed, records: records)
        return records
    }

    /// The groups an acknowledgement names.
    func groupsNamed(by target: AckTarget) -> [AggregationGroup] {
        switch target {
        case .group(let key): groupsWithKey(key)
        case .alert(let fingerprint): groupsHolding(fingerprint)
        }
    }
}
