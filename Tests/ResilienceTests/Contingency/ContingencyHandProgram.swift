import Resilience
import Schedule

/// Small programs written out by hand for the derivation tests: a "clinic" rotation that needs
/// one faculty member (patient safety, no supervision), days counted from Monday 2026-06-01.
struct ContingencyHandProgram {
    static let monday = Day(year: 2026, month: 6, day: 1) ?? Day(ordinal: 20_605)

    var people: [Person] = []
    var rotations = [Rotation(id: "clinic", name: "Clinic", category: .patientSafety, minFaculty: 1)]
    var assignments: [Assignment] = []
    var absences: [Absence] = []

    mutating func faculty(_ id: String, capabilities: [String]? = nil, cap: Int? = nil) {
        people.append(Person(id: id, name: id, role: .faculty, capabilities: capabilities, maxSessionsPerWeek: cap))
    }

    mutating func resident(_ id: String, pgy: Int?) {
        people.append(Person(id: id, name: id, role: .resident, pgy: pgy))
    }

    /// Assigns `person` to `rotation` on Monday + `day`.
    mutating func assign(_ person: String, day: Int, _ session: Session, _ rotation: String = "clinic") {
        assignments.append(
            Assignment(
                person: person, date: Self.monday.advanced(by: day), session: session, rotation: rotation))
    }

    mutating func absent(_ person: String, days: ClosedRange<Int>) {
        absences.append(
            Absence(
                person: person, start: Self.monday.advanced(by: days.lowerBound),
                end: Self.monday.advanced(by: days.upperBound), kind: .vacation))
    }

    var program: Program {
        Program(name: "hand", people: people, rotations: rotations, assignments: assignments, absences: absences)
    }

    func index(fromDay first: Int = 0, days: Int = 7, suspended: Set<ActivityCategory> = []) -> WindowIndex {
        WindowIndex(
            program: program, window: ScheduleWindow(from: Self.monday.advanced(by: first), days: days),
            suspended: suspended)
    }

    func analysis(fromDay first: Int = 0, days: Int = 7) -> ContingencyAnalysis {
        ContingencyAnalysis(index: index(fromDay: first, days: days))
    }
}

extension ContingencyReport {
    /// (person, unfillable) pairs, for compact expectations.
    var singles: [String: Int] {
        Dictionary(uniqueKeysWithValues: n1.singlePointsOfFailure.map { ($0.person, $0.unfillableSlots) })
    }

    var pairs: [[String]: Int] {
        Dictionary(uniqueKeysWithValues: (n2?.fatalPairs ?? []).map { ($0.people, $0.unfillableSlots) })
    }
}
