import Rules
import TimeSeries

/// Alertmanager's dispatcher as a value: alerts in, aggregation groups kept per route and group
/// labels, and flushes out when a group's timer is due. No clock and no timers: the caller passes
/// "now" and asks for ``nextFlushTime`` to know when to come back.
public struct Dispatcher: Sendable {
    public private(set) var route: Route
    /// By route id and group key.
    public private(set) var groups: [String: AggregationGroup] = [:]

    public init(route: Route) {
        self.route = route
    }

    /// Adds or updates an alert in every group its routes put it in. A new group waits `group_wait`;
    /// an alert that started more than `group_wait` ago makes a group that has not flushed yet
    /// flush at once (as Alertmanager does).
    public mutating func insert(_ alert: PipelineAlert, now: Int64) {
        for route in route.match(alert.labels) {
            let labels = route.groupLabels(of: alert.labels)
            let id = route.id + "\u{0}" + AggregationGroup.key(routeKey: route.key, groupLabels: labels)
            var group = groups[id] ?? AggregationGroup(route: route, groupLabels: labels, now: now)
            group.alerts[alert.fingerprint] = alert
            if !group.hasFlushed && alert.startsAt + group.options.groupWait < now {
                group.nextFlush = min(group.nextFlush, now)
            }
            groups[id] = group
        }
    }

    /// When the earliest group is due, or nil when there is none.
    public var nextFlushTime: Int64? {
        groups.values.map(\.nextFlush).min()
    }

    /// The groups due at `now`, each with its alerts as sent; their timers restart at
    /// `group_interval`. Call ``completed(_:now:)`` once a flush's notifications are recorded.
    public mutating func dueFlushes(now: Int64) -> [GroupFlush] {
        var flushes: [GroupFlush] = []
        // The due ids first: mutating the dictionary while iterating it would copy it whole each time.
        let dueIDs = groups.compactMap { $0.value.nextFlush <= now ? $0.key : nil }
        for id in dueIDs {
            guard var group = groups[id] else { continue }
            group.nextFlush = now + group.options.groupInterval
            group.hasFlushed = true
            groups[id] = group
            let alerts = group.snapshot(at: now)
            guard !alerts.isEmpty else { continue }
            flushes.append(
                GroupFlush(
                    id: id, routeID: group.routeID, groupKey: group.key, groupLabels: group.groupLabels,
                    options: group.options, alerts: alerts))
        }
        return flushes.sorted { $0.groupKey < $1.groupKey }
    }

    /// After a flush was handled: resolved alerts not updated since are dropped, and groups left
    /// empty with them.
    public mutating func completed(_ flush: GroupFlush, now: Int64) {
        guard var group = groups[flush.id] else { return }
        for alert in flush.alerts where alert.isResolved(at: now) && alert.endsAt != 0 {
            if let current = group.alerts[alert.fingerprint], current.updatedAt == alert.updatedAt {
                group.alerts[alert.fingerprint] = nil
            }
        }
        groups[flush.id] = group.alerts.isEmpty ? nil : group
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
