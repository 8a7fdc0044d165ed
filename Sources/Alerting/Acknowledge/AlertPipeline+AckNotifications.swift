extension AlertPipeline {
    /// What tells the integrations that follow acknowledgements (PagerDuty) that the groups
    /// `groupIDs` were acknowledged in Vigil: one notification per such integration whose last
    /// notification of the group reported firing alerts (it has an open incident to acknowledge).
    /// The log entry is the one already there: an acknowledgement changes nothing it records.
    func acknowledgementNotifications(for groupIDs: [String], now: Int64) -> [GroupNotification] {
        var notifications: [GroupNotification] = []
        let followers = config.planner.receivers.sorted { $0.key < $1.key }.flatMap { receiver, integrations in
            integrations.filter(\.followsAcknowledgements).map { (receiver: receiver, integration: $0) }
        }
        guard !followers.isEmpty else { return [] }
        for id in groupIDs {
            guard let group = dispatcher.groups[id] else { continue }
            let firing = group.snapshot(at: now).filter { $0.endsAt == 0 }
            guard !firing.isEmpty else { continue }
            for (receiver, integration) in followers {
                let key = NotificationLogKey(receiver: receiver, integration: integration.name, groupKey: group.key)
                guard let entry = log[key], !entry.firing.isEmpty else { continue }
                var notification = GroupNotification(
                    receiver: receiver, integration: integration, groupKey: group.key, groupLabels: group.groupLabels,
                    alerts: firing, logEntry: entry, routeID: group.routeID, decidedAt: now)
                notification.acknowledges = true
                notifications.append(notification)
            }
        }
        return notifications
    }
}
