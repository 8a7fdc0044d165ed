/// Places faculty on the slots the residents' plan creates, the way a chief scheduler would: week
/// by week, the wards first, then the slots fewest people can take; each slot gets the faculty it
/// needs (its rotation's minimum, or one per four supervision units: PGY-1 two, others one) from
/// those qualified, present, free that half-day and under their weekly cap (per ISO week),
/// preferring the most specialised and then the least loaded (which keeps broad faculty free as
/// backups), or with ``ScheduleBlueprint/spreadsLoad`` the least loaded first (which spreads the
/// work evenly and leaves fewer backups at any one half-day).
///
/// When nobody can take a specialty slot its residents spend the half-day in continuity clinic
/// instead; a ward slot nobody can take stays uncovered (the generator then reports a real gap).
struct FacultyFiller {
    struct Slot: Sendable {
        var halfDay: Int
        var rotation: FamilyMedicineRotation
        /// Indices into the blueprint's residents.
        var residents: [Int] = []
        /// Indices into the blueprint's faculty.
        var faculty: [Int] = []
    }

    let blueprint: ScheduleBlueprint

    /// Weekday half-days (Monday AM = 0 … Friday PM = 9) of the faculty-only administration slots, in
    /// the order they are added: the academic half-day and Friday afternoon first, the quietest.
    private static let administrationOrder = [5, 9, 8, 0, 4, 2, 6, 1, 3, 7]

