import Resilience
import Schedule

/// The method's "a lost person → the emergency assessment's repair plan": finds the faculty member
/// whose absence leaves the most slots short in the engine's window, asks the emergency assessment
/// how to cover their slots over those days (as if the call "Dr. X is out" had just come in), and
/// writes its reassignments into the schedule. Pure.
public enum Repair {
    /// Someone whose absence leaves slots short: who, over which days, how many slots.
    public struct LostPerson: Sendable, Equatable {
        public var person: String
        public var from: Day
        public var to: Day
        public var gapSlots: Int

        public init(person: String, from: Day, to: Day, gapSlots: Int) {
            self.person = person
            self.from = from
            self.to = to
            self.gapSlots = gapSlots
        }
    }

    /// The absent faculty member behind the most gap slots of `report` (ties: the first id), with
    /// the first and last day of those slots; nil when no gap is explained by an absence.
    public static func lostPerson(report: ResilienceReport, program: Program) -> LostPerson? {
        let suspended = report.state.sheddingLevel.suspendedCategories.union(
            report.state.activeFallback?.suspendedCategories ?? [])
        let index = WindowIndex(program: program, window: report.window, suspended: suspended)
        var days: [String: [Day]] = [:]
        for position in report.coverage.gaps where index.slots.indices.contains(position) {
            let slot = index.slots[position]
            for member in Set(slot.assigned).subtracting(slot.coverers) {
                days[index.faculty[member], default: []].append(slot.day)
            }
        }
        guard
            let (person, gapDays) = days.min(by: { lhs, rhs in
                lhs.value.count != rhs.value.count ? lhs.value.count > rhs.value.count : lhs.key < rhs.key
            }), let from = gapDays.min(), let to = gapDays.max()
        else { return nil }
        return LostPerson(person: person, from: from, to: to, gapSlots: gapDays.count)
    }

    /// The emergency assessment of losing `lost.person` over their gap days: run on the schedule
    /// without their recorded absence on those days, so their slots are the ones to cover.
    public static func assess(_ lost: LostPerson, program: Program) -> EmergencyAssessment? {
        var before = program
        before.absences.removeAll { $0.person == lost.person && $0.start <= lost.to && $0.end >= lost.from }
        return try? EmergencyAssessor.assess(program: before, person: lost.person, from: lost.from, to: lost.to)
    }

    /// Why a repair no longer fits the schedule in force.
    public struct Stale: Error, Sendable, CustomStringConvertible {
        public var change: Proposal.Change
        public var description: String {
            "the schedule changed since the repair was proposed: \(change.replacing ?? "nobody") no longer holds "
                + "\(change.rotation) \(change.date) \(change.session); decide again"
        }
    }

    /// `program` with `changes` made: the absent person's assignment in each slot handed to the
    /// filler (keeping its call), or a new assignment when the change replaces nobody. A change
    /// whose absent person no longer holds the slot (the schedule changed since the proposal)
    /// fails the whole repair rather than double-booking it.
    public static func apply(_ changes: [Proposal.Change], to program: Program) throws(Stale) -> Program {
        var program = program
        for change in changes {
            guard let date = Day(iso: change.date), let session = Session(rawValue: change.session) else {
                throw Stale(change: change)
            }
            if let replacing = change.replacing {
                guard
                    let index = program.assignments.firstIndex(where: {
                        $0.person == replacing && $0.date == date && $0.session == session
                            && $0.rotation == change.rotation
                    })
                else { throw Stale(change: change) }
                program.assignments[index].person = change.person
            } else {
                program.assignments.append(
                    Assignment(person: change.person, date: date, session: session, rotation: change.rotation))
            }
        }
        return program
    }
}
