import Schedule

extension ContingencyAnalysis {
    /// The best `limit` trainings, greedily; `contingency` must be this analysis's report. With
    /// N-2 absent from it, only single points of failure are weighed.
    public func advice(contingency: ContingencyReport, limit: Int) -> TrainingAdvice {
        var search = CrossTrainingSearch(index: index, table: table, contingency: contingency)
        return search.run(limit: limit)
    }
}

/// The computation behind ``ContingencyAnalysis/advice(contingency:limit:)``.
///
/// Exactness without re-running N-2 per candidate rests on two facts of the fill problem:
/// a capability only adds edges, so no removal's unfillable count can rise (no new single point
/// of failure, no new fatal pair among people who were safe alone); and the newly qualified member
/// can only step into a removal's deficit slots of that rotation on half-days they are free, so a
/// removal without such a slot keeps its figure. What remains to solve per candidate is the
/// single points of failure and fatal pairs it can touch, plus, for each person it relieves, their
/// pairs with everyone else (N-2 only considers people who are safe alone, so those pairs were
/// never counted before and may be fatal).
struct CrossTrainingSearch {
    struct Pair: Hashable, Comparable {
        var first: Int
        var second: Int

        init(_ a: Int, _ b: Int) {
            first = min(a, b)
            second = max(a, b)
        }

