/// How close the program is to a phase transition — the point where a stretched schedule stops
/// degrading gently and starts failing all at once. The seed system's indicators, from data Vigil
/// has: utilization above 0.85, 0.90 and 0.95 (each counts, as queues blow up near saturation),
/// and schedule churn above 10 and 20 changed slots in the last 7 days (each counts). The risk is
/// the number of indicators, capped at 3: low (0), medium (1), high (2), critical (3).
/// Exported as `resilience_phase_transition_risk`.
public struct PhaseTransitionRisk: Sendable, Hashable {
    public enum Level: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case low, medium, high, critical

        public var description: String {
            switch self {
            case .low: return "low"
            case .medium: return "medium"
            case .high: return "high"
            case .critical: return "critical"
            }
        }
    }

    public static let utilizationMarks = [0.85, 0.90, 0.95]
    public static let churnMarks = [10, 20]

    public var level: Level
    /// Each indicator present, as a sentence fragment ("utilization 93% above 90%").
    public var indicators: [String]
    public var utilization: Double
    /// Slots changed in the last 7 days; nil when unknown (no stored schedule history, e.g. offline).
    public var churn: Int?

    public init(utilization: Double, churn: Int?) {
        self.utilization = utilization
        self.churn = churn
        var indicators: [String] = []
        let mark = { (value: Double) in "\(Int((value * 100).rounded()))%" }
        // One decimal, so 90.4% never reads "90% above 90%".
        let rate = "\(Double(Int((utilization * 1000).rounded())) / 10)%"
        for threshold in Self.utilizationMarks where utilization > threshold {
            indicators.append("utilization \(rate) above \(mark(threshold))")
        }
        if let churn {
            for mark in Self.churnMarks where churn > mark {
                indicators.append("\(churn) slots changed in 7 days, above \(mark)")
            }
        }
        self.indicators = indicators
        level = Level(rawValue: min(indicators.count, Level.critical.rawValue)) ?? .critical
    }

    /// The verdict in one sentence.
    public var summary: String {
        let churnText = churn.map { "\($0) slots changed in the last 7 days" } ?? "schedule churn unknown"
        guard !indicators.isEmpty else {
            return "Phase-transition risk low: utilization \(Int((utilization * 100).rounded()))%, \(churnText)."
        }
        return "Phase-transition risk \(level): " + indicators.joined(separator: "; ") + "."
    }
}
