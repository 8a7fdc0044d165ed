/// N-1 and N-2 contingency as `contingency_ref.py` states them: who the program cannot lose alone,
/// and which pairs of otherwise safe faculty it cannot lose together, with the slots that would be
/// left unfillable. Field for field what the reference prints, so the two can be diffed.
public struct ContingencyReport: Sendable, Hashable {
    /// A faculty member whose loss alone leaves `unfillableSlots` slot-faculty unfillable.
    public struct SinglePointOfFailure: Sendable, Hashable {
        public var person: String
        public var unfillableSlots: Int

        public init(person: String, unfillableSlots: Int) {
            self.person = person
            self.unfillableSlots = unfillableSlots
        }
    }

    /// Two faculty, neither a single point of failure, whose joint loss leaves slots unfillable.
    public struct FatalPair: Sendable, Hashable {
        /// The two ids, in id order.
        public var people: [String]
        public var unfillableSlots: Int

        public init(people: [String], unfillableSlots: Int) {
            self.people = people
            self.unfillableSlots = unfillableSlots
        }
    }

    public struct N1: Sendable, Hashable {
        /// True when nobody is a single point of failure.
        public var compliant: Bool
        /// Sorted by person id.
        public var singlePointsOfFailure: [SinglePointOfFailure]

        public init(compliant: Bool, singlePointsOfFailure: [SinglePointOfFailure]) {
            self.compliant = compliant
            self.singlePointsOfFailure = singlePointsOfFailure
        }
    }

    public struct N2: Sendable, Hashable {
        /// True when N-1 is compliant and no pair is fatal.
        public var compliant: Bool
        /// Sorted by (first id, second id).
        public var fatalPairs: [FatalPair]

        public init(compliant: Bool, fatalPairs: [FatalPair]) {
            self.compliant = compliant
            self.fatalPairs = fatalPairs
        }
    }

    public var n1: N1
    /// Nil when N-2 was not asked for.
    public var n2: N2?

    public init(n1: N1, n2: N2?) {
        self.n1 = n1
        self.n2 = n2
    }
}
