/// What a route decides for the alerts it takes: who hears about them, how they are grouped and how
/// often the group is notified. Children inherit their parent's options and override some of them.
public struct RouteOptions: Sendable, Equatable {
    /// The receiver (defined in `etc/vigil.yml`) notified for this route.
    public var receiver: String
    /// Labels the alerts are grouped by, in the order written.
    public var groupBy: [String]
    /// `group_by: ['...']`: every label, so each alert is its own group.
    public var groupByAll: Bool
    /// How long a new group waits for more alerts before its first notification (ms).
    public var groupWait: Int64
    /// How long to wait before notifying about alerts added to a group already notified (ms).
    public var groupInterval: Int64
    /// How long to wait before re-sending a notification that has not changed (ms).
    public var repeatInterval: Int64
    /// Named time intervals during which the route sends nothing.
    public var muteTimeIntervals: [String]
    /// Named time intervals outside which the route sends nothing (empty: always active).
    public var activeTimeIntervals: [String]

    /// Alertmanager's defaults: 30s, 5m, 4h.
    public static let defaultGroupWait: Int64 = 30_000
    public static let defaultGroupInterval: Int64 = 300_000
    public static let defaultRepeatInterval: Int64 = 14_400_000

    public init(
        receiver: String, groupBy: [String] = [], groupByAll: Bool = false,
        groupWait: Int64 = RouteOptions.defaultGroupWait, groupInterval: Int64 = RouteOptions.defaultGroupInterval,
        repeatInterval: Int64 = RouteOptions.defaultRepeatInterval, muteTimeIntervals: [String] = [],
        activeTimeIntervals: [String] = []
    ) {
        self.receiver = receiver
        self.groupBy = groupBy
        self.groupByAll = groupByAll
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
        self.muteTimeIntervals = muteTimeIntervals
        self.activeTimeIntervals = activeTimeIntervals
    }
}
