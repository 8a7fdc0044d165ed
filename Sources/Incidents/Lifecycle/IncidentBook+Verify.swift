extension IncidentBook {
    /// What one verification did to an incident.
    public enum VerificationOutcome: Sendable, Equatable {
        /// Recovered, still holding (or waiting for the alerts to resolve).
        case holding
        /// Held for the whole time with every alert resolved: resolved.
        case resolved
        /// Not recovered: back to deciding, for the next strategy.
        case failed
    }

    /// Applies a verification `verdict` to incident `id` while it is `verifying`: a failure sends
    /// it back to deciding (by `vigil`, with the failed criteria as the reason) and takes its
    /// acknowledgement back so the escalation continues; recovery that has held for `hold` (ms)
    /// with no alert still firing resolves it. Returns nil when the incident is not verifying.
    public mutating func verify(_ id: String, verdict: Verifier.Verdict, hold: Int64, now: Int64)
        -> (incident: Incident, outcome: VerificationOutcome)?
    {
        guard var incident = incidents[id], incident.phase == .verifying else { return nil }
        let actor = TimelineEntry.daemon
        let findings = verdict.findings.joined(separator: "; ")
        guard verdict.recovered else {
            incident.recoveredSince = nil
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .verification, actor: actor, text: "not recovered: \(findings)",
                    details: ["recovered": "false"]))
            incident.phases.append(Incident.PhaseEntry(phase: .deciding, at: now, by: actor, reason: findings))
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .phase, actor: actor, text: "verifying → deciding: \(findings)",
                    details: ["from": "verifying", "to": "deciding"]))
            if let acknowledgement = incident.acknowledgement {
                incident.acknowledgement = nil
                incident.acknowledgedGroups = []
                incident.timeline.append(
                    TimelineEntry(
                        at: now, kind: .unacknowledged, actor: actor,
                        text:
                            "acknowledgement by \(acknowledgement.by) taken back: the action did not recover the program"
                    ))
            }
            incidents[id] = incident
            return (incident, .failed)
        }
        if incident.recoveredSince == nil {
            incident.recoveredSince = now
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .verification, actor: actor, text: "recovered: \(findings)",
                    details: ["recovered": "true"]))
        }
        let since = incident.recoveredSince ?? now
        guard now - since >= hold, !incident.hasFiringAlerts else {
            incidents[id] = incident
            return (incident, .holding)
        }
        incident.timeline.append(
            TimelineEntry(
                at: now, kind: .verification, actor: actor,
                text: "recovery held for \((now - since) / 60_000) minutes and the alerts have resolved",
                details: ["recovered": "true", "held_ms": String(now - since)]))
        incident.phases.append(Incident.PhaseEntry(phase: .resolved, at: now, by: actor))
        incident.timeline.append(
            TimelineEntry(
                at: now, kind: .phase, actor: actor, text: "verifying → resolved",
                details: ["from": "verifying", "to": "resolved"]))
        incidents[id] = incident
        return (incident, .resolved)
    }
}
