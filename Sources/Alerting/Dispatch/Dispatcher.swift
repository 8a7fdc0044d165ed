import Rules
import TimeSeries

/// Alertmanager's dispatcher as a value: alerts in, aggregation groups kept per route and group
/// labels, and flushes out when a group's timer is due. No clock and no timers: the caller passes
/// "now" and asks for ``nextFlushTime`` to know when to come back.
public struct Dispatcher: Sendable {
    public private(set) var route: Route
    /// By route id and group key.
    public private(set) var groups: [String: AggregationGroup] = [:]
    private var queue = FlushQueue()

    public init(route: Route) {
        self.route = route
    }

    /// Adds or updates an alert in every group its routes put it in. A new group waits `group_wait`;
    /// an alert that started more than `group_wait` ago makes a group that has not flushed yet
    /// flush at once (as Alertmanager does).
    /// Returns the ids of the groups it went into.
    @discardableResult
    public mutating func insert(_ alert: PipelineAlert, now: Int64) -> [String] {
        var ids: [String] = []
        for route in route.match(alert.labels) {
            let labels = route.groupLabels(of: alert.labels)
            let id = route.id + "\u{0}" + AggregationGroup.key(routeKey: route.key, groupLabels: labels)
            if groups[id] == nil {
                let group = AggregationGroup(route: route, groupLabels: labels, now: now)
                groups[id] = group
                queue.push(group.nextFlush, id)
            }
            // Changed in place: a copy of the group would copy its alerts with it.
            groups[id]?.alerts[alert.fingerprint] = alert
            if let group = groups[id], !group.hasFlushed, alert.startsAt + group.options.groupWait < now,
                group.nextFlush > now
            {
                groups[id]?.nextFlush = now
                queue.push(now, id)
            }
            ids.append(id)
        }
        return ids
    }

    /// When the earliest group is due, or nil when there is none.
    public var nextFlushTime: Int64? {
        mutating get {
            while let first = queue.first, groups[first.id]?.nextFlush != first.time { queue.popFirst() }
            return queue.first?.time
        }
    }

    /// The groups due at `now`, each with its alerts as sent; their timers restart at
    /// `group_interval`. Call ``completed(_:now:)`` once a flush's notifications are recorded.
    public mutating func dueFlushes(now: Int64) -> [GroupFlush] {
        var flushes: [GroupFlush] = []
        var dueIDs: [String] = []
        while let first = queue.first, first.time <= now {
            queue.popFirst()
            if groups[first.id]?.nextFlush == first.time { dueIDs.append(first.id) }
        }
        for id in dueIDs {
            guard let interval = groups[id]?.options.groupInterval else { continue }
            groups[id]?.nextFlush = now + interval
            groups[id]?.hasFlushed = true
            queue.push(now + interval, id)
            guard let group = groups[id] else { continue }
            let alerts = group.snapshot(at: now)
            guard !alerts.isEmpty else { continue }
            flushes.append(
                GroupFlush(
                    id: id, routeID: group.routeID, groupKey: group.key, groupLabels: group.groupLabels,
                    options: group.options, alerts: alerts))
        }
        if queue.count > 2 * groups.count + 1024 {
            queue.compact { time, id in groups[id]?.nextFlush == time }
        }
        return flushes.sorted { $0.groupKey < $1.groupKey }
    }

    /// Group `id`'s alerts as a flush would send them now, without touching its timers: what an
    /// escalation step that comes due between flushes sends. Nil when the group is gone or empty.
    public func currentFlush(id: String, now: Int64) -> GroupFlush? {
        guard let group = groups[id] else { return nil }
        let alerts = group.snapshot(at: now)
        guard !alerts.isEmpty else { return nil }
        return GroupFlush(
            id: id, routeID: group.routeID, groupKey: group.key, groupLabels: group.groupLabels,
            options: group.options, alerts: alerts)
    }

    /// After a flush was handled: resolved alerts not updated since are dropped, and groups left
    /// empty with them.
    public mutating func completed(_ flush: GroupFlush, now: Int64) {
        for alert in flush.alerts where alert.isResolved(at: now) && alert.endsAt != 0 {
            if let current = groups[flush.id]?.alerts[alert.fingerprint], current.updatedAt == alert.updatedAt {
                groups[flush.id]?.alerts[alert.fingerprint] = nil
            }
        }
        if groups[flush.id]?.alerts.isEmpty == true { groups[flush.id] = nil }
    }

    /// Removes an alert from every group (it was deleted from the store, e.g. garbage-collected).
    public mutating func remove(_ fingerprint: AlertFingerprint) {
        for id in groups.keys {
            groups[id]?.alerts[fingerprint] = nil
            if groups[id]?.alerts.isEmpty == true { groups[id] = nil }
        }
    }

    /// Every group, sorted by key (for the API).
    public var allGroups: [AggregationGroup] {
        groups.values.sorted { ($0.key, $0.routeID) < ($1.key, $1.routeID) }
    }
}

/// One group's notification moment: its alerts as they stand (firing ones with `endsAt` 0).
public struct GroupFlush: Sendable, Equatable {
    /// The dispatcher's id of the group.
    public let id: String
    public let routeID: String
    public let groupKey: String
    public let groupLabels: Labels
    public let options: RouteOptions
    public let alerts: [PipelineAlert]

    public init(
        id: String, routeID: String, groupKey: String, groupLabels: Labels, options: RouteOptions,
        alerts: [PipelineAlert]
    ) {
        self.id = id
        self.routeID = routeID
        self.groupKey = groupKey
        self.groupLabels = groupLabels
        self.options = options
        self.alerts = alerts
    }
}
