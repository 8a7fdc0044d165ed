extension IncidentBook {
    /// Stores what Vigil observed and how it oriented on incident `id`, and takes the machine's
    /// part of the method: an incident still `detected` moves to `observing`, then `orienting`,
    /// both by ``TimelineEntry/daemon``, each on the timeline. A person reviews the hypotheses and
    /// moves on to deciding.
    public mutating func observed(
        _ id: String, observation: Observation, orientation: Orientation, now: Int64
    ) throws(IncidentError) -> Incident {
        guard var incident = incidents[id] else { throw .notFound(id) }
        incident.observation = observation
        incident.orientation = orientation
        let actor = TimelineEntry.daemon
        if incident.phase == .detected {
            incident.phases.append(Incident.PhaseEntry(phase: .observing, at: now, by: actor))
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .phase, actor: actor, text: "detected → observing",
                    details: ["from": "detected", "to": "observing"]))
        }
        incident.timeline.append(
            TimelineEntry(at: now, kind: .observation, actor: actor, text: Self.summary(observation)))
        if incident.phase == .observing {
            incident.phases.append(Incident.PhaseEntry(phase: .orienting, at: now, by: actor))
            incident.timeline.append(
                TimelineEntry(
                    at: now, kind: .phase, actor: actor, text: "observing → orienting",
                    details: ["from": "observing", "to": "orienting"]))
        }
        let ranked = orientation.hypotheses.prefix(3).map {
            "\($0.mode.rawValue) \(Int(($0.confidence * 100).rounded()))%"
        }
        incident.timeline.append(
            TimelineEntry(
                at: now, kind: .orientation, actor: actor,
                text: ranked.isEmpty
                    ? "no failure mode stands out: investigate" : "likely " + ranked.joined(separator: ", "),
                details: ["leading": orientation.leading?.rawValue ?? "none"]))
        incidents[id] = incident
        return incident
    }

    /// One line of what was observed.
    static func summary(_ observation: Observation) -> String {
        var parts: [String] = []
        if let schedule = observation.schedule {
            parts.append("defense \(schedule.defenseLevel)")
            parts.append("coverage \(Orienter.percent(schedule.coverage)) (\(schedule.gapSlots) gap slots)")
            parts.append("utilization \(Orienter.percent(schedule.utilization))")
            parts.append("\(schedule.facultyOnLeave)/\(schedule.facultyTotal) faculty on leave")
            parts.append("N-1 \(schedule.n1Compliant ? "holds" : "fails (\(schedule.singlePointsOfFailure.count))")")
            parts.append("\(schedule.acgmeCritical) critical ACGME violations")
        } else {
            parts.append("no schedule loaded")
        }
        parts.append("\(observation.firingAlerts.count) alerts firing")
        if let changed = observation.slotsChangedLastDay { parts.append("\(changed) slots changed in 24 h") }
        if !observation.failedDeliveries.isEmpty {
            parts.append("\(observation.failedDeliveries.count) failed deliveries")
        }
        if !observation.scrapeFailures.isEmpty { parts.append("\(observation.scrapeFailures.count) scrapes failing") }
        return "observed: " + parts.joined(separator: ", ")
    }
}
