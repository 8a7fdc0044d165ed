import Schedule

/// Assesses an unplanned absence: counts what it takes out, scores fragility, picks a strategy
/// and works out the repair that strategy calls for, over the absence's own days.
///
/// incremental: free faculty fill the gaps (the contingency flow); cascade: shed the sacrifice
/// hierarchy level by level until coverage is healthy, each level freeing more faculty; fallback:
/// the mildest precomputed fallback whose suspensions make coverage healthy.
public enum EmergencyAssessor {
    public static func assess(program: Program, person: String, from: Day, to: Day) throws(EmergencyError)
        -> EmergencyAssessment
    {
        guard program.people.contains(where: { $0.id == person }) else { throw .unknownPerson(person) }
        guard from <= to else { throw .emptyRange(from: from, to: to) }
        let window = ScheduleWindow(from: from, days: from.distance(to: to) + 1)
        var seen = Set<String>()
        var affected: [EmergencyAssessment.AffectedSlot] = []
        for assignment in program.assignments where assignment.person == person && window.contains(assignment.date) {
            let key = "\(assignment.date)|\(assignment.session.rawValue)|\(assignment.rotation)"
            guard seen.insert(key).inserted else { continue }
            affected.append(
                .init(
                    date: assignment.date, session: assignment.session, rotation: assignment.rotation,
                    call: assignment.call))
        }
        affected.sort { ($0.date, $0.session, $0.rotation) < ($1.date, $1.session, $1.rotation) }
        let calls = affected.filter(\.call).count
        let fragility = EmergencyStrategy.fragility(affectedSlots: affected.count, affectedCalls: calls)
        let strategy = EmergencyStrategy(fragility: fragility)

        let base = WindowIndex(program: program, window: window)
        let before = Coverage(index: base).rate
        let attempt = { (suspended: Set<ActivityCategory>) -> Attempt in
            Attempt(program: program, window: window, person: person, suspended: suspended)
        }
        var chosen = attempt([])
        var level = LoadSheddingLevel.normal
        var fallback: FallbackScenario?
        switch strategy {
        case .incremental:
            break
        case .cascade:
            for candidate in LoadSheddingLevel.allCases.dropFirst() where !chosen.healthy {
                chosen = attempt(candidate.suspendedCategories)
                level = candidate
            }
        case .fallback:
            // Mildest first; ties keep the declared order (sorting alone is not stable).
            let scenarios = FallbackScenario.allCases.enumerated().sorted {
                ($0.element.sheddingLevel.rawValue, $0.offset) < ($1.element.sheddingLevel.rawValue, $1.offset)
            }.map(\.element)
            for scenario in scenarios {
                let candidate = attempt(scenario.suspendedCategories)
                chosen = candidate
                level = scenario.sheddingLevel
                if candidate.healthy {
                    fallback = scenario
                    break
                }
            }
        }
        return EmergencyAssessment(
            person: person, from: from, to: to, affectedSlots: affected, affectedCalls: calls, fragility: fragility,
            strategy: strategy, sheddingLevel: level, fallback: fallback, reassignments: chosen.reassignments,
            coverageBefore: before, coverageAfter: chosen.coverage.rate, shortSlots: chosen.coverage.shortSlots)
    }

    /// One repair attempt under a set of suspended categories.
    private struct Attempt {
        var coverage: RepairedCoverage
        var reassignments: [Reassignment]
        var healthy: Bool { coverage.rate >= EmergencyAssessment.healthyCoverage }

        init(program: Program, window: ScheduleWindow, person: String, suspended: Set<ActivityCategory>) {
            let index = WindowIndex(program: program, window: window, suspended: suspended)
            var removed: [Int: ClosedRange<Day>?] = [:]
            if let member = index.facultyIndex[person] { removed[member] = .some(nil) }
            let plan = RepairPlanner.plan(index: index, removed: removed)
            coverage = RepairedCoverage(index: index, removed: removed, plan: plan)
            reassignments = Reassignment.named(plan: plan, index: index, removed: removed)
        }
    }
}
