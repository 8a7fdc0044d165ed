import Schedule

/// What losing one person for some days does, and the repair Vigil proposes: the answer to an
/// early-morning call saying "Dr. X is out until Friday". Dry run only.
public struct EmergencyAssessment: Sendable, Hashable {
    /// One of the person's assignments that the absence takes out.
    public struct AffectedSlot: Sendable, Hashable {
        public var date: Day
        public var session: Session
        public var rotation: String
        public var call: Bool
    }

    public var person: String
    public var from: Day
    public var to: Day
    public var affectedSlots: [AffectedSlot]
    public var affectedCalls: Int
    /// 0…0.85: how brittle the schedule is around this absence.
    public var fragility: Double
    public var strategy: EmergencyStrategy
    /// Shedding applied by a cascade or fallback repair (NORMAL for an incremental one).
    public var sheddingLevel: LoadSheddingLevel
    /// The fallback recommended when the strategy is `fallback` (nil when none keeps coverage
    /// healthy: then the strictest shedding's result is reported).
    public var fallback: FallbackScenario?
    public var reassignments: [Reassignment]
    /// Coverage over [from, to] before the absence.
    public var coverageBefore: Double
    /// Coverage over [from, to] with the absence and the repair.
    public var coverageAfter: Double
    /// Slots still short after the repair.
    public var shortSlots: Int

    public static let healthyCoverage = 0.95
    public var healthy: Bool { coverageAfter >= Self.healthyCoverage }
}

/// Why an emergency could not be assessed.
public enum EmergencyError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownPerson(String)
    case emptyRange(from: Day, to: Day)

    public var description: String {
        switch self {
        case .unknownPerson(let id): return "no person \"\(id)\" in the schedule"
        case .emptyRange(let from, let to): return "the absence ends (\(to)) before it starts (\(from))"
        }
    }
}
