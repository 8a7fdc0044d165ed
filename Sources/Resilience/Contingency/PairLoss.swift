/// unfillable({f, g}) for N-2, computed from the two single losses instead of from scratch.
///
/// unfillable is a sum over ISO weeks, and a week is only disturbed when f or g covers a slot in
/// it. In such a week the pair's deficits are f's and g's, plus one more on each slot they both
/// cover with exactly one faculty to spare. When those deficits are f's alone and f's single-loss
/// repair never called on g, that repair is already a maximum flow for the pair (the pair has the
/// same demand and fewer fillers, and the repair is still feasible); likewise for g. Otherwise the
/// week is solved warm: both single repairs are merged (dropping units that use the other member,
/// collide on a filler's half-day or overrun a filler's week) and augmented to a maximum flow.
struct PairLoss {
    private let table: FillerTable
    private let singles: SingleLosses
    private var flow: CoverageFlow
    private var pairSlots: [Int32] = []
    private var pairDeficits: [Int32] = []

    init(table: FillerTable, singles: SingleLosses) {
        self.table = table
        self.singles = singles
        flow = CoverageFlow(table: table)
    }

    /// unfillable({first, second}) with first ≠ second.
    mutating func unfillable(_ first: Int, _ second: Int) -> Int {
        let weeksOfFirst = singles.weeks[first]
        let weeksOfSecond = singles.weeks[second]
        var missing = 0
        var excluded = false
        var i = 0
        var j = 0
        while i < weeksOfFirst.count || j < weeksOfSecond.count {
            let onlyFirst =
                j == weeksOfSecond.count || (i < weeksOfFirst.count && weeksOfFirst[i].week < weeksOfSecond[j].week)
            let onlySecond = !onlyFirst && (i == weeksOfFirst.count || weeksOfSecond[j].week < weeksOfFirst[i].week)
            if onlyFirst || onlySecond {
                // Only one of the pair works this week: its own deficits, minus the other as a filler.
                let (alone, other) = onlyFirst ? (weeksOfFirst[i], second) : (weeksOfSecond[j], first)
                if onlyFirst { i += 1 } else { j += 1 }
                guard alone.deficit > 0 else { continue }
                guard alone.places(other) else {
                    missing += Int(alone.unfilled)
                    continue
                }
                if !excluded { exclude(first, second, &excluded) }
                missing += solve(week: alone.week, demandFrom: alone, warm: alone, skipping: other, nil, 0)
                continue
            }
            let a = weeksOfFirst[i]
            let b = weeksOfSecond[j]
            i += 1
            j += 1
            let deficit = mergeDeficits(a.covered, b.covered)
            if deficit == 0 { continue }
            if deficit == Int(a.deficit) && !a.places(second) {
                missing += Int(a.unfilled)
                continue
            }
            if deficit == Int(b.deficit) && !b.places(first) {
                missing += Int(b.unfilled)
                continue
            }
            if !excluded { exclude(first, second, &excluded) }
            missing += solve(week: a.week, demandFrom: nil, warm: a, skipping: second, b, first)
        }
        if excluded { flow.clearExclusions() }
        return missing
    }

    private mutating func exclude(_ first: Int, _ second: Int, _ excluded: inout Bool) {
        flow.exclude(first, halfDays: 0, through: table.halfDayCount - 1)
        flow.exclude(second, halfDays: 0, through: table.halfDayCount - 1)
        excluded = true
    }

    /// Fills `pairSlots`/`pairDeficits` with the pair's new deficits in one week; returns their sum.
    private mutating func mergeDeficits(_ a: [Int32], _ b: [Int32]) -> Int {
        pairSlots.removeAll(keepingCapacity: true)
        pairDeficits.removeAll(keepingCapacity: true)
        var total = 0
        var p = 0
        var q = 0
        while p < a.count || q < b.count {
            let slot = q == b.count || (p < a.count && a[p] < b[q]) ? a[p] : b[q]
            var removed = 0
            while p < a.count && a[p] == slot {
                removed += 1
                p += 1
            }
            while q < b.count && b[q] == slot {
                removed += 1
                q += 1
            }
            let deficit = table.newDeficit(slot: Int(slot), removedCoverers: removed)
            if deficit > 0 {
                pairSlots.append(slot)
                pairDeficits.append(Int32(deficit))
                total += deficit
            }
        }
        return total
    }

    /// Solves one week warm. The demand is `demandFrom`'s deficits, or `pairSlots` when nil; the
    /// start is `warm`'s repair without `skipping`, then `extra`'s without `extraSkipping`.
    private mutating func solve(
        week: Int32, demandFrom: SingleLosses.Week?, warm: SingleLosses.Week, skipping: Int,
        _ extra: SingleLosses.Week?, _ extraSkipping: Int
    ) -> Int {
        flow.begin(week: Int(week))
        if let demandFrom {
            var position = 0
            let covered = demandFrom.covered
            while position < covered.count {
                let slot = covered[position]
                var removed = 0
                while position < covered.count && covered[position] == slot {
                    removed += 1
                    position += 1
                }
                flow.addDemand(slot: Int(slot), table.newDeficit(slot: Int(slot), removedCoverers: removed))
            }
        } else {
            for index in pairSlots.indices { flow.addDemand(slot: Int(pairSlots[index]), Int(pairDeficits[index])) }
        }
        for index in warm.placedSlots.indices where Int(warm.placedFillers[index]) != skipping {
            flow.place(slot: Int(warm.placedSlots[index]), filler: Int(warm.placedFillers[index]))
        }
        if let extra {
            for index in extra.placedSlots.indices where Int(extra.placedFillers[index]) != extraSkipping {
                flow.place(slot: Int(extra.placedSlots[index]), filler: Int(extra.placedFillers[index]))
            }
        }
        flow.maximize()
        return flow.totalDemand - flow.flow
    }
}
