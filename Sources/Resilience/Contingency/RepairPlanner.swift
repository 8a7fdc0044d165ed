import Schedule

/// Plans the repair of a removal — faculty gone for the whole window or for some days — with the
/// same maximum flow as N-1/N-2, so "who covers which slot" in a fallback or an emergency is
/// exactly what the contingency figures assume.
///
/// For load shedding (cascade repairs, fallbacks), plan on a ``WindowIndex`` built with the
/// suspended categories: their slots need nobody and their faculty are free.
public enum RepairPlanner {
    /// The repair of removing each key (a faculty index) on the days of its value (nil: the
    /// whole window; days outside the window are ignored).
    public static func plan(index: WindowIndex, removed: [Int: ClosedRange<Day>?]) -> RepairPlan {
        plan(table: FillerTable(index: index), window: index.window, removed: removed)
    }

    static func plan(table: FillerTable, window: ScheduleWindow, removed: [Int: ClosedRange<Day>?]) -> RepairPlan {
        var removals: [Removal] = []
        for (member, days) in removed.sorted(by: { $0.key < $1.key }) where (0..<table.facultyCount).contains(member) {
            guard let days else {
                removals.append(Removal(member: member, firstHalfDay: 0, lastHalfDay: table.halfDayCount - 1))
                continue
            }
            let first = max(0, window.from.distance(to: days.lowerBound))
            let last = min(window.days - 1, window.from.distance(to: days.upperBound))
            guard first <= last else { continue }
            removals.append(Removal(member: member, firstHalfDay: first * 2, lastHalfDay: last * 2 + 1))
        }
        var flow = CoverageFlow(table: table)
        let outcome = flow.solve(removals, details: true)
        let reassignments = outcome.placements.map { RepairPlan.Reassignment(slot: $0.slot, filler: $0.filler) }
            .sorted { ($0.slot, $0.filler) < ($1.slot, $1.filler) }
        var deficits: [Int: Int] = [:]
        for deficit in outcome.deficits { deficits[deficit.slot] = deficit.amount }
        var unfilled: [Int: Int] = [:]
        for slot in outcome.unfilled { unfilled[slot.slot] = slot.amount }
        return RepairPlan(
            reassignments: reassignments, newDeficitBySlot: deficits, unfilledBySlot: unfilled,
            newDeficit: outcome.newDeficit)
    }
}