        static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.first, lhs.second) < (rhs.first, rhs.second) }
    }

    /// The risk in force: unfillable figures of the single points of failure and the fatal pairs.
    struct Risk {
        var rotationCount: Int
        var singles: [Int: Int]
        var pairs: [Pair: Int]?

        /// Lower is better: fewer single points of failure first, then fewer fatal pairs, then
        /// fewer slots lost to them.
        var rank: (Int, Int, Int, Int) {
            (singles.count, pairs?.count ?? 0, singles.values.reduce(0, +), pairs?.values.reduce(0, +) ?? 0)
        }

        /// True when `self` ranks lower: fewer single points of failure, or as many and fewer fatal
        /// pairs, or as many of both and fewer slots lost to them (a step toward relieving someone
        /// whose rotations need two trainings).
        func lowers(_ other: Risk) -> Bool { rank < other.rank }
    }

    let index: WindowIndex
    var table: FillerTable
    var risk: Risk
    /// Trainings already advised, as member × rotation count + rotation.
    var added: Set<Int> = []
    /// Per removal (one member, or a pair): its deficit slot positions (fixed by the schedule).
    var deficitCache: [Pair: [Int]] = [:]
    var evaluated = 0

    init(index: WindowIndex, table: FillerTable, contingency: ContingencyReport) {
        self.index = index
        self.table = table
        var singles: [Int: Int] = [:]
        for point in contingency.n1.singlePointsOfFailure {
            if let member = index.facultyIndex[point.person] { singles[member] = point.unfillableSlots }
        }
        var pairs: [Pair: Int]?
        if let n2 = contingency.n2 {
            var found: [Pair: Int] = [:]
            for pair in n2.fatalPairs where pair.people.count == 2 {
                guard let first = index.facultyIndex[pair.people[0]], let second = index.facultyIndex[pair.people[1]]
                else { continue }
                found[Pair(first, second)] = pair.unfillableSlots
            }
            pairs = found
        }
        risk = Risk(rotationCount: index.rotations.count, singles: singles, pairs: pairs)
    }

    mutating func run(limit: Int) -> TrainingAdvice {
        var trainings: [TrainingAdvice.Training] = []
        while trainings.count < limit, !risk.singles.isEmpty || !(risk.pairs?.isEmpty ?? true) {
            guard let best = bestStep() else { break }
            trainings.append(describe(best))
            table = table.adding(member: best.member, rotation: best.rotation, index: index)
            added.insert(best.member * index.rotations.count + best.rotation)
            risk = best.risk
        }
        return TrainingAdvice(trainings: trainings, limit: limit, evaluated: evaluated)
    }

    struct Step {
        var member: Int
        var rotation: Int
        var risk: Risk

        var key: Int { member * risk.rotationCount + rotation }
    }

    /// The training that lowers the risk most, ties to the earlier person id, then rotation id.
    ///
    /// First every candidate's single points of failure and old fatal pairs are solved, trying those
    /// touching more single points of failure first and skipping one that cannot beat the best so
    /// far (it relieves at most the single points of failure it touches; relieving none, it removes
    /// at most the fatal pairs it touches and adds none). Only the candidates left with the fewest
    /// single points of failure then get the pairs of the people they relieve solved (the costly
    /// part: a flow per other faculty member).
    mutating func bestStep() -> Step? {
        let candidates = relevantTrainings().map { key, touched in
            (
                key: key, removals: touched.sorted(),
                singles: touched.filter { $0.first == $0.second }.count
            )
        }.sorted { lhs, rhs in
            if lhs.singles != rhs.singles { return lhs.singles > rhs.singles }
            if lhs.removals.count != rhs.removals.count { return lhs.removals.count > rhs.removals.count }
            return order(lhs.key) < order(rhs.key)
        }
        var flow = CoverageFlow(table: table)
        var partials: [Step] = []
        var mostRelieved = 0
        var mostPairsRemoved = 0
        for candidate in candidates {
            if candidate.singles < mostRelieved { continue }
            if candidate.singles == 0 && mostRelieved == 0 && candidate.removals.count < mostPairsRemoved { continue }
            let member = candidate.key / index.rotations.count
            let rotation = candidate.key % index.rotations.count
            evaluated += 1
            let trial = table.adding(member: member, rotation: rotation, index: index)
            flow.use(trial)
            let after = partialRisk(&flow, touching: candidate.removals)
            guard after.lowers(risk) else { continue }
            let relieved = risk.singles.count - after.singles.count
            if relieved == 0 {
                mostPairsRemoved = max(mostPairsRemoved, (risk.pairs?.count ?? 0) - (after.pairs?.count ?? 0))
            }
            mostRelieved = max(mostRelieved, relieved)
            partials.append(Step(member: member, rotation: rotation, risk: after))
        }
        // Completing a partial risk only adds pairs, so its rank is a lower bound: complete them in
        // (rank, person, rotation) order and stop at the first that cannot beat the best.
        partials.sort { lhs, rhs in
            lhs.risk.rank != rhs.risk.rank ? lhs.risk.rank < rhs.risk.rank : order(lhs.key) < order(rhs.key)
        }
        var best: Step?
        for var step in partials {
            if let current = best,
                current.risk.rank < step.risk.rank
                    || (current.risk.rank == step.risk.rank && order(current.key) < order(step.key))
            {
                break
            }
            if risk.singles.count > step.risk.singles.count {
                flow.use(table.adding(member: step.member, rotation: step.rotation, index: index))
                addPairsOfRelieved(&step.risk, &flow)
                guard step.risk.lowers(risk) else { continue }
            }
            if let current = best {
                let better =
                    step.risk.rank < current.risk.rank
                    || (step.risk.rank == current.risk.rank && order(step.key) < order(current.key))
                guard better else { continue }
            }
            best = step
        }
        return best
    }

    private func order(_ key: Int) -> (String, String) {
        (index.faculty[key / index.rotations.count], index.rotations[key % index.rotations.count].id)
    }

    /// Every training (member × rotation count + rotation) that could change some removal's
    /// figure, with those removals: the member is not removed in it, lacks the rotation, and is
    /// free for one of its deficit slots of that rotation.
    mutating func relevantTrainings() -> [Int: [Pair]] {
        var removals: [Pair] = risk.singles.keys.map { Pair($0, $0) }
        if let pairs = risk.pairs { removals += pairs.keys }
        removals.sort()
        let rotationCount = index.rotations.count
        var found: [Int: [Pair]] = [:]
        var seen = [Bool](repeating: false, count: index.faculty.count * rotationCount)
        for removal in removals {
            var marked: [Int] = []
            for slot in deficitSlots(removal) {
                let rotation = index.slots[slot].rotation
                for member in 0..<index.faculty.count where member != removal.first && member != removal.second {
                    let key = member * rotationCount + rotation
                    guard !seen[key], !index.isQualified(member, rotation: rotation), !added.contains(key),
                        table.isEligible(member, slot: slot, index: index)
                    else { continue }
                    seen[key] = true
                    marked.append(key)
                    found[key, default: []].append(removal)
                }
            }
            for key in marked { seen[key] = false }
        }
        return found
    }

    /// The slots left short when `removal`'s member(s) are gone for the whole window.
    mutating func deficitSlots(_ removal: Pair) -> [Int] {
        if let known = deficitCache[removal] { return known }
        var hits: [Int] = []
        for member in removal.first == removal.second ? [removal.first] : [removal.first, removal.second] {
            for group in table.coverage[member] { hits += group.slots.map(Int.init) }
        }
        hits.sort()
        var slots: [Int] = []
        var position = 0
        while position < hits.count {
            var end = position
            while end < hits.count && hits[end] == hits[position] { end += 1 }
            if table.newDeficit(slot: hits[position], removedCoverers: end - position) > 0 {
                slots.append(hits[position])
            }
            position = end
        }
        deficitCache[removal] = slots
        return slots
    }

    /// The risk with the flow's table in place of the current one, solving only the single points
    /// of failure and fatal pairs it can change. The pairs of people it relieves are not counted yet.
    func partialRisk(_ flow: inout CoverageFlow, touching removals: [Pair]) -> Risk {
        var after = risk
        for removal in removals {
            let members = removal.first == removal.second ? [removal.first] : [removal.first, removal.second]
            let missing = unfillable(members, &flow)
            if removal.first == removal.second {
                after.singles[removal.first] = missing > 0 ? missing : nil
            } else {
                after.pairs?[removal] = missing > 0 ? missing : nil
            }
        }
        return after
    }

    /// Completes a partial risk: each person relieved is now paired in N-2 with everyone who is safe
    /// alone, and those pairs were never counted.
    func addPairsOfRelieved(_ after: inout Risk, _ flow: inout CoverageFlow) {
        guard after.pairs != nil else { return }
        let relieved = risk.singles.keys.filter { after.singles[$0] == nil }.sorted()
        for member in relieved {
            for other in 0..<index.faculty.count where other != member && after.singles[other] == nil {
                if relieved.contains(other) && other < member { continue }  // counted from the other side
                let missing = unfillable([member, other], &flow)
                if missing > 0 { after.pairs?[Pair(member, other)] = missing }
            }
        }
    }

    private func unfillable(_ members: [Int], _ flow: inout CoverageFlow) -> Int {
        let last = table.halfDayCount - 1
        return flow.solve(members.map { Removal(member: $0, firstHalfDay: 0, lastHalfDay: last) }, details: false)
            .unfillable
    }

    func describe(_ step: Step) -> TrainingAdvice.Training {
        let person = index.faculty[step.member]
        let rotation = index.rotations[step.rotation].id
        let relieved = risk.singles.keys.filter { step.risk.singles[$0] == nil }.map { index.faculty[$0] }.sorted()
        let singles = TrainingAdvice.Change(before: risk.singles.count, after: step.risk.singles.count)
        let pairs = risk.pairs.map { TrainingAdvice.Change(before: $0.count, after: step.risk.pairs?.count ?? 0) }
        let slots = TrainingAdvice.Change(
            before: risk.singles.values.reduce(0, +), after: step.risk.singles.values.reduce(0, +))
        var why = "Train \(person) in \(rotation): single points of failure \(singles.before) → \(singles.after)"
        if let pairs { why += ", fatal pairs \(pairs.before) → \(pairs.after)" }
        if !relieved.isEmpty {
            let names = Self.list(relieved)
            why +=
                relieved.count == 1
                ? "; losing \(names) alone would no longer leave slots uncovered"
                : "; losing any one of \(names) would no longer leave slots uncovered"
        } else if singles.before > 0 && slots.after < slots.before {
            why += "; the slots a single loss leaves uncovered fall from \(slots.before) to \(slots.after)"
        }
        let removedPairs = (risk.pairs ?? [:]).keys.filter { step.risk.pairs?[$0] == nil }.sorted()
        if !removedPairs.isEmpty {
            let shown = removedPairs.prefix(3).map { "\(index.faculty[$0.first])+\(index.faculty[$0.second])" }
            let more = removedPairs.count > 3 ? " and \(removedPairs.count - 3) more" : ""
            why +=
                "; losing \(removedPairs.count == 1 ? "the pair" : "any of the pairs") "
                + "\(Self.list(Array(shown)))\(more) would no longer leave slots uncovered"
        }
        if let pairs, pairs.after > pairs.before {
            why += " (more pairs are counted because N-2 only pairs people who are safe alone)"
        }
        return TrainingAdvice.Training(
            person: person, rotation: rotation, singlePointsOfFailure: singles, fatalPairs: pairs, relieved: relieved,
            unfillableSlots: slots, why: why + ".")
    }

    private static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
}
