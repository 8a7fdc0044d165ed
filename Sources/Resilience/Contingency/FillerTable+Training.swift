/// The filler table of the same window after training one more faculty member in one more
/// rotation: the cross-training advice asks "what if" of many such tables, so this copies the
/// current one and inserts the member where they become a candidate, instead of rebuilding it.
extension FillerTable {
    /// This table with faculty `member` also qualified for rotation index `rotation`: they become a
    /// candidate for every slot of that rotation needing faculty on a half-day they are present,
    /// free and have weekly room. Candidates stay in member order, exactly as a table built from a
    /// program holding the capability would list them.
    func adding(member: Int, rotation: Int, index: WindowIndex) -> FillerTable {
        var starts: [Int32] = []
        var list: [Int32] = []
        starts.reserveCapacity(candidateStart.count)
        list.reserveCapacity(candidates.count + 64)
        starts.append(0)
        let newcomer = Int32(member)
        for position in index.slots.indices {
            let existing = candidates[Int(candidateStart[position])..<Int(candidateStart[position + 1])]
            if index.slots[position].rotation == rotation && index.slots[position].need > 0
                && isEligible(member, slot: position, index: index)
                && !existing.contains(newcomer)
            {
                var inserted = false
                for candidate in existing {
                    if !inserted && candidate > newcomer {
                        list.append(newcomer)
                        inserted = true
                    }
                    list.append(candidate)
                }
                if !inserted { list.append(newcomer) }
            } else {
                list.append(contentsOf: existing)
            }
            starts.append(Int32(list.count))
        }
        return FillerTable(copying: self, candidateStart: starts, candidates: list)
    }

    /// True when `member` could step into slot position `slot` were they qualified: present that
    /// day, free that half-day, with weekly room.
    func isEligible(_ member: Int, slot: Int, index: WindowIndex) -> Bool {
        let halfDay = Int(slotHalfDay[slot])
        return !index.isAbsent(member, dayOffset: halfDay / 2) && !index.isBusy(member, halfDay: halfDay)
            && room[member * weekCount + Int(slotWeek[slot])] > 0
    }
}
