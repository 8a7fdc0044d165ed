/// Turns a ``ScheduleBlueprint`` into a ``Program``: residents placed by ``ResidentPlanner``,
/// faculty by ``FacultyFiller``, assignments written in (date, session, rotation, person) order so
/// the file reads chronologically and diffs line by line.
struct ScheduleSynthesizer {
    let blueprint: ScheduleBlueprint

    func program() -> Program {
        var rng = SplitMix64(seed: blueprint.seed)
        let plan = ResidentPlanner(blueprint: blueprint).plan(rng: &rng)
        let slots = FacultyFiller(blueprint: blueprint).fill(plan, rng: &rng)
        let rotations = FamilyMedicineRotation.allCases
        let ordered = slots.sorted { lhs, rhs in
            if lhs.halfDay != rhs.halfDay { return lhs.halfDay < rhs.halfDay }
            return lhs.rotation.id < rhs.rotation.id
        }
        var assignments: [Assignment] = []
        assignments.reserveCapacity(ordered.reduce(0) { $0 + $1.faculty.count + $1.residents.count })
        for slot in ordered {
            let day = slot.halfDay / 2
            let date = blueprint.start.advanced(by: day)
            let session: Session = slot.halfDay % 2 == 0 ? .am : .pm
            let rotation = slot.rotation.id
            for member in slot.faculty.sorted() {
                assignments.append(
                    Assignment(person: blueprint.faculty[member].id, date: date, session: session, rotation: rotation))
            }
            for resident in slot.residents.sorted() {
                let call = session == .pm && plan.call[resident * blueprint.days + day]
                assignments.append(
                    Assignment(
                        person: blueprint.residents[resident].id, date: date, session: session, rotation: rotation,
                        call: call))
            }
        }
        let absences = (blueprint.plannedAbsences + plan.vacations).sorted { lhs, rhs in
            (lhs.start, lhs.person) < (rhs.start, rhs.person)
        }
        return Program(
            name: blueprint.name, timezone: blueprint.timezone, people: blueprint.faculty + blueprint.residents,
            rotations: rotations.map(\.rotation), assignments: assignments, absences: absences)
    }
}
