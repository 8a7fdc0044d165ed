import Resilience
import Schedule

/// Builds small programs for the ACGME tests by day offsets from the window's first day (Monday
/// 2026-09-14; offset -27 is 2026-08-18), so each test reads as a timetable.
///
/// Rotations every test may use, named for their `hoursPerSession` (no supervision):
/// `h1` 1 h, `h4` 4 h, `h4.5` 4.5 h, `h6` 6 h, `h8` 8 h, `h9` 9 h, `h10` 10 h, `h10.5` 10.5 h, `h11` 11 h;
/// and `clinic` (6 h, supervised) and `lecture` (6 h, not supervised).
struct ACGMEProgramBuilder {
    static let origin = Day(iso: "2026-09-14")!

    var people: [Person] = []
    var rotations: [Rotation] =
        [1, 4, 4.5, 6, 8, 9, 10, 10.5, 11].map { hours in
            Rotation(
                id: "h" + ACGMEProgramBuilder.label(hours), name: "\(hours) h", category: .patientSafety,
                hoursPerSession: hours)
        } + [
            Rotation(id: "clinic", name: "Clinic", category: .continuityOfCare, supervision: true),
            Rotation(id: "lecture", name: "Lecture", category: .educationCore),
        ]
    var assignments: [Assignment] = []
    var absences: [Absence] = []

    static func day(_ offset: Int) -> Day { origin.advanced(by: offset) }

    static func window(days: Int, from offset: Int = 0) -> ScheduleWindow {
        ScheduleWindow(from: day(offset), days: days)
    }

    private static func label(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(hours)
    }

    mutating func resident(_ id: String, pgy: Int? = 1) {
        people.append(Person(id: id, name: id, role: .resident, pgy: pgy))
    }

    mutating func faculty(_ id: String) { people.append(Person(id: id, name: id, role: .faculty)) }

    mutating func assign(_ person: String, _ offset: Int, _ session: Session, _ rotation: String, call: Bool = false) {
        assignments.append(
            Assignment(
                person: person, date: Self.day(offset), session: session, rotation: rotation, call: call))
    }

    /// An AM and a PM session on each day: with `h8` twice, 07:00-15:00 then 15:00-23:00 (16 h; the next
    /// 07:00 is 8 h later, so each day is its own duty period).
    mutating func fullDays(_ person: String, _ offsets: [Int], am: String = "h8", pm: String = "h8") {
        for offset in offsets {
            assign(person, offset, .am, am)
            assign(person, offset, .pm, pm)
        }
    }

    mutating func absent(_ person: String, _ first: Int, _ last: Int) {
        absences.append(Absence(person: person, start: Self.day(first), end: Self.day(last), kind: .vacation))
    }

    var program: Program {
        Program(name: "test", people: people, rotations: rotations, assignments: assignments, absences: absences)
    }

    func check(days: Int, from offset: Int = 0, limits: ACGMELimits = ACGMELimits()) -> ACGMEReport {
        ACGMEChecker(limits: limits).check(program: program, window: Self.window(days: days, from: offset))
    }
}

extension ACGMEReport {
    func violations(_ rule: ACGMERule) -> [ACGMEViolation] { violations.filter { $0.rule == rule } }

    func figures(_ resident: String) -> ResidentDutyFigures? { residents.first { $0.resident == resident } }
}
