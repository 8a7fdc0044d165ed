/// How many of a window's coverage gaps free faculty could close: the same fill problem as the
/// contingency flow (free that half-day, not absent, qualified, weekly room; one slot per half-day),
/// with the existing shortfalls as demand. Load shedding's point is exactly this: suspended slots
/// free their faculty, who then cover what is short.
struct GapRepair {
    /// Slots still short after the best reassignment.
    var shortSlots: Int
    /// Faculty placed into gaps.
    var placed: Int

    init(index: WindowIndex) {
        var flow = CoverageFlow(table: FillerTable(index: index))
        var short = 0
        var placed = 0
        var position = 0
        let slots = index.slots
        while position < slots.count {
            let week = slots[position].week
            flow.begin(week: week)
            var gaps: [Int] = []
            while position < slots.count && slots[position].week == week {
                let slot = slots[position]
                if slot.need > slot.coverage {
                    flow.addDemand(slot: position, slot.need - slot.coverage)
                    gaps.append(position)
                }
                position += 1
            }
            guard !gaps.isEmpty else { continue }
            placed += flow.maximize()
            short += gaps.filter { flow.unfilled(slot: $0) > 0 }.count
        }
        shortSlots = short
        self.placed = placed
    }
}
