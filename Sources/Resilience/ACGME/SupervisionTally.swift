import Schedule

/// Per supervised slot (half-day × rotation) of the window: the residents' supervision units, the
/// residents themselves and the faculty present, tallied in dense arrays while ``DutyInput`` reads the
/// assignments.
///
/// A PGY-1 (or a resident whose PGY is missing, as in ``WindowIndex``) is 2 units, any other resident 1;
/// the slot needs ceil(units / 4) faculty present, present meaning assigned to the slot and not absent.
struct SupervisionTally {
    private let rotationCount: Int
    private let supervised: [Bool]
    private let unitsPerFaculty: Int
    private let days: Int
    /// Program person index → faculty row (-1: not faculty).
    private let facultyRow: [Int]
    private let pgy1: [Bool]
    /// Faculty row × window day.
    private let absent: [Bool]
    private var units: [Int]
    private var residentCount: [Int]
    private var pgy1Count: [Int]
    private var present: [Int]
    /// Each slot's residents as a linked list through `residentPerson` / `residentNext` (-1 ends it).
    private var residentHead: [Int]
    private var residentPerson: [Int] = []
    private var residentNext: [Int] = []

    init(program: Program, window: ScheduleWindow, personIndex: [String: Int], limits: ACGMELimits) {
        rotationCount = program.rotations.count
        supervised = program.rotations.map(\.supervision)
        unitsPerFaculty = max(1, limits.supervisionUnitsPerFaculty)
        days = window.days
        var facultyRow = [Int](repeating: -1, count: program.people.count)
        var facultyCount = 0
        for (index, person) in program.people.enumerated() where person.role == .faculty {
            facultyRow[index] = facultyCount
            facultyCount += 1
        }
        self.facultyRow = facultyRow
        pgy1 = program.people.map { ($0.pgy ?? 1) == 1 }
        var absent = [Bool](repeating: false, count: facultyCount * window.days)
        for absence in program.absences {
            guard let person = personIndex[absence.person], facultyRow[person] >= 0 else { continue }
            let first = max(window.from.distance(to: absence.start), 0)
            let last = min(window.from.distance(to: absence.end), window.days - 1)
            guard first <= last else { continue }
            for day in first...last { absent[facultyRow[person] * window.days + day] = true }
        }
        self.absent = absent
        let slotCount = window.days * 2 * rotationCount
        units = [Int](repeating: 0, count: slotCount)
        residentCount = [Int](repeating: 0, count: slotCount)
        pgy1Count = [Int](repeating: 0, count: slotCount)
        present = [Int](repeating: 0, count: slotCount)
        residentHead = [Int](repeating: -1, count: slotCount)
    }

    /// Counts one assignment of the window (`halfDay` = day offset × 2 + session index).
    mutating func add(person: Int, isResident: Bool, rotation: Int, halfDay: Int) {
        guard supervised[rotation] else { return }
        let slot = halfDay * rotationCount + rotation
        if isResident {
            residentCount[slot] += 1
            if pgy1[person] {
                pgy1Count[slot] += 1
                units[slot] += 2
            } else {
                units[slot] += 1
            }
            residentPerson.append(person)
            residentNext.append(residentHead[slot])
            residentHead[slot] = residentPerson.count - 1
        } else {
            let row = facultyRow[person]
            if row >= 0, !absent[row * days + halfDay / 2] { present[slot] += 1 }
        }
    }

    /// One critical violation per supervised slot with fewer faculty present than its residents need
    /// (person: the rotation id), ordered by rotation id, date and session; and the count of supervised
    /// slots with residents and nobody present.
    func findings(program: Program, window: ScheduleWindow) -> (violations: [ACGMEViolation], withoutFaculty: Int) {
        var failing: [Int] = []
        var withoutFaculty = 0
        for slot in residentCount.indices where residentCount[slot] > 0 {
            if present[slot] == 0 { withoutFaculty += 1 }
            if present[slot] < required(slot) { failing.append(slot) }
        }
        let rotations = program.rotations
        // Slots are in (half-day, rotation) order; reports want rotation id first. Stable: keeps the dates.
        let rotationRank = rotations.indices.sorted { rotations[$0].id < rotations[$1].id }
        var rankOf = [Int](repeating: 0, count: rotations.count)
        for (rank, rotation) in rotationRank.enumerated() { rankOf[rotation] = rank }
        var ordered = [[Int]](repeating: [], count: rotations.count)
        for slot in failing { ordered[rankOf[slot % rotationCount]].append(slot) }

        var violations: [ACGMEViolation] = []
        violations.reserveCapacity(failing.count)
        for slot in ordered.joined() {
            var residents: [String] = []
            var link = residentHead[slot]
            while link >= 0 {
                residents.append(program.people[residentPerson[link]].id)
                link = residentNext[link]
            }
            residents.sort()
            violations.append(
                violation(
                    slot: slot, residents: residents, rotation: rotations[slot % rotationCount].id, window: window))
        }
        return (violations, withoutFaculty)
    }

    private func violation(slot: Int, residents: [String], rotation: String, window: ScheduleWindow) -> ACGMEViolation {
        let halfDay = slot / rotationCount
        let day = window.from.advanced(by: halfDay / 2)
        let session: Session = halfDay % 2 == 0 ? .am : .pm
        let need = required(slot)
        let interns = pgy1Count[slot]
        let others = residentCount[slot] - interns
        let message =
            "\(rotation) \(day) \(session.rawValue): \(present[slot]) faculty present for "
            + "\(residents.joined(separator: ", ")), needs \(need) "
            + "(\(interns) PGY-1 and \(others) other residents: "
            + "ceil((2*\(interns) + \(others))/\(unitsPerFaculty)) = \(need))"
        return ACGMEViolation(
            rule: .supervisionRatio, severity: .critical, person: rotation, first: day, last: day,
            session: session, measured: Double(present[slot]), limit: Double(need), residents: residents,
            message: message)
    }

    private func required(_ slot: Int) -> Int { (units[slot] + unitsPerFaculty - 1) / unitsPerFaculty }
}
