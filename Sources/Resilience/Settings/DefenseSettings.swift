/// How the five defense dimensions are scored and weighed. Configurable because programs differ in
/// what they tolerate; the defaults are the (and the seed's) calibration.
public struct DefenseSettings: Sendable, Hashable {
    /// Per dimension, four ascending breakpoints: a value at or above the k-th scores k (0…4).
    public var breakpoints: [DefenseDimension: [Double]]
    /// Per dimension, its weight in the combined score (the defaults sum to 1).
    public var weights: [DefenseDimension: Double]
    /// Upper bounds (exclusive) of GREEN, YELLOW, ORANGE and RED on the weighted score.
    public var levelBounds: [Double]

    public static let standard = DefenseSettings(
        breakpoints: [
            .utilization: [0.80, 0.90, 0.95, 0.98],
            .n1SinglePointsOfFailure: [1, 3, 10, 25],
            .n2FatalPairs: [1, 5, 15, 40],
            .coverageGapSlots: [1, 3, 6, 11],
            .acgmeCriticalViolations: [1, 2, 5, 10],
        ],
        weights: [
            .utilization: 0.30, .n1SinglePointsOfFailure: 0.15, .n2FatalPairs: 0.20, .coverageGapSlots: 0.20,
            .acgmeCriticalViolations: 0.15,
        ],
        levelBounds: [1, 2, 3, 3.5])

    public init(breakpoints: [DefenseDimension: [Double]], weights: [DefenseDimension: Double], levelBounds: [Double]) {
        self.breakpoints = breakpoints
        self.weights = weights
        self.levelBounds = levelBounds
    }

    /// 0…4: how many of the dimension's breakpoints `value` reaches.
    public func score(_ dimension: DefenseDimension, value: Double) -> Int {
        (breakpoints[dimension] ?? []).prefix(4).filter { value >= $0 }.count
    }
}
