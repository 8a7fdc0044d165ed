import Schedule

/// Precomputes every static-stability fallback for a window, so that on the bad day the plan
/// already exists (the AWS "static stability" idea: no new decisions under stress).
public struct FallbackPlanner: Sendable {
    public let program: Program
    public let window: ScheduleWindow
    /// Faculty ids, most critical first.
    public let criticalOrder: [String]

    /// `singlePoints`: N-1 unfillable slots per faculty id. Criticality ranks by that, then by
    /// the number of slots a person covers, then by id (a stable, explainable order).
    public init(program: Program, window: ScheduleWindow, baseIndex: WindowIndex, singlePoints: [String: Int]) {
        self.program = program
        self.window = window
        var covered: [String: Int] = [:]
        for (member, slots) in baseIndex.slotsCoveredBy.enumerated() {
            covered[baseIndex.faculty[member]] = slots.count
        }
        criticalOrder = baseIndex.faculty.sorted { lhs, rhs in
            let left = (singlePoints[lhs] ?? 0, covered[lhs] ?? 0)
            let right = (singlePoints[rhs] ?? 0, covered[rhs] ?? 0)
            if left != right { return left > right }
            return lhs < rhs
        }
    }

    public func plan(_ scenario: FallbackScenario) -> FallbackPlan {
        let index = WindowIndex(program: program, window: window, suspended: scenario.suspendedCategories)
        let lost = Array(criticalOrder.prefix(scenario.facultyLost(of: criticalOrder.count)))
        var removed: [Int: ClosedRange<Day>?] = [:]
        for id in lost {
            if let member = index.facultyIndex[id] { removed[member] = .some(nil) }
        }
        let plan = RepairPlanner.plan(index: index, removed: removed)
        let unrepaired = RepairPlan(reassignments: [], newDeficitBySlot: [:], unfilledBySlot: [:], newDeficit: 0)
        let kept = RepairedCoverage(index: index, removed: removed, plan: plan)
        return FallbackPlan(
            scenario: scenario, lostFaculty: lost, suspendedCategories: scenario.suspendedCategories.sorted(),
            suspendedActivities: index.slots.filter(\.suspended).count,
            coverageWithoutRepair: RepairedCoverage(index: index, removed: removed, plan: unrepaired).rate,
            coverageKept: kept.rate, shortSlots: kept.shortSlots,
            reassignments: Reassignment.named(plan: plan, index: index, removed: removed))
    }

    public func planAll() -> [FallbackPlan] { FallbackScenario.allCases.map(plan) }
}
