import Schedule

/// How much a schedule changed between two versions: the half-day slots (date, session,
/// rotation) whose assigned people differ. Churn is one of the phase-transition indicators: a
/// schedule rewritten every few days is a program improvising, not planning.
public enum ScheduleChurn {
    /// Slots whose set of assigned people differs between `old` and `new` (added, removed or
    /// changed). Assignments outside both programs' dates count like any other.
    public static func changedSlots(from old: Program, to new: Program) -> Int {
        struct SlotKey: Hashable {
            var date: Day
            var session: Session
            var rotation: String
        }
        func slots(_ program: Program) -> [SlotKey: [String]] {
            var slots: [SlotKey: [String]] = [:]
            for assignment in program.assignments {
                slots[
                    SlotKey(date: assignment.date, session: assignment.session, rotation: assignment.rotation),
                    default: []
                ]
                .append(assignment.person)
            }
            return slots.mapValues { $0.sorted() }
        }
        let before = slots(old)
        let after = slots(new)
        var changed = 0
        for (key, people) in before where after[key] != people { changed += 1 }
        for key in after.keys where before[key] == nil { changed += 1 }
        return changed
    }
}
