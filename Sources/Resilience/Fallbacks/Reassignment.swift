import Schedule

/// One proposed change, in the schedule's own terms: `person` covers `rotation` on `date`
/// `session`, in place of `replacing` (who is gone). Reports list these; nothing edits the schedule.
public struct Reassignment: Sendable, Hashable {
    public var date: Day
    public var session: Session
    public var rotation: String
    public var person: String
    public var replacing: String?

    public init(date: Day, session: Session, rotation: String, person: String, replacing: String?) {
        self.date = date
        self.session = session
        self.rotation = rotation
        self.person = person
        self.replacing = replacing
    }

    /// The plan's reassignments named by id; each filler is paired with one removed coverer of
    /// the slot, in id order, so the list reads "who stands in for whom".
    static func named(plan: RepairPlan, index: WindowIndex, removed: [Int: ClosedRange<Day>?]) -> [Reassignment] {
        var gone: [Int: [Int]] = [:]
        var out: [Reassignment] = []
        for step in plan.reassignments {
            let slot = index.slots[step.slot]
            if gone[step.slot] == nil {
                gone[step.slot] = slot.coverers.filter { member in
                    guard let days = removed[member] else { return false }
                    return days.map { $0.contains(slot.day) } ?? true
                }.sorted()
            }
            let replacing = gone[step.slot]?.first.map { index.faculty[$0] }
            if gone[step.slot]?.isEmpty == false { gone[step.slot]?.removeFirst() }
            out.append(
                Reassignment(
                    date: slot.day, session: slot.session, rotation: index.rotations[slot.rotation].id,
                    person: index.faculty[step.filler], replacing: replacing))
        }
        return out
    }
}
