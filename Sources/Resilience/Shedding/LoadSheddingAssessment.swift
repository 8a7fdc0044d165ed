import Schedule

/// What load shedding is doing now and what it should do: the current level, how many scheduled
/// activities it suspends in the window, and the lowest level that would bring utilization under
/// the target with every remaining slot covered.
public struct LoadSheddingAssessment: Sendable, Hashable {
    /// The effect of one shedding level on the window.
    public struct LevelEffect: Sendable, Hashable {
        public var level: LoadSheddingLevel
        public var utilization: Double
        /// Slots short as scheduled.
        public var coverageGapSlots: Int
        /// Slots still short once free (and freed) faculty are reassigned into the gaps.
        public var gapSlotsAfterRepair: Int
        public var suspendedActivities: Int
    }

    public var level: LoadSheddingLevel
    /// Slots in the window whose category the current level (and an active fallback) suspends.
    public var suspendedActivities: Int
    /// The lowest level that brings utilization under the target with no slot left short once
    /// freed faculty are reassigned; nil when even CRITICAL does not.
    public var recommendedLevel: LoadSheddingLevel?
    /// Every level's effect, NORMAL first (what the recommendation was chosen from).
    public var levels: [LevelEffect]

    /// Assesses `level` on `program` over `window`. `extraSuspended` are categories suspended by
    /// other means (an active fallback). Each level's effect is a fresh index: suspended slots need
    /// nobody and their faculty are free, so both utilization and gaps change.
    public init(
        current level: LoadSheddingLevel, program: Program, window: ScheduleWindow,
        extraSuspended: Set<ActivityCategory> = [], thresholds: UtilizationThresholds = .standard
    ) {
        self.level = level
        var levels: [LevelEffect] = []
        for candidate in LoadSheddingLevel.allCases {
            let index = WindowIndex(
                program: program, window: window, suspended: candidate.suspendedCategories.union(extraSuspended))
            let utilization = Utilization(index: index, thresholds: thresholds)
            levels.append(
                LevelEffect(
                    level: candidate, utilization: utilization.rate, coverageGapSlots: Coverage(index: index).gapSlots,
                    gapSlotsAfterRepair: GapRepair(index: index).shortSlots,
                    suspendedActivities: index.slots.filter(\.suspended).count))
        }
        self.levels = levels
        suspendedActivities = levels[level.rawValue].suspendedActivities
        recommendedLevel = levels.first { $0.utilization < thresholds.target && $0.gapSlotsAfterRepair == 0 }?.level
    }
}
