import Schedule

/// How far the program is from whole again after its worst single loss: the assignment changes the
/// repair planner needs (each fills one lost faculty-slot, so no repair needs fewer), and what no
/// change can recover. Exported as `recovery_distance`.
public struct RecoveryDistance: Sendable, Hashable {
    /// The faculty member whose loss uncovers the most faculty-slots (ties: the most left
    /// unfillable, then id); nil when nobody covers anything.
    public var person: String?
    /// Faculty-slots the loss uncovers.
    public var uncovered: Int
    /// Assignment changes of the repair: the smallest number that restores what can be restored.
    public var changes: Int
    /// Faculty-slots no change can restore (the person's N-1 figure).
    public var unrecoverable: Int

    public init(person: String?, uncovered: Int, changes: Int, unrecoverable: Int) {
        self.person = person
        self.uncovered = uncovered
        self.changes = changes
        self.unrecoverable = unrecoverable
    }

    /// The share of the worst loss a repair restores, in [0, 1] (1 when nothing is lost).
    public var recoverableShare: Double { uncovered == 0 ? 1 : Double(changes) / Double(uncovered) }

    public var summary: String {
        guard let person, uncovered > 0 else { return "No single loss uncovers a slot: nothing to recover." }
        var sentence =
            "The worst single loss, \(person), uncovers \(uncovered) faculty-slot\(uncovered == 1 ? "" : "s"); "
            + "\(changes) assignment change\(changes == 1 ? "" : "s") restore\(changes == 1 ? "s" : "")"
        sentence += unrecoverable == 0 ? " full coverage." : " what can be, and \(unrecoverable) cannot be restored."
        return sentence
    }
}

extension ContingencyAnalysis {
    /// The recovery distance of the worst single loss over the whole window.
    public func recoveryDistance() -> RecoveryDistance {
        var flow = CoverageFlow(table: table)
        var worst: (member: Int, deficit: Int, unfillable: Int)?
        for member in 0..<table.facultyCount where !table.coverage[member].isEmpty {
            let outcome = flow.solve(
                [Removal(member: member, firstHalfDay: 0, lastHalfDay: table.halfDayCount - 1)], details: false)
            guard outcome.newDeficit > 0 else { continue }
            if let current = worst,
                (outcome.newDeficit, outcome.unfillable) <= (current.deficit, current.unfillable)
            {
                continue
            }
            worst = (member, outcome.newDeficit, outcome.unfillable)
        }
        guard let worst else { return RecoveryDistance(person: nil, uncovered: 0, changes: 0, unrecoverable: 0) }
        return RecoveryDistance(
            person: index.faculty[worst.member], uncovered: worst.deficit, changes: worst.deficit - worst.unfillable,
            unrecoverable: worst.unfillable)
    }
}
