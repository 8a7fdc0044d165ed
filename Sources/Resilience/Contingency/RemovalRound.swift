/// One removal solved on a ``CoverageFlow``: who is gone on which half-days, the new deficits
/// that leaves, and the maximum flow that fills them, week by week. Shared by `unfillable(S)`,
/// repair plans, fallbacks and emergency assessment.
struct Removal: Sendable, Hashable {
    var member: Int
    /// Half-days (inclusive) on which the member is gone.
    var firstHalfDay: Int
    var lastHalfDay: Int
}

/// What a removal comes to, slot by slot.
struct RemovalOutcome: Sendable {
    var deficits: [(slot: Int, amount: Int)] = []
    var placements: [(slot: Int, filler: Int)] = []
    var unfilled: [(slot: Int, amount: Int)] = []
    var newDeficit = 0
    var unfillable = 0
}

extension CoverageFlow {
    /// Solves `removals`; with `details` false only the totals are filled in.
    mutating func solve(_ removals: [Removal], details: Bool) -> RemovalOutcome {
        // Every (slot, removed coverer) pair, then sorted so each slot's removed count is a run.
        var hits: [Int32] = []
        for removal in removals {
            for group in table.coverage[removal.member] {
                for slot in group.slots {
                    let halfDay = Int(table.slotHalfDay[Int(slot)])
                    if halfDay >= removal.firstHalfDay && halfDay <= removal.lastHalfDay { hits.append(slot) }
                }
            }
        }
        hits.sort()
        clearExclusions()
        for removal in removals {
            exclude(removal.member, halfDays: removal.firstHalfDay, through: removal.lastHalfDay)
        }
        var outcome = RemovalOutcome()
        var position = 0
        while position < hits.count {
            let week = Int(table.slotWeek[Int(hits[position])])
            begin(week: week)
            while position < hits.count && Int(table.slotWeek[Int(hits[position])]) == week {
                let slot = hits[position]
                var removed = 0
                while position < hits.count && hits[position] == slot {
                    removed += 1
                    position += 1
                }
                let deficit = table.newDeficit(slot: Int(slot), removedCoverers: removed)
                addDemand(slot: Int(slot), deficit)
                if details && deficit > 0 { outcome.deficits.append((Int(slot), deficit)) }
            }
            maximize()
            outcome.newDeficit += totalDemand
            outcome.unfillable += totalDemand - flow
            if details {
                forEachPlacement { slot, filler in outcome.placements.append((slot, filler)) }
                for slot in demandSlots where unfilled(slot: Int(slot)) > 0 {
                    outcome.unfilled.append((Int(slot), unfilled(slot: Int(slot))))
                }
            }
        }
        clearExclusions()
        begin(week: 0)
        return outcome
    }
}
