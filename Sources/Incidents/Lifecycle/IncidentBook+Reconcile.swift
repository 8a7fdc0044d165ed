import Alerting

extension IncidentBook {
    /// One notification of an alert group as the outbox holds it now: where it goes and what
    /// became of it so far.
    public struct Delivery: Sendable, Equatable {
        public enum Outcome: Sendable, Equatable {
            /// The gateway accepted it.
            case delivered
            /// The last attempt failed; it will be tried again.
            case failed(attempts: Int, error: String)
            /// Refused for good, or too old: a dead letter until re-sent by hand.
            case dead(attempts: Int, error: String)
            /// Not attempted yet.
            case pending
        }

        /// The outbox message id.
        public var id: String
        public var receiver: String
        public var integration: String
        /// `firing` or `resolved`.
        public var status: String
        /// When it was queued (ms).
        public var createdAt: Int64
        public var outcome: Outcome

        public init(
            id: String, receiver: String, integration: String, status: String, createdAt: Int64, outcome: Outcome
        ) {
            self.id = id
            self.receiver = receiver
            self.integration = integration
            self.status = status
            self.createdAt = createdAt
            self.outcome = outcome
        }

        /// What the timeline remembers of it (nil: nothing to record yet).
        var mark: String? {
            switch outcome {
            case .delivered: "delivered"
            case .failed(let attempts, _): "failed:\(attempts)"
            case .dead: "dead"
            case .pending: nil
            }
        }
    }

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
                        at: now, kind: .escalation, actor: TimelineEntry.daemon,
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

extension IncidentBook {
    /// How long before an incident opened a notification of its group still counts as its own:
    /// the group's first notification is queued `group_wait` after the alert, around the opening.
    public static let deliveryLookback: Int64 = 10 * 60_000

    /// The group keys of open incidents, and since when their notifications count (ms): what
    /// the caller reads from the outbox for ``delivered(_:now:)``.
    public var deliveryWatch: (groupKeys: Set<String>, since: Int64)? {
        let open = incidents.values.filter(\.isOpen)
        let keys = Set(open.flatMap(\.groupKeys))
        guard !keys.isEmpty, let first = open.map(\.detectedAt).min() else { return nil }
        return (keys, first - Self.deliveryLookback)
    }

    /// Puts the outcomes of notifications (by group key) not yet recorded on the timelines of the
    /// open incidents those groups belong to, each outcome once: a delivery as
    /// `notification_sent`, a failed attempt or a dead letter as `notification_failed`. Returns
    /// the incidents changed, in id order.
    public mutating func delivered(_ deliveries: [String: [Delivery]], now: Int64) -> [Incident] {
        var changed: [Incident] = []
        for var incident in incidents.values.sorted(by: { $0.id < $1.id }) where incident.isOpen {
            var touched = false
            let mine = incident.groupKeys.flatMap { key in (deliveries[key] ?? []).map { (key, $0) } }
            for (groupKey, delivery) in mine.sorted(by: { ($0.1.createdAt, $0.1.id) < ($1.1.createdAt, $1.1.id) })
            where delivery.createdAt >= incident.detectedAt - Self.deliveryLookback {
                guard let mark = delivery.mark, incident.deliveries[delivery.id] != mark else { continue }
                incident.deliveries[delivery.id] = mark
                incident.timeline.append(Self.entry(delivery, groupKey: groupKey, now: now))
                touched = true
            }
            if touched {
                incidents[incident.id] = incident
                changed.append(incident)
            }
        }
        return changed
    }

    static func entry(_ delivery: Delivery, groupKey: String, now: Int64) -> TimelineEntry {
        var details = [
            "group_key": groupKey, "message": delivery.id, "receiver": delivery.receiver,
            "integration": delivery.integration, "status": delivery.status,
        ]
        let what = "\(delivery.status) notification to \(delivery.receiver) (\(delivery.integration))"
        switch delivery.outcome {
        case .delivered, .pending:
            return TimelineEntry(
                at: now, kind: .notificationSent, actor: TimelineEntry.daemon, text: "\(what) delivered",
                details: details)
        case .failed(let attempts, let error):
            details["attempts"] = "\(attempts)"
            details["error"] = error
            return TimelineEntry(
                at: now, kind: .notificationFailed, actor: TimelineEntry.daemon,
                text: "\(what) failed (attempt \(attempts)): \(error); it stays queued and is retried",
                details: details)
        case .dead(let attempts, let error):
            details["attempts"] = "\(attempts)"
            details["error"] = error
            details["dead"] = "true"
            return TimelineEntry(
                at: now, kind: .notificationFailed, actor: TimelineEntry.daemon,
                text: "\(what) given up after \(attempts) attempts: \(error); it waits as a dead letter to be re-sent",
                details: details)
        }
    }
}
