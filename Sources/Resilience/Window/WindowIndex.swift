import Schedule

/// A program seen through one window, in dense integer form: the shared input of coverage,
/// utilization, contingency, fallbacks and emergencies.
///
/// Built once per (program, window, suspended categories) so the hot loops of N-1/N-2 never hash
/// a string or a date: faculty, rotations, days, half-days and ISO weeks are all small integers and
/// every lookup is an array index. Semantics follow `contingency_ref.py`'s `load` exactly.
public struct WindowIndex: Sendable {
    /// One (date, session, rotation) with at least one assignment in the window.
    public struct Slot: Sendable, Hashable {
        public var day: Day
        public var session: Session
        /// Index into ``WindowIndex/rotations``.
        public var rotation: Int
        /// Day offset in the window × 2 + session index.
        public var halfDay: Int
        /// Index into ``WindowIndex/weeks``.
        public var week: Int
        /// Faculty needed (0 when the rotation needs none or its category is suspended).
        public var need: Int
        /// Faculty needed before any suspension.
        public var baseNeed: Int
        /// Faculty assigned (indices into ``WindowIndex/faculty``), absent or not.
        public var assigned: [Int]
        /// Assigned faculty who are not absent that day: the slot's coverage.
        public var coverers: [Int]
        /// Indices into the program's people of the residents assigned.
        public var residents: [Int]
        /// True when the rotation's category is suspended by load shedding.
        public var suspended: Bool

        public var coverage: Int { coverers.count }
    }

    public let program: Program
    public let window: ScheduleWindow
    /// Categories whose slots need no faculty and whose faculty are free to cover others.
    public let suspended: Set<ActivityCategory>
    /// Faculty ids, sorted (the reference's order for reports).
    public let faculty: [String]
    /// Faculty id → index into ``faculty``.
    public let facultyIndex: [String: Int]
    /// Program people index of each faculty member.
    public let facultyPerson: [Int]
    public let rotations: [Rotation]
    /// Every slot, ordered by (day, session, rotation id).
    public let slots: [Slot]
    /// The ISO weeks the window touches, in order.
    public let weeks: [ISOWeek]
    /// Day offset → index into ``weeks``.
    public let weekOfDay: [Int]
    /// Weekly cap per faculty (nil: no cap).
    public let cap: [Int?]
    /// Slots (with need > 0) each faculty member covers.
    public let slotsCoveredBy: [[Int]]

    private let absentBits: [Bool]  // faculty × days
    private let busyBits: [Bool]  // faculty × half-days
    private let loadCounts: [Int]  // faculty × weeks
    private let qualifiedBits: [Bool]  // faculty × rotations

    public var halfDayCount: Int { window.days * 2 }

