/// Every faculty member's loss on its own (N-1), kept week by week with the repair that achieves
/// the maximum flow, because N-2 starts from these: a pair's week is settled by the two single
/// solutions unless they collide.
struct SingleLosses: Sendable {
    /// One member's loss in one ISO week.
    struct Week: Sendable {
        var week: Int32
        /// The slots (need > 0) the member covers that week, ascending, repeated per assignment.
        var covered: [Int32]
        /// New deficit the loss causes that week (Σ over `covered`).
        var deficit: Int32
        /// The maximum flow found: `placedSlots[i]` filled by `placedFillers[i]`.
        var placedSlots: [Int32]
        var placedFillers: [Int32]
        /// Deficit the flow could not fill.
        var unfilled: Int32

        func places(_ member: Int) -> Bool { placedFillers.contains(Int32(member)) }
    }

    /// Per faculty, the weeks in which they cover anything, in week order.
    let weeks: [[Week]]
    /// Per faculty: unfillable({member}).
    let unfillable: [Int]

    init(table: FillerTable, flow: inout CoverageFlow) {
        var weeks: [[Week]] = []
        var unfillable: [Int] = []
        weeks.reserveCapacity(table.facultyCount)
        for member in 0..<table.facultyCount {
            flow.clearExclusions()
            flow.exclude(member, halfDays: 0, through: table.halfDayCount - 1)
            var memberWeeks: [Week] = []
            var missing = 0
            for group in table.coverage[member] {
                flow.begin(week: Int(group.week))
                var position = 0
                while position < group.slots.count {
                    let slot = group.slots[position]
                    var removed = 0
                    while position < group.slots.count && group.slots[position] == slot {
                        removed += 1
                        position += 1
                    }
                    flow.addDemand(slot: Int(slot), table.newDeficit(slot: Int(slot), removedCoverers: removed))
                }
                flow.maximize()
                var entry = Week(
                    week: group.week, covered: group.slots, deficit: Int32(flow.totalDemand), placedSlots: [],
                    placedFillers: [], unfilled: Int32(flow.totalDemand - flow.flow))
                flow.forEachPlacement { slot, filler in
                    entry.placedSlots.append(Int32(slot))
                    entry.placedFillers.append(Int32(filler))
                }
                missing += Int(entry.unfilled)
                memberWeeks.append(entry)
            }
            weeks.append(memberWeeks)
            unfillable.append(missing)
        }
        flow.clearExclusions()
        self.weeks = weeks
        self.unfillable = unfillable
    }
}
