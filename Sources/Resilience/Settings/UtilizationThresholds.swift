/// Where faculty utilization changes colour. Queueing theory is why the bands start at 70%: past
/// about 80% busy, waiting (here: uncovered work when anyone is sick) grows steeply, so the program
/// wants warning well before the schedule is literally full.
public struct UtilizationThresholds: Sendable, Hashable {
    /// Inclusive lower bounds of YELLOW, ORANGE, RED and BLACK; below `yellow` is GREEN.
    public var yellow: Double
    public var orange: Double
    public var red: Double
    public var black: Double
    /// The utilization the program aims to stay under; `buffer_remaining` is measured against it.
    public var target: Double

    public static let standard = UtilizationThresholds(yellow: 0.70, orange: 0.80, red: 0.90, black: 0.95, target: 0.80)

    public init(yellow: Double, orange: Double, red: Double, black: Double, target: Double) {
        self.yellow = yellow
        self.orange = orange
        self.red = red
        self.black = black
        self.target = target
    }

    /// The band of `rate`: 0 GREEN … 4 BLACK.
    public func level(of rate: Double) -> UtilizationLevel {
        if rate >= black { return .black }
        if rate >= red { return .red }
        if rate >= orange { return .orange }
        if rate >= yellow { return .yellow }
        return .green
    }
}

/// A utilization band, exported as `resilience_utilization_level` (0..4).
public enum UtilizationLevel: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case green = 0
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

    /// Ordered by severity: GREEN < YELLOW < … < BLACK.
    public static func < (lhs: UtilizationLevel, rhs: UtilizationLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
