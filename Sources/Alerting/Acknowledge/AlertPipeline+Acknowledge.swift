import Rules

/// What an acknowledgement names: one aggregation group by its key, or every group holding one alert.
public enum AckTarget: Sendable, Equatable {
    case group(String)
    case alert(AlertFingerprint)
    /// The group whose key has this digest (``AckLink/digest(ofGroupKey:)``): what a compact link names.
    case groupDigest(UInt64)
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

/// One acknowledgement to take: what, of which groups, by whom, how, from where and when (ms).
public struct AckCommand: Sendable, Equatable {
    public var action: AckRecord.Action
    public var target: AckTarget
    public var by: String
    public var via: String
    public var source: String
    public var now: Int64

    public init(action: AckRecord.Action, target: AckTarget, by: String, via: String, source: String, now: Int64) {
        self.action = action
        self.target = target
        self.by = by
        self.via = via
        self.source = source
        self.now = now
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
        let command = AckCommand(action: action, target: target, by: by, via: via, source: source, now: now)
        return try acknowledge([command])[0].get()
    }

    /// Takes `commands` in order, each seeing the ones before it, and saves the acknowledgements and
    /// un-acknowledgements among them in one transaction (a `resolve` is saved on its own): under a
    /// burst of acks the cost of a commit is shared. One result per command; when a save fails, every
    /// command it held fails and nothing of them takes effect.
    public func acknowledge(_ commands: [AckCommand]) -> [Result<[AckRecord], AckError>] {
        var results: [Result<[AckRecord], AckError>] = Array(repeating: .success([]), count: commands.count)
        // The batch not saved yet: each changed group's state (nil: forgotten) and each command's records.
        var changed: [String: EscalationState?] = [:]
        var held: [(index: Int, records: [AckRecord])] = []
        func commit() {
            guard !held.isEmpty else { return }
            let saved = changed.values.compactMap { $0 }
            let removed = changed.compactMap { $0.value == nil ? $0.key : nil }
            do {
                try commitAcknowledgements(
                    saved: saved, removed: removed, records: held.flatMap(\.records),
                    now: commands[held[held.count - 1].index].now)
                for (index, records) in held { results[index] = .success(records) }
            } catch {
                for (index, _) in held { results[index] = .failure(error) }
            }
            changed = [:]
            held = []
        }
        for (index, command) in commands.enumerated() {
            let groups = groupsNamed(by: command.target)
            guard !groups.isEmpty else {
                switch command.target {
                case .group(let key): results[index] = .failure(.notFound("no alert group with key \(key)"))
                case .alert(let fingerprint):
                    results[index] = .failure(.notFound("no alert with fingerprint \(fingerprint) in any group"))
                case .groupDigest: results[index] = .failure(.notFound("the group this link names has ended"))
                }
                continue
            }
            if command.action == .resolve {
                commit()
                results[index] = Result { () throws(AckError) in
                    try resolveByHand(
                        groups, by: command.by, via: command.via, source: command.source, now: command.now)
                }
                continue
            }
            var records: [AckRecord] = []
            for group in groups {
                let id = group.routeID + "\u{0}" + group.key
                let before: EscalationState? = if let pending = changed[id] { pending } else { escalations[id] }
                var state =
                    before
                    ?? EscalationState(
                        groupID: id, groupKey: group.key, routeReceiver: group.options.receiver, plan: nil,
                        startedAt: command.now)
                switch command.action {
                case .ack: state.acknowledge(by: command.by, via: command.via, at: command.now)
                case .unack, .resolve: state.unacknowledge(at: command.now)
                }
                guard state != before, !(before == nil && state.acknowledgement == nil) else { continue }
                changed[id] = state.plan == nil && state.acknowledgement == nil ? .some(nil) : state
                records.append(
                    AckRecord(
                        action: command.action, groupKey: group.key, by: command.by, via: command.via,
                        source: command.source, at: command.now))
            }
            if !records.isEmpty { held.append((index, records)) }
        }
        commit()
        return results
    }

    /// The groups an acknowledgement names.
    func groupsNamed(by target: AckTarget) -> [AggregationGroup] {
        switch target {
        case .group(let key): groupsWithKey(key)
        case .alert(let fingerprint): groupsHolding(fingerprint)
        case .groupDigest(let digest):
            dispatcher.groups.values.filter { AckLink.digest(ofGroupKey: $0.key) == digest }.sorted {
                $0.routeID < $1.routeID
            }
        }
    }
}
