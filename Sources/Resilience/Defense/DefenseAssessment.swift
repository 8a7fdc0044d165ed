/// The defense level and why: each dimension's value, score and weighted contribution.
///
/// The weighted score alone would let one breached layer be averaged away by four healthy ones
/// (an N-1 collapse with low utilization would read GREEN). So the level is also floored one level
/// below the worst single dimension: a dimension scoring 4 (BLACK on its own) makes the program at
/// least RED whatever the others say.
public struct DefenseAssessment: Sendable, Hashable {
    /// One dimension's part in the verdict.
    public struct Driver: Sendable, Hashable {
        public var dimension: DefenseDimension
        public var value: Double
        /// 0…4.
        public var score: Int
        public var weight: Double
        public var contribution: Double { Double(score) * weight }
    }

    public var level: DefenseLevel
    /// Σ weight · score (0…4 with the standard weights).
    public var weightedScore: Double
    /// The level the weighted score alone gives.
    public var weightedLevel: DefenseLevel
    /// True when the worst dimension raised the level above the weighted one.
    public var flooredByWorstDimension: Bool
    /// Every dimension, most contributing first.
    public var dimensions: [Driver]

    /// Dimensions that scored above zero, most contributing first: what drove the level.
    public var drivers: [Driver] { dimensions.filter { $0.score > 0 } }

    public init(values: [DefenseDimension: Double], settings: DefenseSettings = .standard) {
        var dimensions: [Driver] = []
        var weighted = 0.0
        var worst = 0
        for dimension in DefenseDimension.allCases {
            let value = values[dimension] ?? 0
            let score = settings.score(dimension, value: value)
            let weight = settings.weights[dimension] ?? 0
            dimensions.append(Driver(dimension: dimension, value: value, score: score, weight: weight))
            weighted += Double(score) * weight
            worst = max(worst, score)
        }
        // Rounded so 0.6 + 0.3 + 0.4 + 0.4 + 0.3 is exactly the 2.0 a coordinator would compute.
        weighted = (weighted * 1e9).rounded() / 1e9
        let bounds = settings.levelBounds
        let index = bounds.firstIndex { weighted < $0 } ?? bounds.count
        let weightedLevel = DefenseLevel(rawValue: min(5, index + 1)) ?? .black
        // A dimension scoring s is level s + 1 on its own; the program is at most one level better.
        let floor = DefenseLevel(rawValue: max(1, worst)) ?? .green
        level = max(weightedLevel, floor)
        weightedScore = weighted
        self.weightedLevel = weightedLevel
        flooredByWorstDimension = floor > weightedLevel
        self.dimensions = dimensions.sorted { lhs, rhs in
            if lhs.contribution != rhs.contribution { return lhs.contribution > rhs.contribution }
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            return lhs.dimension.rawValue < rhs.dimension.rawValue
        }
    }
}
