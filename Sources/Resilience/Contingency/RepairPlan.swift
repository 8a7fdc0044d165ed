/// Who would cover what if some faculty were gone: the reassignments of a maximum flow, and the
/// slots it still cannot fill. Dry run: it proposes, it never edits the schedule.
///
/// Slot and faculty numbers index the ``WindowIndex`` the plan was made on (`index.slots`,
/// `index.faculty`).
public struct RepairPlan: Sendable, Hashable {
    /// `filler` steps into `slot` (a slot that lost coverage).
    public struct Reassignment: Sendable, Hashable {
        public var slot: Int
        public var filler: Int

        public init(slot: Int, filler: Int) {
            self.slot = slot
            self.filler = filler
        }
    }

    /// Sorted by (slot, filler).
    public var reassignments: [Reassignment]
    /// Slot → faculty it newly lacks because of the removal (only slots that lack some).
    public var newDeficitBySlot: [Int: Int]
    /// Slot → faculty still missing after the reassignments (only slots still short).
    public var unfilledBySlot: [Int: Int]
    /// Σ newDeficitBySlot: the faculty-slots the removal uncovers.
    public var newDeficit: Int

    /// Σ unfilledBySlot: the reference's unfillable(S).
    public var unfillable: Int { newDeficit - reassignments.count }

    public init(
        reassignments: [Reassignment], newDeficitBySlot: [Int: Int], unfilledBySlot: [Int: Int], newDeficit: Int
    ) {
        self.reassignments = reassignments
        self.newDeficitBySlot = newDeficitBySlot
        self.unfilledBySlot = unfilledBySlot
        self.newDeficit = newDeficit
    }
}
