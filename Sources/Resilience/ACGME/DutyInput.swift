import Schedule

/// The program read once for the ACGME check, in dense integer form: each resident's half-day sessions
/// (with their minutes and call flags) from 27 days before the window to its end, and each supervised
/// slot's tallies. One pass over the assignments, two hash lookups each; everything after is arrays.
struct DutyInput {
    /// Program people indices of the residents, ordered by id.
    let residentPeople: [Int]
    /// Half-days per resident row: (historyDays + window days) × 2.
    let halfDays: Int
    /// Session minutes per (resident, half-day); -1 where the resident has no assignment.
    let sessionMinutes: [Int]
    /// Call flag per (resident, half-day).
    let call: [Bool]
    let supervision: SupervisionTally

    init(program: Program, window: ScheduleWindow, limits: ACGMELimits) {
        let days = window.days
        let historyDays = DutyClock.historyDays
        let people = program.people
        var personIndex: [String: Int] = [:]
        personIndex.reserveCapacity(people.count)
        for (index, person) in people.enumerated() { personIndex[person.id] = index }

        let residents = people.indices.filter { people[$0].role == .resident }.sorted { people[$0].id < people[$1].id }
        residentPeople = residents
        var residentRow = [Int](repeating: -1, count: people.count)
        for (row, person) in residents.enumerated() { residentRow[person] = row }

        var rotationIndex: [String: Int] = [:]
        for (index, rotation) in program.rotations.enumerated() { rotationIndex[rotation.id] = index }
        // A session lasts at most a day.
        let rotationMinutes = program.rotations.map {
            DutyClock.minutes(ofHours: $0.hoursPerSession, limit: DutyClock.minutesPerDay)
        }

        let halfDays = (historyDays + days) * 2
        self.halfDays = halfDays
        var minutes = [Int](repeating: -1, count: residents.count * halfDays)
        var call = [Bool](repeating: false, count: residents.count * halfDays)
        var tally = SupervisionTally(program: program, window: window, personIndex: personIndex, limits: limits)

        // Exports list assignments grouped by person or by day: remembering the last ids resolved saves
        // most of the hashing.
        var lastPersonID = ""
        var lastPerson: Int?
        var lastRotationID = ""
        var lastRotation: Int?
        for assignment in program.assignments {
            let offset = window.from.distance(to: assignment.date)
            guard offset >= -historyDays, offset < days else { continue }
            if lastPerson == nil || assignment.person != lastPersonID {
                lastPersonID = assignment.person
                lastPerson = personIndex[assignment.person]
            }
            if lastRotation == nil || assignment.rotation != lastRotationID {
                lastRotationID = assignment.rotation
                lastRotation = rotationIndex[assignment.rotation]
            }
            guard let person = lastPerson, let rotation = lastRotation else { continue }
            let row = residentRow[person]
            if row >= 0 {
                let cell = row * halfDays + (offset + historyDays) * 2 + assignment.session.index
                // A double booking (rejected by the loader) keeps the longer session and any call.
                minutes[cell] = max(minutes[cell], rotationMinutes[rotation])
                call[cell] = call[cell] || assignment.call
            }
            if offset >= 0 {
                tally.add(
                    person: person, isResident: row >= 0, rotation: rotation,
                    halfDay: offset * 2 + assignment.session.index)
            }
        }
        sessionMinutes = minutes
        self.call = call
        supervision = tally
    }
}
