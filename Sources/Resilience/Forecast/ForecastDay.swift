import Schedule

/// One day of the forecast: the engine's utilization of that day alone (as for a one-day window),
/// its band, the slots short of faculty and who is on leave.
public struct ForecastDay: Sendable, Hashable {
    public var day: Day
    /// Utilization of this day: required faculty sessions / available ones (see ``Utilization``).
    public var utilization: Utilization
    /// Slots that day with fewer faculty present than they need.
    public var gapSlots: Int
    /// Faculty absent that day, sorted.
    public var onLeave: [String]
    /// The day's coverage by session (AM, PM): what the schedule page's heatmap shows.
    public var sessions: [SessionCoverage] = []

    /// One half-day's coverage: faculty needed, needs met, slots short.
    public struct SessionCoverage: Sendable, Hashable {
        public var session: Session
        public var need: Int
        public var covered: Int
        public var gapSlots: Int

        public init(session: Session, need: Int, covered: Int, gapSlots: Int) {
            self.session = session
            self.need = need
            self.covered = covered
            self.gapSlots = gapSlots
        }

        /// covered / need; 1 when nothing needs faculty.
        public var rate: Double { need > 0 ? Double(covered) / Double(need) : 1 }
    }

    public init(
        day: Day, utilization: Utilization, gapSlots: Int, onLeave: [String], sessions: [SessionCoverage] = []
    ) {
        self.day = day
        self.utilization = utilization
        self.gapSlots = gapSlots
        self.onLeave = onLeave
        self.sessions = sessions
    }

    public var level: UtilizationLevel { utilization.level }
}
