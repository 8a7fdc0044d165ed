import PromQL
import Rules
import TimeSeries

/// Alertmanager's aggregation group: the alerts one route gathers under one set of group labels,
/// notified together on the route's timers.
public struct AggregationGroup: Sendable, Equatable {
    /// The route's ``Route/id`` (unique in the tree).
    public let routeID: String
    /// Alertmanager's group key, `routeKey:groupLabels`: what receivers and the notification log see.
    public let key: String
    public let groupLabels: Labels
    public let options: RouteOptions
    public internal(set) var alerts: [AlertFingerprint: PipelineAlert] = [:]
    /// When the group is next flushed (ms).
    public internal(set) var nextFlush: Int64
    /// Whether the group has been flushed at least once (group_wait is over).
    public internal(set) var hasFlushed = false

    init(route: Route, groupLabels: Labels, now: Int64) {
        routeID = route.id
        key = Self.key(routeKey: route.key, groupLabels: groupLabels)
        self.groupLabels = groupLabels
        options = route.options
        nextFlush = now + route.options.groupWait
    }

    /// `{}/{severity="critical"}:{alertname="X", rotation="clinic"}`: model.LabelSet's String().
    public static func key(routeKey: String, groupLabels: Labels) -> String {
        let pairs = groupLabels.pairs.map { "\($0.name)=\(GoQuote.string($0.value))" }
        return routeKey + ":{" + pairs.joined(separator: ", ") + "}"
    }

    /// The alerts as a flush sends them: sorted as Alertmanager sorts them (by `job`, then
    /// `instance`, then the whole label set), firing ones without an end time.
    func snapshot(at now: Int64) -> [PipelineAlert] {
        alerts.values.map { alert in
            var copy = alert
            if !copy.isResolved(at: now) { copy.endsAt = 0 }
            return copy
        }.sorted(by: Self.alertmanagerOrder)
    }

    static func alertmanagerOrder(_ lhs: PipelineAlert, _ rhs: PipelineAlert) -> Bool {
        for name in ["job", "instance"] {
            let left = lhs.labels[name]
            let right = rhs.labels[name]
            switch (left, right) {
            case (nil, nil): continue
            case (nil, _): return false
            case (_, nil): return true
            case (let left?, let right?) where left != right: return left < right
            default: continue
            }
        }
        return labelSetBefore(lhs.labels, rhs.labels)
    }

    /// Prometheus' `LabelSet.Before`: fewer labels first, then the first differing value over the
    /// sorted names of both (a name missing on one side sorts that side first).
    static func labelSetBefore(_ lhs: Labels, _ rhs: Labels) -> Bool {
        if lhs.count != rhs.count { return lhs.count < rhs.count }
        let names = (lhs.pairs.map(\.name) + rhs.pairs.map(\.name)).sorted()
        for name in names {
            guard let left = lhs[name] else { return true }
            guard let right = rhs[name] else { return false }
            if left != right { return left < right }
        }
        return false
    }
}
