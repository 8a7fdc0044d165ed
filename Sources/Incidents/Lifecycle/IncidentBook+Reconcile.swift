import Alerting

extension IncidentBook {
    /// One alert group as the pipeline holds it now: its firing alerts and its acknowledgement.
    public struct Group: Sendable, Equatable {
        public var groupKey: String
        /// The group's alerts that fire now (resolved ones left out).
        public var alerts: [Alert]
        public var acknowledgement: Acknowledgement?
        /// The escalation policy and the last step it took (`critical`, `2`), if any.
        public var escalation: (policy: String, step: String)?

        public init(
            groupKey: String, alerts: [Alert], acknowledgement: Acknowledgement? = nil,
            escalation: (policy: String, step: String)? = nil
        ) {
            self.groupKey = groupKey
            self.alerts = alerts
            self.acknowledgement = acknowledgement
            self.escalation = escalation
        }

        public static func == (lhs: Group, rhs: Group) -> Bool {
            lhs.groupKey == rhs.groupKey && lhs.alerts == rhs.alerts && lhs.acknowledgement == rhs.acknowledgement
                && lhs.escalation?.policy == rhs.escalation?.policy && lhs.escalation?.step == rhs.escalation?.step
        }
    }

    /// Brings the incidents in line with the alert groups as they stand at `now`: alerts that
    /// fire open or join incidents, alerts no longer firing are recorded as resolved, a group's
    /// acknowledgement acknowledges its incidents and a group's taken-back acknowledgement takes
    /// theirs back. Level-based, so a missed moment (a restart, a reload) is caught at the next
    /// call. Returns the incidents changed, each once, in id order.
    public mutating func reconcile(_ groups: [Group], policies: [IncidentPolicy], now: Int64) -> [Incident] {
        var changed: [String: Incident] = [:]
        var firing: Set<String> = []
        for group in groups {
            for alert in group.alerts {
                firing.insert(alert.fingerprint)
                if alert.suppressed { continue }
                if let incident = alertFired(alert, policies: policies, now: now) { changed[incident.id] = incident }
            }
        }
        for incident in incidents.values.sorted(by: { $0.id < $1.id }) {
            for (fingerprint, isFiring) in incident.alerts.sorted(by: { $0.key < $1.key })
            where isFiring && !firing.contains(fingerprint) {
                let name =
                    incident.timeline.last { $0.details["fingerprint"] == fingerprint }?.details["alertname"]
                    ?? fingerprint
                for resolved in alertResolved(fingerprint: fingerprint, name: name, now: now) {
                    changed[resolved.id] = resolved
                }
            }
        }
        // Escalation steps taken for an incident's groups go on its timeline, once each.
        for group in groups {
            guard let escalation = group.escalation else { continue }
            let mark = "\(escalation.policy)/\(escalation.step)"
            for var incident in incidents.values.sorted(by: { $0.id < $1.id })
            where incident.isOpen && incident.groupKeys.contains(group.groupKey)
                && incident.escalationSteps[group.groupKey] != mark
            {
                incident.escalationSteps[group.groupKey] = mark
                incident.timeline.append(
                    TimelineEntry(
                        at: now, kind: .notificationSent, actor: TimelineEntry.daemon,
                        text: "escalation policy \(escalation.policy) took step \(escalation.step)",
                        details: ["group_key": group.groupKey, "policy": escalation.policy, "step": escalation.step]))
                incidents[incident.id] = incident
                changed[incident.id] = incident
            }
        }
        for group in groups {
            if let acknowledgement = group.acknowledgement {
                for incident in groupAcknowledged(group.groupKey, by: acknowledgement.by, now: now) {
                    changed[incident.id] = incident
                }
                // Already acknowledged: remember the group, so its un-acknowledgement is noticed.
                for var incident in incidents.values
                where incident.acknowledgement != nil && incident.groupKeys.contains(group.groupKey)
                    && !incident.acknowledgedGroups.contains(group.groupKey)
                {
                    incident.acknowledgedGroups.append(group.groupKey)
                    incidents[incident.id] = incident
                    changed[incident.id] = incident
                }
            } else {
                let taken = incidents.values.contains {
                    $0.acknowledgement != nil && $0.acknowledgedGroups.contains(group.groupKey)
                }
                if taken {
                    for incident in groupUnacknowledged(
                        group.groupKey, by: TimelineEntry.daemon,
                        reason: "alert group \(group.groupKey) is no longer acknowledged", now: now)
                    {
                        changed[incident.id] = incident
                    }
                }
            }
        }
        return changed.values.sorted { $0.id < $1.id }
    }
}
