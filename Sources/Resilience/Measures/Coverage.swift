/// Whether each slot has the faculty it needs, counting only those not absent that day.
public struct Coverage: Sendable, Hashable {
    /// Slots with need > 0.
    public var slotsNeedingFaculty: Int
    public var totalNeed: Int
    /// Σ min(coverage, need) over slots.
    public var covered: Int
    /// covered / totalNeed; 1 when nothing needs faculty.
    public var rate: Double
    /// Slots with coverage < need.
    public var gapSlots: Int
    /// Indices (into the window's slots) of those gap slots.
    public var gaps: [Int]

    public init(index: WindowIndex) {
        self.init(index: index, days: 0..<index.window.days)
    }

    /// Coverage of the slots on the window's days `days` (offsets) alone.
    public init(index: WindowIndex, days: Range<Int>) {
        var slots = 0
        var need = 0
        var covered = 0
        var gaps: [Int] = []
        for position in index.slotRange(days: days) where index.slots[position].need > 0 {
            let slot = index.slots[position]
            slots += 1
            need += slot.need
            covered += min(slot.coverage, slot.need)
            if slot.coverage < slot.need { gaps.append(position) }
        }
        slotsNeedingFaculty = slots
        totalNeed = need
        self.covered = covered
        rate = need > 0 ? Double(covered) / Double(need) : 1
        gapSlots = gaps.count
        self.gaps = gaps
    }
}
