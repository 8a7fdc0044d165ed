/// The fill problem's fixed part, laid out as flat integer arrays: for every slot that needs
/// faculty, who could step in (not absent that day, free that half-day, qualified, with weekly
/// room), and every faculty member's weekly room.
///
/// It depends only on the window, never on who is removed, so N-1, N-2, fallbacks and emergency
/// repairs all share one table and the hot loops only read arrays.
struct FillerTable: Sendable {
    /// Room of an uncapped faculty member: larger than any week's demand.
    static let unbounded: Int32 = Int32.max / 2

    let facultyCount: Int
    let halfDayCount: Int
    let weekCount: Int
    /// Per slot: half-day, week, and coverage − need (meaningful only when need > 0).
    let slotHalfDay: [Int32]
    let slotWeek: [Int32]
    let slotSlack: [Int32]
    /// Per slot: its candidate fillers are `candidates[candidateStart[s] ..< candidateStart[s + 1]]`.
    let candidateStart: [Int32]
    let candidates: [Int32]
    /// faculty × weeks: sessions still allowed that week (``unbounded`` when uncapped).
    let room: [Int32]
    /// Per week: its half-days are `weekFirstHalfDay[w] ..< weekFirstHalfDay[w + 1]`.
    let weekFirstHalfDay: [Int32]
    /// Per faculty: the week groups of the slots (need > 0) they cover, in week order.
    let coverage: [[CoveredWeek]]

    /// The slots (need > 0) one faculty member covers in one week: `slots` ascending, repeated
    /// when the member is assigned twice to the same slot (the reference counts both).
    struct CoveredWeek: Sendable {
        var week: Int32
        var slots: [Int32]
    }

    init(index: WindowIndex) {
        facultyCount = index.faculty.count
        halfDayCount = index.halfDayCount
        weekCount = index.weeks.count
        var room = [Int32](repeating: 0, count: facultyCount * weekCount)
        for member in 0..<facultyCount {
            for week in 0..<weekCount {
                room[member * weekCount + week] =
                    index.room(member, week: week).map { Int32(clamping: $0) } ?? FillerTable.unbounded
            }
        }
        self.room = room

        var firstHalfDay = [Int32](repeating: Int32(halfDayCount), count: weekCount + 1)
        for offset in stride(from: index.window.days - 1, through: 0, by: -1) {
            firstHalfDay[index.weekOfDay[offset]] = Int32(offset * 2)
        }
        weekFirstHalfDay = firstHalfDay

        var halfDays: [Int32] = []
        var weeks: [Int32] = []
        var slacks: [Int32] = []
        var starts: [Int32] = [0]
        var candidates: [Int32] = []
        halfDays.reserveCapacity(index.slots.count)
        for slot in index.slots {
            halfDays.append(Int32(slot.halfDay))
            weeks.append(Int32(slot.week))
            slacks.append(Int32(clamping: slot.coverage - slot.need))
            if slot.need > 0 {
                let offset = slot.halfDay / 2
                for member in 0..<facultyCount
                where !index.isAbsent(member, dayOffset: offset) && !index.isBusy(member, halfDay: slot.halfDay)
                    && index.isQualified(member, rotation: slot.rotation)
                    && room[member * weekCount + slot.week] > 0
                {
                    candidates.append(Int32(member))
                }
            }
            starts.append(Int32(candidates.count))
        }
        slotHalfDay = halfDays
        slotWeek = weeks
        slotSlack = slacks
        candidateStart = starts
        self.candidates = candidates

        coverage = index.slotsCoveredBy.map { covered in
            var groups: [CoveredWeek] = []
            for slot in covered {
                let week = Int32(index.slots[slot].week)
                if groups.last?.week != week { groups.append(CoveredWeek(week: week, slots: [])) }
                groups[groups.count - 1].slots.append(Int32(slot))
            }
            return groups
        }
    }

    /// `table` with other candidate lists or weekly room (see `adding(member:rotation:index:)`).
    init(copying table: FillerTable, candidateStart: [Int32], candidates: [Int32], room: [Int32]? = nil) {
        facultyCount = table.facultyCount
        halfDayCount = table.halfDayCount
        weekCount = table.weekCount
        slotHalfDay = table.slotHalfDay
        slotWeek = table.slotWeek
        slotSlack = table.slotSlack
        self.candidateStart = candidateStart
        self.candidates = candidates
        self.room = room ?? table.room
        weekFirstHalfDay = table.weekFirstHalfDay
        coverage = table.coverage
    }

    /// The new deficit of a slot when `removed` of its coverers are gone:
    /// max(0, need − (coverage − removed)) − max(0, need − coverage) = max(0, removed − max(0, slack)).
    @inline(__always) func newDeficit(slot: Int, removedCoverers removed: Int) -> Int {
        max(0, removed - max(0, Int(slotSlack[slot])))
    }
}
