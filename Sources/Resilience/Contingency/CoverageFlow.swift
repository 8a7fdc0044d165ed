/// The maximum flow of one ISO week's fill problem (slot → (filler, half-day) → filler-week →
/// sink), kept as the matching itself: which filler holds which slot in each half-day.
///
/// Each filler covers at most one slot per half-day and at most its weekly room; the flow is
/// built by augmenting paths on that implicit residual graph, never materialised. All buffers
/// are allocated once per window and reset by undoing only what a round touched, so solving a
/// week costs in proportion to the week's deficits, not to the window. A round may start from
/// units placed by hand (a warm start: the union of two single-loss solutions for N-2) and
/// augmentation then makes it maximal.
struct CoverageFlow {
    private(set) var table: FillerTable

    /// faculty × half-days: the slot holding that (filler, half-day), or −1.
    private(set) var occupant: [Int32]
    /// Per faculty: sessions taken in the current week.
    private var used: [Int32]
    /// Per slot: faculty still wanted, and how many of them are placed.
    private var demand: [Int32]
    private var filled: [Int32]
    /// Per faculty: half-days [from, through] on which they are removed (and cannot fill).
    private var excludedFrom: [Int32]
    private var excludedThrough: [Int32]

    /// What the current round touched, to undo it.
    private(set) var demandSlots: [Int32] = []
    private var occupiedCells: [Int32] = []
    private var usedFillers: [Int32] = []
    private var excludedFillers: [Int32] = []

    private(set) var week = 0
    private(set) var totalDemand = 0
    private(set) var flow = 0

    // Breadth-first search state (stamps avoid clearing between searches).
    private var stamp = 0
    private var slotStamp: [Int]
    private var fillerStamp: [Int]
    /// How the search reached a slot: from the source, by taking its (filler, half-day)
    /// (`parentSlot` took `parentFiller`), or from a full filler who leaves it (`parentFiller`).
    private var parentKind: [UInt8]
    private var parentSlot: [Int32]
    private var parentFiller: [Int32]
    /// The slot that reached a filler through a free (filler, half-day).
    private var fillerParent: [Int32]
    private var queue: [Int32] = []

    private static let fromSource: UInt8 = 0
    private static let takesCell: UInt8 = 1
    private static let leftByFiller: UInt8 = 2

    init(table: FillerTable) {
        self.table = table
        let slotCount = table.slotHalfDay.count
        let faculty = table.facultyCount
        occupant = [Int32](repeating: -1, count: faculty * table.halfDayCount)
        used = [Int32](repeating: 0, count: faculty)
        demand = [Int32](repeating: 0, count: slotCount)
        filled = [Int32](repeating: 0, count: slotCount)
        excludedFrom = [Int32](repeating: Int32.max, count: faculty)
        excludedThrough = [Int32](repeating: -1, count: faculty)
        slotStamp = [Int](repeating: 0, count: slotCount)
        fillerStamp = [Int](repeating: 0, count: faculty)
        parentKind = [UInt8](repeating: 0, count: slotCount)
        parentSlot = [Int32](repeating: -1, count: slotCount)
        parentFiller = [Int32](repeating: -1, count: slotCount)
        fillerParent = [Int32](repeating: -1, count: faculty)
    }

    /// Solves later rounds on `other`, a table of the same window differing only in its candidate
    /// lists (the cross-training advice tries many), reusing every buffer.
    mutating func use(_ other: FillerTable) {
        precondition(
            other.facultyCount == table.facultyCount && other.slotHalfDay.count == table.slotHalfDay.count,
            "a table of another window")
        table = other
    }

    // MARK: Rounds

    /// Starts a round for `week`: no demand, nobody placed. Exclusions persist until cleared.
    mutating func begin(week: Int) {
        for slot in demandSlots {
            demand[Int(slot)] = 0
            filled[Int(slot)] = 0
        }
        for cell in occupiedCells { occupant[Int(cell)] = -1 }
        for member in usedFillers { used[Int(member)] = 0 }
        demandSlots.removeAll(keepingCapacity: true)
        occupiedCells.removeAll(keepingCapacity: true)
        usedFillers.removeAll(keepingCapacity: true)
        self.week = week
        totalDemand = 0
        flow = 0
    }

    /// Removes `member` on half-days `from...through` (whole window: 0...halfDayCount − 1).
    mutating func exclude(_ member: Int, halfDays from: Int, through: Int) {
        excludedFillers.append(Int32(member))
        excludedFrom[member] = Int32(from)
        excludedThrough[member] = Int32(through)
    }

    mutating func clearExclusions() {
        for member in excludedFillers {
            excludedFrom[Int(member)] = Int32.max
            excludedThrough[Int(member)] = -1
        }
        excludedFillers.removeAll(keepingCapacity: true)
    }

    @inline(__always) func isExcluded(_ member: Int, halfDay: Int32) -> Bool {
        halfDay >= excludedFrom[member] && halfDay <= excludedThrough[member]
    }

    /// Asks for `amount` more faculty in `slot` (a slot of the current week).
    mutating func addDemand(slot: Int, _ amount: Int) {
        guard amount > 0 else { return }
        if demand[slot] == 0 { demandSlots.append(Int32(slot)) }
        demand[slot] += Int32(amount)
        totalDemand += amount
    }

