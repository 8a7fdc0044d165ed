/// N-1 and N-2 as the report and the metrics state them: who is a single point of failure, which
/// pairs are fatal together, and how many slots each would leave unfillable.
public struct ContingencySummary: Sendable, Hashable {
    public struct SinglePoint: Sendable, Hashable {
        public var person: String
        public var unfillableSlots: Int
        public init(person: String, unfillableSlots: Int) {
            self.person = person
            self.unfillableSlots = unfillableSlots
        }
    }

    public struct FatalPair: Sendable, Hashable {
        public var people: [String]
        public var unfillableSlots: Int
        public init(people: [String], unfillableSlots: Int) {
            self.people = people
            self.unfillableSlots = unfillableSlots
        }
    }

    /// Sorted by person id.
    public var singlePointsOfFailure: [SinglePoint]
    /// Sorted by (first, second) id; nil when N-2 was not computed.
    public var fatalPairs: [FatalPair]?

    public var n1Compliant: Bool { singlePointsOfFailure.isEmpty }
    /// N-2 holds only when N-1 does and no pair is fatal.
    public var n2Compliant: Bool { n1Compliant && (fatalPairs ?? []).isEmpty }

    public init(singlePointsOfFailure: [SinglePoint], fatalPairs: [FatalPair]?) {
        self.singlePointsOfFailure = singlePointsOfFailure
        self.fatalPairs = fatalPairs
    }
}
