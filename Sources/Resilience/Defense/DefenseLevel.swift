/// The program's overall readiness, 1 GREEN … 5 BLACK, exported as `resilience_defense_level`.
public enum DefenseLevel: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case green = 1
    case yellow, orange, red, black

    public var description: String {
        switch self {
        case .green: return "GREEN"
        case .yellow: return "YELLOW"
        case .orange: return "ORANGE"
        case .red: return "RED"
        case .black: return "BLACK"
        }
    }

    public static func < (lhs: DefenseLevel, rhs: DefenseLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One layer of defense in depth, scored separately so a report can say which layer is breached.
public enum DefenseDimension: String, Sendable, Hashable, CaseIterable {
    case utilization
    case n1SinglePointsOfFailure = "n1_single_points_of_failure"
    case n2FatalPairs = "n2_fatal_pairs"
    case coverageGapSlots = "coverage_gap_slots"
    case acgmeCriticalViolations = "acgme_critical_violations"
}
