import Resilience
import Schedule
import Testing

/// Repair plans: who covers which slot when faculty are gone for the window or for some days.
@Suite struct ContingencyRepairPlanTests {
    @Test func removalForSomeDaysOnlyUncoversThoseDays() throws {
        // A covers Monday AM and Wednesday AM; B is free all week. A away Monday only: one slot
        // (Monday AM) loses its only coverer, B steps in. A away all window: both, B takes both.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B")
        hand.assign("A", day: 0, .am)
        hand.assign("A", day: 2, .am)
        let index = hand.index()
        let monday = try #require(index.slots.firstIndex { $0.day == ContingencyHandProgram.monday })
        let a = try #require(index.facultyIndex["A"])
        let b = try #require(index.facultyIndex["B"])
        let day = ContingencyHandProgram.monday
        let plan = RepairPlanner.plan(index: index, removed: [a: day...day])
        #expect(plan.newDeficit == 1)
        #expect(plan.newDeficitBySlot == [monday: 1])
        #expect(plan.reassignments == [RepairPlan.Reassignment(slot: monday, filler: b)])
        #expect(plan.unfillable == 0)
        #expect(RepairPlanner.plan(index: index, removed: [a: nil]).reassignments.count == 2)
    }

    @Test func someoneAwayForSomeDaysStillFillsOnTheOthers() throws {
        // B covers Wednesday AM and is removed all window; A is away Monday–Tuesday only, so A
        // fills Wednesday. Extend A's absence to Wednesday and nobody is left → unfillable 1.
        var hand = ContingencyHandProgram()
        hand.faculty("A")
        hand.faculty("B")
        hand.assign("B", day: 2, .am)
        let index = hand.index()
        let a = try #require(index.facultyIndex["A"])
        let b = try #require(index.facultyIndex["B"])
        let day = ContingencyHandProgram.monday
        let short = RepairPlanner.plan(index: index, removed: [a: day...day.advanced(by: 1), b: nil])
        #expect(short.reassignments == [RepairPlan.Reassignment(slot: 0, filler: a)])
        let long = RepairPlanner.plan(index: index, removed: [a: day...day.advanced(by: 2), b: nil])
        #expect(long.reassignments.isEmpty)
        #expect(long.unfilledBySlot == [0: 1])
        #expect(long.unfillable == 1)
    }

    @Test func suspendingACategoryFreesItsFacultyToFill() throws {
        // A covers Monday AM clinic; B teaches optional grand rounds (needs 1) that same half-day.
        // Losing A: B is busy → unfillable 1. With education_optional suspended, grand rounds need
        // nobody and B is free → B covers the clinic.
        var hand = ContingencyHandProgram()
        hand.rotations.append(
            Rotation(id: "rounds", name: "Grand rounds", category: .educationOptional, minFaculty: 1))
        hand.faculty("A")
        hand.faculty("B")
        hand.assign("A", day: 0, .am)
        hand.assign("B", day: 0, .am, "rounds")
        let normal = hand.index()
        let a = try #require(normal.facultyIndex["A"])
        #expect(RepairPlanner.plan(index: normal, removed: [a: nil]).unfillable == 1)
        let shed = hand.index(suspended: [.educationOptional])
        let plan = RepairPlanner.plan(index: shed, removed: [a: nil])
        #expect(plan.unfillable == 0)
        #expect(plan.reassignments.map { shed.faculty[$0.filler] } == ["B"])
    }

    @Test func plansOnRandomProgramsAreFeasibleAndAgreeWithUnfillable() {
        for seed in UInt64(0)..<150 {
            let random = ReferenceProgramBuilder.random(seed: 0xF1_0000 + seed)
            let index = WindowIndex(program: random.program, window: random.window)
            let analysis = ContingencyAnalysis(index: index)
            var rng = SeededGenerator(seed: seed)
            let faculty = Array(0..<index.faculty.count)
            let removed = Set(faculty.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
            let plan = analysis.plan(removing: Dictionary(uniqueKeysWithValues: removed.map { ($0, nil) }))
            #expect(plan.unfillable == analysis.unfillable(removing: removed), "seed \(seed)")
            #expect(plan.unfillable == plan.unfilledBySlot.values.reduce(0, +), "seed \(seed)")
            #expect(plan.newDeficit == plan.newDeficitBySlot.values.reduce(0, +), "seed \(seed)")
            #expect(isFeasible(plan, on: index, removed: removed), "seed \(seed)")
            // The whole window spelled as days is the same removal as nil.
            let days = random.window.from...random.window.end.advanced(by: -1)
            let spelled = analysis.plan(removing: Dictionary(uniqueKeysWithValues: removed.map { ($0, days) }))
            #expect(spelled == plan, "seed \(seed)")
        }
    }

    @Test func coldAndWarmStartedPairsAgree() {
        // N-2 solves pairs warm from the single-loss repairs; unfillable(removing:) solves cold.
        for seed in UInt64(0)..<60 {
            let random = ReferenceProgramBuilder.random(seed: 0xA1_0000 + seed)
            let analysis = ContingencyAnalysis(index: WindowIndex(program: random.program, window: random.window))
            let report = analysis.report()
            let alone = analysis.unfillableAlone()
            let safe = alone.indices.filter { alone[$0] == 0 }
            var cold: [ContingencyReport.FatalPair] = []
            for (position, first) in safe.enumerated() {
                for second in safe[(position + 1)...] {
                    let missing = analysis.unfillable(removing: [first, second])
                    if missing > 0 {
                        let people = [analysis.index.faculty[first], analysis.index.faculty[second]]
                        cold.append(ContingencyReport.FatalPair(people: people, unfillableSlots: missing))
                    }
                }
            }
            #expect(report.n2?.fatalPairs == cold, "seed \(seed)")
            #expect(report.n1.singlePointsOfFailure.map(\.unfillableSlots) == alone.filter { $0 > 0 })
        }
    }

    /// Every reassignment is to a slot that lost coverage, by someone present, free that
    /// half-day, qualified and with weekly room, nobody twice in a half-day, no slot over-filled.
    private func isFeasible(_ plan: RepairPlan, on index: WindowIndex, removed: Set<Int>) -> Bool {
        var seen = Set<[Int]>()
        var perWeek: [[Int]: Int] = [:]
        var perSlot: [Int: Int] = [:]
        for move in plan.reassignments {
            let slot = index.slots[move.slot]
            let offset = slot.halfDay / 2
            guard !removed.contains(move.filler), !index.isAbsent(move.filler, dayOffset: offset),
                !index.isBusy(move.filler, halfDay: slot.halfDay),
                index.isQualified(move.filler, rotation: slot.rotation),
                seen.insert([move.filler, slot.halfDay]).inserted
            else { return false }
            perWeek[[move.filler, slot.week], default: 0] += 1
            perSlot[move.slot, default: 0] += 1
        }
        for (key, count) in perWeek where index.room(key[0], week: key[1]).map({ count > $0 }) ?? false {
            return false
        }
        return perSlot.allSatisfy { slot, count in count <= plan.newDeficitBySlot[slot] ?? 0 }
    }
}