    /// Places `member` in `slot` if that keeps the flow feasible (a warm start); false otherwise.
    @discardableResult
    mutating func place(slot: Int, filler member: Int) -> Bool {
        let halfDay = table.slotHalfDay[slot]
        let cell = member * table.halfDayCount + Int(halfDay)
        guard filled[slot] < demand[slot], occupant[cell] < 0, !isExcluded(member, halfDay: halfDay),
            used[member] < table.room[member * table.weekCount + week]
        else { return false }
        occupy(cell: cell, slot: slot)
        takeSession(member)
        filled[slot] += 1
        flow += 1
        return true
    }

    /// Augments until the flow is maximum; returns it.
    @discardableResult
    mutating func maximize() -> Int {
        while flow < totalDemand, augment() {}
        return flow
    }

    /// Faculty still missing in `slot` after the round.
    func unfilled(slot: Int) -> Int { Int(demand[slot] - filled[slot]) }

    /// Calls `body(slot, filler)` for every placement of the round, slots in demand order.
    func forEachPlacement(_ body: (Int, Int) -> Void) {
        for slot in demandSlots where filled[Int(slot)] > 0 {
            let halfDay = Int(table.slotHalfDay[Int(slot)])
            let candidates = table.candidateStart[Int(slot)]..<table.candidateStart[Int(slot) + 1]
            for position in candidates {
                let member = Int(table.candidates[Int(position)])
                if occupant[member * table.halfDayCount + halfDay] == slot { body(Int(slot), member) }
            }
        }
    }

    /// True when `member` holds some slot in the current round.
    func isPlaced(_ member: Int) -> Bool { used[member] > 0 }

    // MARK: Augmenting paths

    @inline(__always) private mutating func occupy(cell: Int, slot: Int) {
        occupant[cell] = Int32(slot)
        occupiedCells.append(Int32(cell))
    }

    @inline(__always) private mutating func takeSession(_ member: Int) {
        if used[member] == 0 { usedFillers.append(Int32(member)) }
        used[member] += 1
    }

    /// One breadth-first search from every slot still short to any filler with room left; applies
    /// the path found. False when there is none (the flow is maximum).
    private mutating func augment() -> Bool {
        stamp += 1
        queue.removeAll(keepingCapacity: true)
        for slot in demandSlots where filled[Int(slot)] < demand[Int(slot)] {
            slotStamp[Int(slot)] = stamp
            parentKind[Int(slot)] = CoverageFlow.fromSource
            queue.append(slot)
        }
        let halfDays = table.halfDayCount
        let roomBase = week
        let weekStride = table.weekCount
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            if node >= 0 {
                // A slot: try each candidate filler in its half-day.
                let halfDay = table.slotHalfDay[node]
                let first = Int(table.candidateStart[node])
                let last = Int(table.candidateStart[node + 1])
                for position in first..<last {
                    let member = Int(table.candidates[position])
                    if isExcluded(member, halfDay: halfDay) { continue }
                    let holder = Int(occupant[member * halfDays + Int(halfDay)])
                    if holder == node { continue }
                    if holder < 0 {
                        guard fillerStamp[member] != stamp else { continue }
                        fillerStamp[member] = stamp
                        fillerParent[member] = Int32(node)
                        if used[member] < table.room[member * weekStride + roomBase] {
                            apply(endingAt: member)
                            return true
                        }
                        queue.append(Int32(-1 - member))
                    } else if slotStamp[holder] != stamp {
                        slotStamp[holder] = stamp
                        parentKind[holder] = CoverageFlow.takesCell
                        parentSlot[holder] = Int32(node)
                        parentFiller[holder] = Int32(member)
                        queue.append(Int32(holder))
                    }
                }
            } else {
                // A filler with no room left: any slot they hold this week may let them go.
                let member = -1 - node
                let first = Int(table.weekFirstHalfDay[week])
                let last = Int(table.weekFirstHalfDay[week + 1])
                for halfDay in first..<last {
                    let holder = Int(occupant[member * halfDays + halfDay])
                    if holder >= 0 && slotStamp[holder] != stamp {
                        slotStamp[holder] = stamp
                        parentKind[holder] = CoverageFlow.leftByFiller
                        parentFiller[holder] = Int32(member)
                        queue.append(Int32(holder))
                    }
                }
            }
        }
        return false
    }

    /// Applies the augmenting path that ends at `member` (who has room), walking back to the source.
    private mutating func apply(endingAt member: Int) {
        let halfDays = table.halfDayCount
        var slot = Int(fillerParent[member])
        occupy(cell: member * halfDays + Int(table.slotHalfDay[slot]), slot: slot)
        takeSession(member)
        while true {
            switch parentKind[slot] {
            case CoverageFlow.fromSource:
                filled[slot] += 1
                flow += 1
                return
            case CoverageFlow.takesCell:
                // `previous` takes over this slot's (filler, half-day).
                let previous = Int(parentSlot[slot])
                let filler = Int(parentFiller[slot])
                occupant[filler * halfDays + Int(table.slotHalfDay[slot])] = Int32(previous)
                slot = previous
            default:
                // The filler leaves this slot and, with the session freed, takes the previous one's.
                let filler = Int(parentFiller[slot])
                occupant[filler * halfDays + Int(table.slotHalfDay[slot])] = -1
                let previous = Int(fillerParent[filler])
                occupy(cell: filler * halfDays + Int(table.slotHalfDay[previous]), slot: previous)
                slot = previous
            }
        }
    }
}
