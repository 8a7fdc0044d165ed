/// One decision Vigil proposes for an incident, from the method's decision tree: what to do, what
/// the engine expects it to do to the program, its risks and time, and whether a named person
/// must approve it before it runs.
public struct Proposal: Sendable, Equatable, Codable {
    /// The strategies of the method's decision tree.
    public enum Strategy: String, Sendable, Codable {
        /// Roll the schedule back to its previous version (a bad push).
        case rollback
        /// Suspend activities by the engine's load-shedding level (over capacity).
        case loadShedding = "load_shedding"
        /// Switch to a precomputed static-stability fallback (many people away at once).
        case fallback
        /// Cover a lost person's slots with the emergency assessment's reassignments (a new
        /// schedule version).
        case repair
        /// Nothing for the machine to do: people investigate.
        case investigate
    }

    /// One reassignment of a repair: `person` covers `rotation` on `date` `session` in place of
    /// `replacing`.
    public struct Change: Sendable, Equatable, Codable, CustomStringConvertible {
        public var date: String
        public var session: String
        public var rotation: String
        public var person: String
        public var replacing: String?

        public init(date: String, session: String, rotation: String, person: String, replacing: String?) {
            self.date = date
            self.session = session
            self.rotation = rotation
            self.person = person
            self.replacing = replacing
        }

        /// `f3 covers clinic 2026-07-07 AM for f1`.
        public var description: String {
            "\(person) covers \(rotation) \(date) \(session)" + (replacing.map { " for \($0)" } ?? "")
        }
    }

    /// What the engine expects: its report re-run on the proposed state.
    public struct Effect: Sendable, Equatable, Codable, CustomStringConvertible {
        public var defenseBefore: String
        public var defenseAfter: String
        public var coverageBefore: Double
        public var coverageAfter: Double
        public var utilizationBefore: Double
        public var utilizationAfter: Double
        public var gapSlotsBefore: Int
        public var gapSlotsAfter: Int

        public init(
            defenseBefore: String, defenseAfter: String, coverageBefore: Double, coverageAfter: Double,
            utilizationBefore: Double, utilizationAfter: Double, gapSlotsBefore: Int, gapSlotsAfter: Int
        ) {
            self.defenseBefore = defenseBefore
            self.defenseAfter = defenseAfter
            self.coverageBefore = coverageBefore
            self.coverageAfter = coverageAfter
            self.utilizationBefore = utilizationBefore
            self.utilizationAfter = utilizationAfter
            self.gapSlotsBefore = gapSlotsBefore
            self.gapSlotsAfter = gapSlotsAfter
        }

        /// `defense RED → ORANGE, coverage 82% → 96% (4 → 0 gap slots), utilization 93% → 78%`.
        public var description: String {
            "defense \(defenseBefore) → \(defenseAfter), coverage \(Orienter.percent(coverageBefore)) → "
                + "\(Orienter.percent(coverageAfter)) (\(gapSlotsBefore) → \(gapSlotsAfter) gap slots), utilization "
                + "\(Orienter.percent(utilizationBefore)) → \(Orienter.percent(utilizationAfter))"
        }
    }

    /// Who approved it, and when.
    public struct Approval: Sendable, Equatable, Codable {
        public var by: String
        public var at: Int64
    }

    /// 1, 2, … in the order proposed over the incident's life.
    public var number: Int
    public var strategy: Strategy
    /// For load shedding, the level (0…5).
    public var sheddingLevel: Int?
    /// For a fallback, its scenario (`1_faculty_loss`, …).
    public var fallback: String?
    /// For a repair, the person whose slots it covers.
    public var person: String?
    /// For a repair, the reassignments it writes into the schedule.
    public var changes: [Change]?
    public var summary: String
    public var expected: Effect?
    public var risks: [String]
    /// How long it takes to put in place, in words.
    public var time: String
    /// High impact (shedding level 3 or more, any fallback, any rollback or repair): a named person approves
    /// before it runs.
    public var needsApproval: Bool
    public var approval: Approval?
    /// Set once acted on: when.
    public var appliedAt: Int64?

    /// Whether it may run now.
    public var isCleared: Bool { !needsApproval || approval != nil }
}
