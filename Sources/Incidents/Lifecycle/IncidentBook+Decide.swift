import Foundation

extension IncidentBook {
    /// Records Vigil's proposals on incident `id` (each on the timeline).
    public mutating func proposed(_ id: String, proposals: [Proposal], now: Int64) throws(IncidentError) -> Incident {
        guard var incident = incidents[id] else { throw .notFound(id) }
        for proposal in proposals {
            incident.proposals.append(proposal)
            var text = "proposal \(proposal.number): \(proposal.summary)"
            if let effect = proposal.expected { text += "; expected \(effect)" }
            if proposal.needsApproval { text += " (needs approval)" }
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .proposal, actor: TimelineEntry.daemon, text: text,
                    details: ["proposal": String(proposal.number), "strategy": proposal.strategy.rawValue]))
        }
        incidents[id] = incident
        return incident
    }

    /// The next proposal number on incident `id`.
    public func nextProposalNumber(_ id: String) -> Int {
        (incidents[id]?.proposals.map(\.number).max() ?? 0) + 1
    }

    /// The strategies already acted on for incident `id` (`load_shedding:3`, `fallback:…`, `rollback`,
    /// `repair:<person>`).
    public func triedStrategies(_ id: String) -> Set<String> {
        Set(
            incidents[id]?.proposals.filter { $0.appliedAt != nil }.map { proposal in
                switch proposal.strategy {
                case .loadShedding: "load_shedding:\(proposal.sheddingLevel ?? 0)"
                case .fallback: "fallback:\(proposal.fallback ?? "")"
                case .rollback: "rollback"
                case .repair: "repair:\(proposal.person ?? "")"
                case .investigate: "investigate"
                }
            } ?? [])
    }

    /// A named person approves proposal `number` of incident `id` (on the record).
    public mutating func approve(_ id: String, proposal number: Int, by actor: String, now: Int64)
        throws(IncidentError) -> Incident
    {
        guard var incident = incidents[id] else { throw .notFound(id) }
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else { throw .actorRequired }
        guard let index = incident.proposals.firstIndex(where: { $0.number == number }) else {
            throw .unknownProposal(id: id, number: number)
        }
        guard incident.proposals[index].appliedAt == nil else { throw .proposalApplied(id: id, number: number) }
        if incident.proposals[index].approval == nil {
            incident.proposals[index].approval = Proposal.Approval(by: actor, at: now)
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .approval, actor: actor,
                    text: "approved proposal \(number): \(incident.proposals[index].summary)",
                    details: ["proposal": String(number)]))
        }
        incidents[id] = incident
        return incident
    }

    /// Acts on proposal `number`: from `deciding`, once cleared (approved when it must be), the
    /// incident moves to `acting` and the proposal is marked applied. Returns the proposal for
    /// the caller to carry out (and report with ``recordAction(_:text:details:by:now:)``).
    public mutating func act(_ id: String, proposal number: Int, by actor: String, now: Int64)
        throws(IncidentError) -> (incident: Incident, proposal: Proposal)
    {
        guard var incident = incidents[id] else { throw .notFound(id) }
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else { throw .actorRequired }
        guard incident.phase == .deciding else { throw .notDeciding(id: id, phase: incident.phase) }
        guard let index = incident.proposals.firstIndex(where: { $0.number == number }) else {
            throw .unknownProposal(id: id, number: number)
        }
        let proposal = incident.proposals[index]
        guard proposal.appliedAt == nil else { throw .proposalApplied(id: id, number: number) }
        guard proposal.isCleared else {
            throw .approvalRequired(id: id, number: number, summary: proposal.summary)
        }
        incident.proposals[index].appliedAt = now
        incident.phases.append(Incident.PhaseEntry(phase: .acting, at: now, by: actor))
        incident.timeline.append(
            TimelineEntry(
                at: now, kind: .phase, actor: actor, text: "deciding → acting on proposal \(number)",
                details: ["from": "deciding", "to": "acting", "proposal": String(number)]))
        incidents[id] = incident
        return (incident, incident.proposals[index])
    }

    /// Records what an action did (before/after figures, or why it failed).
    public mutating func recordAction(
        _ id: String, text: String, details: [String: String], by actor: String, now: Int64
    ) throws(IncidentError) -> Incident {
        guard var incident = incidents[id] else { throw .notFound(id) }
        incident.timeline.append(TimelineEntry(at: now, kind: .action, actor: actor, text: text, details: details))
        incidents[id] = incident
        return incident
    }
}