    /// Indexes `program` over `window`. The program must be valid (every reference resolves);
    /// assignments naming unknown people or rotations are skipped.
    public init(program: Program, window: ScheduleWindow, suspended: Set<ActivityCategory> = []) {
        self.program = program
        self.window = window
        self.suspended = suspended
        let days = window.days

        var personIndex: [String: Int] = [:]
        for (index, person) in program.people.enumerated() { personIndex[person.id] = index }
        let facultyPeople = program.people.indices.filter { program.people[$0].role == .faculty }
            .sorted { program.people[$0].id < program.people[$1].id }
        faculty = facultyPeople.map { program.people[$0].id }
        facultyPerson = facultyPeople
        var facultyIndex: [String: Int] = [:]
        for (index, id) in faculty.enumerated() { facultyIndex[id] = index }
        self.facultyIndex = facultyIndex
        rotations = program.rotations
        var rotationIndex: [String: Int] = [:]
        for (index, rotation) in rotations.enumerated() { rotationIndex[rotation.id] = index }
        cap = facultyPeople.map { program.people[$0].maxSessionsPerWeek }

        var weeks: [ISOWeek] = []
        var weekOfDay: [Int] = []
        weekOfDay.reserveCapacity(days)
        for offset in 0..<days {
            let week = window.from.advanced(by: offset).isoWeek
            if weeks.last != week { weeks.append(week) }
            weekOfDay.append(weeks.count - 1)
        }
        self.weeks = weeks
        self.weekOfDay = weekOfDay

        let facultyCount = faculty.count
        var absent = [Bool](repeating: false, count: facultyCount * days)
        for absence in program.absences {
            guard let member = facultyIndex[absence.person] else { continue }
            let first = max(absence.start, window.from)
            let last = min(absence.end, window.end.advanced(by: -1))
            guard first <= last else { continue }
            for offset in window.from.distance(to: first)...window.from.distance(to: last) {
                absent[member * days + offset] = true
            }
        }
        absentBits = absent

        var qualified = [Bool](repeating: false, count: facultyCount * rotations.count)
        for (member, personIndex) in facultyPeople.enumerated() {
            let person = program.people[personIndex]
            for (rotation, value) in rotations.enumerated() {
                qualified[member * rotations.count + rotation] = person.isQualified(for: value.id)
            }
        }
        qualifiedBits = qualified

        // Group the window's assignments into slots.
        struct SlotKey: Hashable {
            var halfDay: Int
            var rotation: Int
        }
        var slotOf: [SlotKey: Int] = [:]
        var slots: [Slot] = []
        var busy = [Bool](repeating: false, count: facultyCount * days * 2)
        var load = [Int](repeating: 0, count: facultyCount * weeks.count)
        for assignment in program.assignments {
            guard let offset = window.offset(of: assignment.date), let rotation = rotationIndex[assignment.rotation],
                let person = personIndex[assignment.person]
            else { continue }
            let halfDay = offset * 2 + assignment.session.index
            let key = SlotKey(halfDay: halfDay, rotation: rotation)
            let slot: Int
            if let existing = slotOf[key] {
                slot = existing
            } else {
                slot = slots.count
                slotOf[key] = slot
                slots.append(
                    Slot(
                        day: assignment.date, session: assignment.session, rotation: rotation, halfDay: halfDay,
                        week: weekOfDay[offset], need: 0, baseNeed: 0, assigned: [], coverers: [], residents: [],
                        suspended: suspended.contains(rotations[rotation].category)))
            }
            if let member = facultyIndex[assignment.person] {
                slots[slot].assigned.append(member)
                if !absent[member * days + offset] { slots[slot].coverers.append(member) }
                if !slots[slot].suspended {
                    busy[member * days * 2 + halfDay] = true
                    load[member * weeks.count + weekOfDay[offset]] += 1
                }
            } else {
                slots[slot].residents.append(person)
            }
        }
        for index in slots.indices {
            let rotation = rotations[slots[index].rotation]
            var need = rotation.minFaculty
            if rotation.supervision {
                let units = slots[index].residents.reduce(0) { sum, person in
                    sum + ((program.people[person].pgy ?? 1) == 1 ? 2 : 1)
                }
                need = max(need, (units + 3) / 4)
            }
            slots[index].baseNeed = max(0, need)
            slots[index].need = slots[index].suspended ? 0 : max(0, need)
        }
        let rotationIDs = program.rotations.map(\.id)
        slots.sort { lhs, rhs in
            if lhs.halfDay != rhs.halfDay { return lhs.halfDay < rhs.halfDay }
            return rotationIDs[lhs.rotation] < rotationIDs[rhs.rotation]
        }
        self.slots = slots
        busyBits = busy
        loadCounts = load

        var covered = [[Int]](repeating: [], count: facultyCount)
        for (index, slot) in slots.enumerated() where slot.need > 0 {
            for member in slot.coverers { covered[member].append(index) }
        }
        slotsCoveredBy = covered
    }

    /// Positions in ``slots`` of the slots on the window's days `days` (offsets): slots are ordered by
    /// half-day, so this is a contiguous range, found by binary search.
    public func slotRange(days: Range<Int>) -> Range<Int> {
        func firstSlot(atOrAfter halfDay: Int) -> Int {
            var low = 0
            var high = slots.count
            while low < high {
                let middle = (low + high) / 2
                if slots[middle].halfDay < halfDay { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let lower = firstSlot(atOrAfter: days.lowerBound * 2)
        return lower..<max(lower, firstSlot(atOrAfter: days.upperBound * 2))
    }

    /// True when faculty `member` is absent on the window's day `offset`.
    @inline(__always) public func isAbsent(_ member: Int, dayOffset offset: Int) -> Bool {
        absentBits[member * window.days + offset]
    }

    /// True when faculty `member` has an assignment (not suspended) in `halfDay`.
    @inline(__always) public func isBusy(_ member: Int, halfDay: Int) -> Bool {
        busyBits[member * window.days * 2 + halfDay]
    }

    /// Sessions faculty `member` is assigned in week `week` (suspended ones excluded).
    @inline(__always) public func load(_ member: Int, week: Int) -> Int { loadCounts[member * weeks.count + week] }

    /// Sessions `member` may still take in `week`: nil when uncapped.
    @inline(__always) public func room(_ member: Int, week: Int) -> Int? {
        cap[member].map { $0 - load(member, week: week) }
    }

    /// True when `member` may cover rotation index `rotation`.
    @inline(__always) public func isQualified(_ member: Int, rotation: Int) -> Bool {
        qualifiedBits[member * rotations.count + rotation]
    }
}
