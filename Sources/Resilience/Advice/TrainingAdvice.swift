/// Which cross-training removes the most risk: one more rotation for one faculty member, chosen
/// greedily, each step re-checked exactly by the contingency analysis with the capability added.
///
/// It answers the coordinator's "whom should we train, in what?" with figures, not a heuristic:
/// each step's `before` is the previous step's `after`, and applying the trainings to the schedule
/// and running the engine again gives the last `after`.
public struct TrainingAdvice: Sendable, Hashable {
    /// A count before and after one training.
    public struct Change: Sendable, Hashable {
        public var before: Int
        public var after: Int

        public init(before: Int, after: Int) {
            self.before = before
            self.after = after
        }
    }

    /// One training: `person` learns `rotation`.
    public struct Training: Sendable, Hashable {
        public var person: String
        public var rotation: String
        public var singlePointsOfFailure: Change
        /// Nil when N-2 is not computed.
        public var fatalPairs: Change?
        /// Who stops being a single point of failure with this training.
        public var relieved: [String]
        /// Slots left unfillable by all single points of failure together, before and after.
        public var unfillableSlots: Change
        /// One sentence a coordinator can act on.
        public var why: String

        public init(
            person: String, rotation: String, singlePointsOfFailure: Change, fatalPairs: Change?,
            relieved: [String], unfillableSlots: Change, why: String
        ) {
            self.person = person
            self.rotation = rotation
            self.singlePointsOfFailure = singlePointsOfFailure
            self.fatalPairs = fatalPairs
            self.relieved = relieved
            self.unfillableSlots = unfillableSlots
            self.why = why
        }
    }

    /// In the greedy order; only trainings that lower the risk.
    public var trainings: [Training]
    /// How many trainings were asked for (K).
    public var limit: Int
    /// How many (person, rotation) trainings were re-checked by flow over all steps.
    public var evaluated: Int

    public init(trainings: [Training], limit: Int, evaluated: Int) {
        self.trainings = trainings
        self.limit = limit
        self.evaluated = evaluated
    }

    public static let empty = TrainingAdvice(trainings: [], limit: 0, evaluated: 0)
}
