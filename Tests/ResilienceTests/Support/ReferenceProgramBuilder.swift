import Resilience
import Schedule

/// SplitMix64: a tiny seeded generator, so a failing random program is reproduced from its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A small random program and the window to analyse it over.
struct ReferenceCase: Sendable {
    var seed: UInt64
    var program: Program
    var window: ScheduleWindow
}

/// Random small programs that exercise every corner of the contingency semantics: 3–12 faculty
/// with ids whose string order differs from their numeric order, capabilities nil / empty / some,
/// weekly caps nil / 0 / small, absences, residents with PGY 1…3 or none, supervision on and off,
/// min_faculty 0…2, calls, assignments outside the window, and windows that start on any weekday
/// and cut ISO weeks. Programs are valid (nobody is in two places in one half-day).
enum ReferenceProgramBuilder {
    static let rotationNames = ["clinic", "inpatient", "procedures", "nights", "didactics"]

    static func random(seed: UInt64) -> ReferenceCase {
        var rng = SeededGenerator(seed: seed)
        let facultyCount = Int.random(in: 3...12, using: &rng)
        let residentCount = Int.random(in: 0...8, using: &rng)
        let rotationCount = Int.random(in: 1...4, using: &rng)

        let rotations = rotationNames.shuffled(using: &rng).prefix(rotationCount).map { id in
            Rotation(
                id: id, name: "Rotation \(id)",
                category: ActivityCategory.allCases.randomElement(using: &rng) ?? .research,
                minFaculty: [0, 1, 1, 1, 2].randomElement(using: &rng) ?? 1, supervision: Bool.random(using: &rng))
        }
        let rotationIDs = rotations.map(\.id)

        var numbers = Array(1...40).shuffled(using: &rng)
        var people: [Person] = []
        for _ in 0..<facultyCount {
            let id = "f\(numbers.removeLast())"
            let capabilities: [String]?
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<5: capabilities = nil
            case 5: capabilities = []
            default: capabilities = rotationIDs.filter { _ in Bool.random(using: &rng) }
            }
            let cap: Int?
            switch Int.random(in: 0..<20, using: &rng) {
            case 0..<9: cap = nil
            case 9...10: cap = 0
            default: cap = Int.random(in: 1...6, using: &rng)
            }
            people.append(
                Person(id: id, name: "Dr \(id)", role: .faculty, capabilities: capabilities, maxSessionsPerWeek: cap))
        }
        for number in 0..<residentCount {
            let pgy: Int? = Int.random(in: 0..<4, using: &rng) == 0 ? nil : Int.random(in: 1...3, using: &rng)
            people.append(Person(id: "r\(number)", name: "Resident \(number)", role: .resident, pgy: pgy))
        }
        people.shuffle(using: &rng)
        let faculty = people.filter { $0.role == .faculty }.map(\.id)
        let residents = people.filter { $0.role == .resident }.map(\.id)

        // 2026-06-01 is a Monday; start on any weekday of that week or the next.
        let monday = Day(year: 2026, month: 6, day: 1) ?? Day(ordinal: 20_605)
        let from = monday.advanced(by: Int.random(in: 0...13, using: &rng))
        let window = ScheduleWindow(from: from, days: Int.random(in: 1...28, using: &rng))

        var assignments: [Assignment] = []
        let density = Double.random(in: 0.3...0.8, using: &rng)
        for offset in -2..<(window.days + 2) {
            let day = from.advanced(by: offset)
            for session in Session.allCases {
                var freeFaculty = faculty.shuffled(using: &rng)
                var freeResidents = residents.shuffled(using: &rng)
                for rotation in rotationIDs where Double.random(in: 0..<1, using: &rng) < density {
                    let facultyHere = min(freeFaculty.count, [0, 1, 1, 1, 2, 2, 3].randomElement(using: &rng) ?? 1)
                    let residentsHere = min(freeResidents.count, Int.random(in: 0...3, using: &rng))
                    for _ in 0..<facultyHere {
                        assignments.append(
                            Assignment(
                                person: freeFaculty.removeLast(), date: day, session: session, rotation: rotation,
                                call: Int.random(in: 0..<10, using: &rng) == 0))
                    }
                    for _ in 0..<residentsHere {
                        assignments.append(
                            Assignment(
                                person: freeResidents.removeLast(), date: day, session: session, rotation: rotation,
                                call: Int.random(in: 0..<10, using: &rng) == 0))
                    }
                }
            }
        }
        assignments.shuffle(using: &rng)

        var absences: [Absence] = []
        for person in people where Int.random(in: 0..<10, using: &rng) < (person.role == .faculty ? 3 : 2) {
            let start = from.advanced(by: Int.random(in: -5...window.days, using: &rng))
            let end = start.advanced(by: Int.random(in: 0...6, using: &rng))
            absences.append(
                Absence(
                    person: person.id, start: start, end: end,
                    kind: Absence.Kind.allCases.randomElement(using: &rng) ?? .vacation))
        }

        let program = Program(
            name: "random \(seed)", people: people, rotations: rotations, assignments: assignments, absences: absences)
        return ReferenceCase(seed: seed, program: program, window: window)
    }
}
