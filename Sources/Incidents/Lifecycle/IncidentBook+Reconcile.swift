import Alerting

extension IncidentBook {
    /// One alert group as the pipeline holds it now: its firing alerts and its acknowledgement.
    public struct Group: Sendable, Equatable {
        public var groupKey: String
        /// The group's alerts that fire now (resolved ones left out).
        public var alerts: [Alert]
        public var acknowledgement: Acknowledgement?

        public init(groupKey: String, alerts: [Alert], acknowledgement: Acknowledgement? = nil) {
            self.groupKey = groupKey
            self.alerts = alerts
            self.acknowledgement = acknowledgement
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
