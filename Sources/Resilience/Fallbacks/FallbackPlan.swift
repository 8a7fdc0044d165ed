import Schedule

/// A static-stability fallback worked out in advance for the window: who the scenario takes, what
/// it suspends, the coverage the program would keep, and the reassignments that keep it.
public struct FallbackPlan: Sendable, Hashable {
    public var scenario: FallbackScenario
    /// Faculty ids lost, most critical first.
    public var lostFaculty: [String]
    public var suspendedCategories: [ActivityCategory]
    /// Slots in the window the suspension stops.
    public var suspendedActivities: Int
    /// Coverage with the loss and the suspension but no reassignment.
    public var coverageWithoutRepair: Double
    /// Coverage after the reassignments: what the fallback keeps.
    public var coverageKept: Double
    /// Slots still short after the reassignments.
    public var shortSlots: Int
    public var reassignments: [Reassignment]

    /// A fallback is healthy when it keeps at least 95% coverage.
    public static let healthyCoverage = 0.95
    public var healthy: Bool { coverageKept >= Self.healthyCoverage }
}
