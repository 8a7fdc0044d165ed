import Schedule

extension ContingencyAnalysis {
    /// The cascade that losing faculty index `trigger` for the whole window sets off.
    public func cascade(from trigger: Int?, settings: CascadeSettings = .standard) -> Cascade {
        CascadeSimulation(index: index, table: table, factor: settings.overloadFactor).run(from: trigger)
    }
}

/// The computation behind ``ContingencyAnalysis/cascade(from:settings:)``.
///
/// Each round removes everyone gone so far for the whole window and repairs what it can, the way a
/// coordinator would: first without overloading anyone (each colleague's weekly room cut to their
/// overload limit), then, from that repair, up to the weekly caps for what is still uncovered (the
/// same maximum flow as N-1: qualified, present, free that half-day). A person's usual load is their
/// mean weekly sessions in the window; the repair overloads them when it lifts that mean above
/// `max(factor × usual, usual + 1)` (the first phase keeps every week under that line), and those
/// drop out in the next round. It stops when a round overloads nobody (at most one round
/// per faculty member).
struct CascadeSimulation {
    let index: WindowIndex
    let table: FillerTable
    let factor: Double

    func run(from trigger: Int?) -> Cascade {
        let base = Coverage(index: index)
        guard let trigger, (0..<index.faculty.count).contains(trigger), !index.slotsCoveredBy[trigger].isEmpty else {
            return Cascade(
                trigger: nil, rounds: [], initialCoverage: base.rate, finalCoverage: base.rate, risk: 0,
                catastrophic: base.rate < 0.5, overloadFactor: factor)
        }
        let weeks = index.weeks.count
        // Weeks of the window, as a length (a 28-day window from a Wednesday touches five ISO weeks
        // but lasts four): the usual load is sessions per seven days.
        let span = Double(index.window.days) / 7
        let factor = min(max(self.factor, 1), 10)
        var limit = [Double](repeating: 0, count: index.faculty.count)
        var sessions = [Int](repeating: 0, count: index.faculty.count)
        var gentleRoom = table.room
        for member in limit.indices {
            for week in 0..<weeks { sessions[member] += index.load(member, week: week) }
            let usual = Double(sessions[member]) / max(span, 1 / 7)
            limit[member] = max(factor * usual, usual + 1)
            for week in 0..<weeks {
                let headroom = Int32(max(0, (limit[member] - Double(index.load(member, week: week))).rounded(.down)))
                gentleRoom[member * weeks + week] = min(gentleRoom[member * weeks + week], headroom)
            }
        }
        let gentle = FillerTable(
            copying: table, candidateStart: table.candidateStart, candidates: table.candidates, room: gentleRoom)
        var gentleFlow = CoverageFlow(table: gentle)
        var fullFlow = CoverageFlow(table: table)
        var gone: [Int] = []
        var lost = [trigger]
        var rounds: [Cascade.Round] = []
        var coverage = base.rate
        while !lost.isEmpty {
            gone += lost
            let (placements, unfilled) = repair(removing: gone, gentle: &gentleFlow, full: &fullFlow)
            var taken = [Int](repeating: 0, count: index.faculty.count)
            for placement in placements { taken[placement.filler] += 1 }
            var overloaded: [Int] = []
            for member in index.faculty.indices where !gone.contains(member) && taken[member] > 0 {
                let mean = Double(sessions[member] + taken[member]) / max(span, 1 / 7)
                if mean > limit[member] + 1e-9 { overloaded.append(member) }
            }
            coverage = base.totalNeed > 0 ? Double(base.covered - unfilled) / Double(base.totalNeed) : 1
            rounds.append(
                Cascade.Round(
                    number: rounds.count + 1, lost: lost.map { index.faculty[$0] }, gone: gone.count,
                    unfilled: unfilled, coverage: coverage, overloaded: overloaded.map { index.faculty[$0] }))
            lost = overloaded
        }
        // Only what the loss costs counts: a program already below half coverage is not made
        // catastrophic by a loss that costs nothing.
        let costly = coverage < base.rate - 1e-12
        let catastrophic = costly && coverage < 0.5
        let room = base.rate - 0.5
        let risk = !costly ? 0 : catastrophic || room <= 0 ? 100 : min(100, 100 * (base.rate - coverage) / room)
        return Cascade(
            trigger: index.faculty[trigger], rounds: rounds, initialCoverage: base.rate, finalCoverage: coverage,
            risk: risk, catastrophic: catastrophic, overloadFactor: factor)
    }

    /// The repair of losing `gone` for the whole window: placements and faculty-slots left unfilled.
    private func repair(removing gone: [Int], gentle: inout CoverageFlow, full: inout CoverageFlow)
        -> (placements: [(slot: Int, filler: Int)], unfilled: Int)
    {
        var hits: [Int32] = []
        for member in gone {
            for group in table.coverage[member] { hits += group.slots }
        }
        hits.sort()
        gentle.clearExclusions()
        full.clearExclusions()
        for member in gone {
            gentle.exclude(member, halfDays: 0, through: table.halfDayCount - 1)
            full.exclude(member, halfDays: 0, through: table.halfDayCount - 1)
        }
        var placements: [(slot: Int, filler: Int)] = []
        var unfilled = 0
        var position = 0
        while position < hits.count {
            let week = Int(table.slotWeek[Int(hits[position])])
            gentle.begin(week: week)
            full.begin(week: week)
            while position < hits.count && Int(table.slotWeek[Int(hits[position])]) == week {
                let slot = hits[position]
                var removed = 0
                while position < hits.count && hits[position] == slot {
                    removed += 1
                    position += 1
                }
                let deficit = table.newDeficit(slot: Int(slot), removedCoverers: removed)
                gentle.addDemand(slot: Int(slot), deficit)
                full.addDemand(slot: Int(slot), deficit)
            }
            gentle.maximize()
            gentle.forEachPlacement { slot, filler in _ = full.place(slot: slot, filler: filler) }
            full.maximize()
            unfilled += full.totalDemand - full.flow
            full.forEachPlacement { slot, filler in placements.append((slot, filler)) }
        }
        gentle.clearExclusions()
        full.clearExclusions()
        gentle.begin(week: 0)
        full.begin(week: 0)
        return (placements, unfilled)
    }
}
