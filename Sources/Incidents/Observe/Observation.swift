/// What Vigil saw when an incident opened: the method's "observe" step done by the machine, stored
/// with the incident so the people orienting (and the post-mortem) read the system as it was,
/// not as it is later.
public struct Observation: Sendable, Equatable, Codable {
    /// The engine's view of the schedule; nil when no schedule was loaded.
    public struct Schedule: Sendable, Equatable, Codable {
        /// One dimension behind the defense level.
        public struct Driver: Sendable, Equatable, Codable {
            public var dimension: String
            public var value: Double
            public var score: Int
        }

        /// A person whose loss leaves slots nobody can fill.
        public struct Loss: Sendable, Equatable, Codable {
            public var people: [String]
            public var unfillableSlots: Int
        }

        /// One ACGME violation, as a coordinator reads it.
        public struct Violation: Sendable, Equatable, Codable {
            public var rule: String
            public var severity: String
            public var person: String
            /// The residents it concerns (for a supervision rule, those in the slot).
            public var people: [String]
            public var message: String
        }

        /// One slot without the faculty it needs.
        public struct Gap: Sendable, Equatable, Codable {
            public var date: String
            public var session: String
            public var rotation: String
            public var need: Int
            public var coverage: Int
            /// Faculty assigned to it who are absent that day.
            public var absent: [String]
        }

        public var program: String
        /// The window's first day and length.
        public var from: String
        public var days: Int
        public var defenseLevel: String
        public var drivers: [Driver]
        public var utilization: Double
        public var utilizationLevel: String
        public var coverage: Double
        public var gapSlots: Int
        /// The first gap slots (at most ``Observer/listLimit``), in date order.
        public var gaps: [Gap]
        public var facultyTotal: Int
        public var facultyOnLeave: Int
        public var n1Compliant: Bool
        public var singlePointsOfFailure: [Loss]
        /// Nil when N-2 was not computed.
        public var n2Compliant: Bool?
        public var fatalPairs: [Loss]
        public var acgmeCritical: Int
        public var acgmeViolations: [Violation]
        public var sheddingLevel: Int
        public var recommendedSheddingLevel: Int?
        public var activeFallback: String?
    }

    /// A delivery that failed in the last 30 minutes.
    public struct FailedDelivery: Sendable, Equatable, Codable {
        public var receiver: String
        public var integration: String
        public var error: String
        public var at: Int64

        public init(receiver: String, integration: String, error: String, at: Int64) {
            self.receiver = receiver
            self.integration = integration
            self.error = error
            self.at = at
        }
    }

    /// ms.
    public var at: Int64
    public var schedule: Schedule?
    /// Every firing alert, as `name{labels}`.
    public var firingAlerts: [String]
    /// Schedule slots changed by pushes in the last 24 hours (nil when unknown).
    public var slotsChangedLastDay: Int?
    /// The last schedule change in the last 24 hours: who and which slots (nil when none known).
    public var lastChange: ScheduleDiff?
    public var failedDeliveries: [FailedDelivery]
    /// Scrape targets (`job/instance`) that failed in the last 30 minutes.
    public var scrapeFailures: [String]
}
