import Resilience
import Schedule

/// Builds small programs for engine tests: faculty and residents by id, rotations by id, and
/// assignments by (person, day offset from `start`, session, rotation).
struct ProgramBuilder {
    var start: Day
    var people: [Person] = []
    var rotations: [Rotation] = []
    var assignments: [Assignment] = []
    var absences: [Absence] = []

    init(start: String = "2026-09-14") {
        self.start = Day(iso: start) ?? Day(ordinal: 0)
    }

    mutating func faculty(_ id: String, capabilities: [String]? = nil, cap: Int? = nil) {
        people.append(Person(id: id, name: id, role: .faculty, capabilities: capabilities, maxSessionsPerWeek: cap))
    }

    mutating func resident(_ id: String, pgy: Int? = 1) {
        people.append(Person(id: id, name: id, role: .resident, pgy: pgy))
    }

    mutating func rotation(
        _ id: String, category: ActivityCategory = .patientSafety, minFaculty: Int = 1, supervision: Bool = false,
        hours: Double = 6
    ) {
        rotations.append(
            Rotation(
                id: id, name: id, category: category, minFaculty: minFaculty, supervision: supervision,
                hoursPerSession: hours))
    }

    mutating func assign(_ person: String, day: Int, _ session: Session = .am, _ rotation: String, call: Bool = false) {
        assignments.append(
            Assignment(person: person, date: start.advanced(by: day), session: session, rotation: rotation, call: call))
    }

    mutating func absent(_ person: String, from: Int, to: Int, kind: Absence.Kind = .vacation) {
        absences.append(
            Absence(person: person, start: start.advanced(by: from), end: start.advanced(by: to), kind: kind))
    }

    func window(days: Int, offset: Int = 0) -> ScheduleWindow {
        ScheduleWindow(from: start.advanced(by: offset), days: days)
    }

    var program: Program {
        Program(name: "test", people: people, rotations: rotations, assignments: assignments, absences: absences)
    }

    func index(days: Int, suspended: Set<ActivityCategory> = []) -> WindowIndex {
        WindowIndex(program: program, window: window(days: days), suspended: suspended)
    }
}
