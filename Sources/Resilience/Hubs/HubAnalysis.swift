import Schedule

/// Who the program hinges on, from figures the engine already has: the N-1 and N-2 results of the
/// contingency report, the filler table (who could fill each slot) and the window index. Nothing is
/// recomputed by flow; the extra work is one pass over every faculty member's covered slots.
extension ContingencyAnalysis {
    /// Every faculty member's hub figures, ranked. `contingency` must be this analysis's report.
    public func hubs(contingency: ContingencyReport, settings: HubSettings = .standard) -> HubReport {
        HubRanking(index: index, table: table, contingency: contingency).report(threshold: settings.criticalThreshold)
    }
}

/// The computation behind ``ContingencyAnalysis/hubs(contingency:settings:)``.
struct HubRanking {
    let index: WindowIndex
    let table: FillerTable
    let contingency: ContingencyReport

    func report(threshold: Double) -> HubReport {
        let facultyCount = index.faculty.count
        var demanded = [Bool](repeating: false, count: index.rotations.count)
        for slot in index.slots where slot.need > 0 { demanded[slot.rotation] = true }
        var qualifiedCount = [Int](repeating: 0, count: index.rotations.count)
        for member in 0..<facultyCount {
            for rotation in index.rotations.indices where index.isQualified(member, rotation: rotation) {
                qualifiedCount[rotation] += 1
            }
        }
        let demandedCount = demanded.filter { $0 }.count

        var n1: [String: Int] = [:]
        for point in contingency.n1.singlePointsOfFailure { n1[point.person] = point.unfillableSlots }
        var partners = [[String]](repeating: [], count: facultyCount)
        for pair in contingency.n2?.fatalPairs ?? [] where pair.people.count == 2 {
            guard let first = index.facultyIndex[pair.people[0]], let second = index.facultyIndex[pair.people[1]]
            else { continue }
            partners[first].append(pair.people[1])
            partners[second].append(pair.people[0])
        }

        var sessions = [Int](repeating: 0, count: facultyCount)
        for member in 0..<facultyCount {
            for week in index.weeks.indices { sessions[member] += index.load(member, week: week) }
        }
        let allSessions = sessions.reduce(0, +)

        var hubs: [Hub] = []
        hubs.reserveCapacity(facultyCount)
        for member in 0..<facultyCount {
            let person = index.faculty[member]
            var scarce: [String] = []
            var only: [String] = []
            var scarcity = 0.0
            for rotation in index.rotations.indices
            where demanded[rotation] && qualifiedCount[rotation] <= 2 && index.isQualified(member, rotation: rotation) {
                scarce.append(index.rotations[rotation].id)
                if qualifiedCount[rotation] == 1 {
                    only.append(index.rotations[rotation].id)
                    scarcity += 1
                } else {
                    scarcity += 0.5
                }
            }
            var served = Set<Int>()
            var stranded = Set<Int>()
            var substitutes = 0
            var covered = 0
            var previous = -1
            for slot in index.slotsCoveredBy[member] where slot != previous {  // ascending, repeats adjacent
                previous = slot
                covered += 1
                let rotation = index.slots[slot].rotation
                served.insert(rotation)
                let count = Int(table.candidateStart[slot + 1] - table.candidateStart[slot])
                substitutes += count
                if count == 0 && table.slotSlack[slot] <= 0 { stranded.insert(rotation) }
            }
            let perSlot = covered == 0 ? nil : Double(substitutes) / Double(covered)
            let share = allSessions == 0 ? 0 : Double(sessions[member]) / Double(allSessions)
            let parts = HubScore(
                n1UnfillableSlots: n1[person] ?? 0, fatalPairs: partners[member].count, scarcity: scarcity,
                substitutesPerSlot: perSlot, relativeLoad: share * Double(facultyCount))
            var hub = Hub(
                person: person, score: parts.value, parts: parts,
                seedScore: SeedHubScore.value(
                    services: served.count, unique: only.count, totalRotations: demandedCount,
                    substitutesPerSlot: perSlot, workloadShare: share),
                n1UnfillableSlots: n1[person] ?? 0, fatalPartners: partners[member].sorted(), scarceRotations: scarce,
                onlyQualifiedRotations: only, servedRotations: served.count, sessions: sessions[member],
                sessionShare: share, coveredSlots: covered, substitutesPerSlot: perSlot, why: "")
            hub.why = Self.why(hub, stranded: stranded.sorted().map { index.rotations[$0].id })
            hubs.append(hub)
        }
        hubs.sort { $0.score != $1.score ? $0.score > $1.score : $0.person < $1.person }
        return HubReport(ranked: hubs, criticalThreshold: threshold)
    }

    /// The one sentence: the gravest fact about the person first, then what would remove it.
    static func why(_ hub: Hub, stranded: [String]) -> String {
        let person = hub.person
        let slots = hub.n1UnfillableSlots
        let slotWord = slots == 1 ? "slot" : "slots"
        let shared = hub.scarceRotations.filter { !hub.onlyQualifiedRotations.contains($0) }
        if slots > 0 {
            if !hub.onlyQualifiedRotations.isEmpty {
                let rotations = list(hub.onlyQualifiedRotations)
                return "\(person) is the only faculty qualified for \(rotations); losing \(person) leaves \(slots) "
                    + "\(slotWord) uncovered: train another faculty member in \(rotations)."
            }
            if !stranded.isEmpty {
                let rotations = list(stranded)
                return "Losing \(person) leaves \(slots) \(slotWord) uncovered (\(rotations)): no other qualified "
                    + "faculty is free on those half-days; free or train a substitute for them."
            }
            return "Losing \(person) leaves \(slots) \(slotWord) uncovered: the qualified faculty free on those "
                + "half-days have no weekly room left; add capacity or train someone in what \(person) covers."
        }
        if !hub.fatalPartners.isEmpty {
            let shown = hub.fatalPartners.prefix(3).joined(separator: ", ")
            let more = hub.fatalPartners.count > 3 ? " and \(hub.fatalPartners.count - 3) more" : ""
            let pairWord = hub.fatalPairs == 1 ? "fatal pair" : "fatal pairs"
            var sentence =
                "\(person) is in \(hub.fatalPairs) \(pairWord) (with \(shown)\(more)): losing \(person) "
                + "together with \(hub.fatalPairs == 1 ? "that person" : "any of them") leaves slots uncovered"
            if !shared.isEmpty { sentence += "; train a third faculty member in \(list(shared))" }
            return sentence + "."
        }
        if !hub.onlyQualifiedRotations.isEmpty {
            return "\(person) is the only faculty qualified for \(list(hub.onlyQualifiedRotations)), though no "
                + "slot in the window depends on it yet; train a second faculty member."
        }
        if !shared.isEmpty {
            return "\(person) is one of two faculty qualified for \(list(shared)): losing the other leaves "
                + "\(person) alone; train a third faculty member."
        }
        guard let perSlot = hub.substitutesPerSlot else {
            return "\(person) covers no slot needing faculty in the window."
        }
        let rounded = (perSlot * 10).rounded() / 10
        return "\(person) is replaceable: \(rounded) qualified, available substitutes per slot on average."
    }

    private static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
}