    func fill(_ plan: ResidentPlan, rng: inout SplitMix64) -> [Slot] {
        let days = blueprint.days
        let facultyCount = blueprint.faculty.count
        let rotations = FamilyMedicineRotation.allCases
        var slots = collectSlots(plan)
        guard !slots.isEmpty else { return [] }

        var qualified = [Bool](repeating: false, count: facultyCount * rotations.count)
        var breadth = [Int](repeating: 0, count: facultyCount)
        for (member, person) in blueprint.faculty.enumerated() {
            for rotation in rotations where person.isQualified(for: rotation.id) {
                qualified[member * rotations.count + rotation.rawValue] = true
                breadth[member] += 1
            }
        }
        var absent = [Bool](repeating: false, count: facultyCount * days)
        let facultyIndex = Dictionary(
            blueprint.faculty.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for absence in blueprint.plannedAbsences {
            let first = max(0, blueprint.start.distance(to: absence.start))
            let last = min(days - 1, blueprint.start.distance(to: absence.end))
            guard let member = facultyIndex[absence.person], first <= last else { continue }
            for day in first...last { absent[member * days + day] = true }
        }
        // ISO weeks as contiguous indices.
        let firstMonday = blueprint.start.monday
        let weekOfDay = (0..<days).map { firstMonday.distance(to: blueprint.start.advanced(by: $0).monday) / 7 }
        let weekCount = (weekOfDay.last ?? 0) + 1
        var load = [Int](repeating: 0, count: facultyCount * weekCount)
        var busy = [Bool](repeating: false, count: facultyCount * days * 2)
        let caps = blueprint.faculty.map { $0.maxSessionsPerWeek ?? 14 }

        var slotsOfWeek = [[Int]](repeating: [], count: weekCount)
        for (index, slot) in slots.enumerated() { slotsOfWeek[weekOfDay[slot.halfDay / 2]].append(index) }
        var clinicSlot: [Int: Int] = [:]  // half-day → clinic slot index
        for (index, slot) in slots.enumerated() where slot.rotation == .clinic { clinicSlot[slot.halfDay] = index }

        for week in 0..<weekCount {
            var jitter = Array(0..<facultyCount)
            rng.shuffle(&jitter)
            func available(_ member: Int, _ slot: Slot) -> Bool {
                qualified[member * rotations.count + slot.rotation.rawValue]
                    && !absent[member * days + slot.halfDay / 2]
                    && !busy[member * days * 2 + slot.halfDay] && load[member * weekCount + week] < caps[member]
            }
            func candidates(_ slot: Slot) -> Int {
                (0..<facultyCount).reduce(0) { count, member in
                    qualified[member * rotations.count + slot.rotation.rawValue]
                        && !absent[member * days + slot.halfDay / 2] ? count + 1 : count
                }
            }
            let scarcity = Dictionary(
                slotsOfWeek[week].map { ($0, candidates(slots[$0])) }, uniquingKeysWith: { first, _ in first })
            var queue = slotsOfWeek[week].sorted { lhs, rhs in
                let left = slots[lhs]
                let right = slots[rhs]
                let leftWard = left.rotation.rotation.category == .patientSafety ? 0 : 1
                let rightWard = right.rotation.rotation.category == .patientSafety ? 0 : 1
                return (leftWard, scarcity[lhs] ?? 0, left.halfDay, left.rotation.rawValue)
                    < (rightWard, scarcity[rhs] ?? 0, right.halfDay, right.rotation.rawValue)
            }
            var next = 0
            while next < queue.count {
                let index = queue[next]
                next += 1
                let need = Self.need(slots[index], residents: blueprint.residents)
                while slots[index].faculty.count < need {
                    let slot = slots[index]
                    let best = (0..<facultyCount).filter { available($0, slot) }.min { lhs, rhs in
                        let lhsRoom = caps[lhs] - load[lhs * weekCount + week]
                        let rhsRoom = caps[rhs] - load[rhs * weekCount + week]
                        if blueprint.spreadsLoad {
                            return (-lhsRoom, breadth[lhs], jitter[lhs]) < (-rhsRoom, breadth[rhs], jitter[rhs])
                        }
                        return (breadth[lhs], -lhsRoom, jitter[lhs]) < (breadth[rhs], -rhsRoom, jitter[rhs])
                    }
                    guard let member = best else { break }
                    slots[index].faculty.append(member)
                    busy[member * days * 2 + slot.halfDay] = true
                    load[member * weekCount + week] += 1
                }
                let slot = slots[index]
                guard slot.faculty.count < need, slot.rotation.fallsBackToClinic, !slot.residents.isEmpty else {
                    continue
                }
                // Nobody can take it: release its faculty and send the residents to clinic.
                for member in slot.faculty {
                    busy[member * days * 2 + slot.halfDay] = false
                    load[member * weekCount + week] -= 1
                }
                let clinic: Int
                if let existing = clinicSlot[slot.halfDay] {
                    clinic = existing
                } else {
                    clinic = slots.count
                    slots.append(Slot(halfDay: slot.halfDay, rotation: .clinic))
                    clinicSlot[slot.halfDay] = clinic
                }
                slots[clinic].residents.append(contentsOf: slot.residents)
                slots[index].residents = []
                slots[index].faculty = []
                queue.append(clinic)
            }
        }
        return slots.filter { !$0.residents.isEmpty || !$0.faculty.isEmpty }
    }

    /// Faculty a slot needs (the reference's rule; PGY missing counts as PGY-1).
    static func need(_ slot: Slot, residents: [Person]) -> Int {
        let rotation = slot.rotation.rotation
        guard rotation.supervision else { return rotation.minFaculty }
        let units = slot.residents.reduce(0) { $0 + ((residents[$1].pgy ?? 1) == 1 ? 2 : 1) }
        return max(rotation.minFaculty, (units + 3) / 4)
    }

    /// The plan's resident slots plus the faculty-only administration half-days.
    private func collectSlots(_ plan: ResidentPlan) -> [Slot] {
        let rotationCount = FamilyMedicineRotation.allCases.count
        var slotOf = [Int](repeating: -1, count: plan.days * 2 * rotationCount)
        var slots: [Slot] = []
        func slotIndex(halfDay: Int, rotation: FamilyMedicineRotation) -> Int {
            let key = halfDay * rotationCount + rotation.rawValue
            if slotOf[key] < 0 {
                slotOf[key] = slots.count
                slots.append(Slot(halfDay: halfDay, rotation: rotation))
            }
            return slotOf[key]
        }
        for halfDay in 0..<(plan.days * 2) {
            for resident in 0..<plan.residents {
                guard let rotation = plan.rotation(resident: resident, halfDay: halfDay) else { continue }
                slots[slotIndex(halfDay: halfDay, rotation: rotation)].residents.append(resident)
            }
            let weekday = blueprint.start.advanced(by: halfDay / 2).isoWeekday
            guard weekday <= 5 else { continue }
            let weekdayHalfDay = (weekday - 1) * 2 + halfDay % 2
            let adminCount = min(blueprint.administrationHalfDays, Self.administrationOrder.count)
            if Self.administrationOrder.prefix(adminCount).contains(weekdayHalfDay) {
                _ = slotIndex(halfDay: halfDay, rotation: .administration)
            }
        }
        return slots
    }
}
