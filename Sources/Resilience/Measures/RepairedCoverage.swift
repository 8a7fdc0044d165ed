import Schedule

/// Coverage as it would be after a removal and its repair plan: each slot keeps its coverers who
/// are not removed that day, plus the fillers the plan sends. Answers "what coverage does this
/// fallback (or this emergency) keep?".
public struct RepairedCoverage: Sendable, Hashable {
    /// Σ min(kept + filled, need) / Σ need over slots with need; 1 when nothing needs faculty.
    public var rate: Double
    /// Slots still short after the repair (pre-existing gaps included).
    public var shortSlots: Int

    public init(index: WindowIndex, removed: [Int: ClosedRange<Day>?], plan: RepairPlan) {
        var fills = [Int](repeating: 0, count: index.slots.count)
        for reassignment in plan.reassignments { fills[reassignment.slot] += 1 }
        var need = 0
        var covered = 0
        var short = 0
        for (position, slot) in index.slots.enumerated() where slot.need > 0 {
            var kept = 0
            for member in slot.coverers {
                if let days = removed[member] {
                    if let days, !days.contains(slot.day) { kept += 1 }
                } else {
                    kept += 1
                }
            }
            let have = min(slot.need, kept + fills[position])
            need += slot.need
            covered += have
            if have < slot.need { short += 1 }
        }
        rate = need > 0 ? Double(covered) / Double(need) : 1
        shortSlots = short
    }
}
