/// What follows if the program's most critical person goes: their slots are handed to qualified,
/// available colleagues (each up to their weekly cap, by the same maximum flow as N-1), anyone
/// pushed past the overload factor of their usual load drops out too, and so on until nobody
/// else does — the burnout cascade coordinators fear, played out on the actual schedule.
public struct Cascade: Sendable, Hashable {
    /// One round: who was gone, what the repair left uncovered, and who it overloaded.
    public struct Round: Sendable, Hashable {
        public var number: Int
        /// Who dropped out at the start of this round (the hub in round 1).
        public var lost: [String]
        /// Everyone gone so far.
        public var gone: Int
        /// Faculty-slots still uncovered after this round's repair.
        public var unfilled: Int
        /// Coverage after this round's repair, in [0, 1].
        public var coverage: Double
        /// Who this round's repair pushed past the overload factor (they drop out next round).
        public var overloaded: [String]

        public init(number: Int, lost: [String], gone: Int, unfilled: Int, coverage: Double, overloaded: [String]) {
            self.number = number
            self.lost = lost
            self.gone = gone
            self.unfilled = unfilled
            self.coverage = coverage
            self.overloaded = overloaded
        }
    }

    /// The person whose loss starts it (the top-ranked hub covering a slot); nil when nobody covers
    /// anything.
    public var trigger: String?
    public var rounds: [Round]
    /// Coverage before the loss, and once the cascade has stopped.
    public var initialCoverage: Double
    public var finalCoverage: Double
    /// 0 (the loss costs no coverage) … 100 (coverage falls to half or below), linear in the
    /// coverage lost between the two; 100 for any loss when coverage already stood at half or
    /// below. Exported as `cascade_failure_risk`.
    public var risk: Double
    /// True when the loss lowers coverage and the final coverage is below 0.5.
    public var catastrophic: Bool
    public var overloadFactor: Double

    public init(
        trigger: String?, rounds: [Round], initialCoverage: Double, finalCoverage: Double, risk: Double,
        catastrophic: Bool, overloadFactor: Double
    ) {
        self.trigger = trigger
        self.rounds = rounds
        self.initialCoverage = initialCoverage
        self.finalCoverage = finalCoverage
        self.risk = risk
        self.catastrophic = catastrophic
        self.overloadFactor = overloadFactor
    }

    /// Everyone who dropped out after the trigger, in round order.
    public var followers: [String] { rounds.dropFirst().flatMap(\.lost) }

    /// The verdict in one sentence.
    public var summary: String {
        guard let trigger, let last = rounds.last else { return "No faculty member covers a slot: nothing to cascade." }
        let percent = { (value: Double) in "\(Int((value * 100).rounded()))%" }
        var sentence = "Losing \(trigger) "
        if followers.isEmpty {
            sentence += "overloads nobody past \(overloadFactor)× their usual load"
        } else {
            let count = followers.count
            let named = followers.prefix(6).joined(separator: ", ") + (count > 6 ? " and \(count - 6) more" : "")
            sentence +=
                "pushes \(count) more past \(overloadFactor)× their usual load (\(named)) "
                + "over \(rounds.count - 1) round\(rounds.count == 2 ? "" : "s")"
        }
        sentence += "; coverage \(percent(initialCoverage)) → \(percent(finalCoverage))"
        if last.unfilled > 0 { sentence += " (\(last.unfilled) faculty-slots uncovered)" }
        sentence += catastrophic ? ": catastrophic." : ", cascade risk \(Int(risk.rounded()))/100."
        return sentence
    }
}
