import Resilience
import Schedule

/// The method's decision tree, done by the machine for a person to approve: from the leading
/// failure mode and the engine's report, the strategies to try in order, each with the engine's
/// report re-run on the proposed state as its expected effect. Strategies already tried on the
/// incident are skipped, so a failed verification brings the next one. Pure: the projection is a
/// function the caller passes (the daemon runs the engine on the current program).
public enum Decider {
    /// Load shedding from this level up needs approval.
    public static let approvalSheddingLevel = 3

    /// Proposals for an incident oriented as `orientation`, given the engine's current `report`,
    /// numbered from `firstNumber`; `tried` are strategies already applied (as `strategy:detail`).
    /// With the `program` in force (and `projectProgram` to re-run the engine on a changed one), a
    /// gap left by one absent person also brings the emergency assessment's repair.
    public static func propose(
        orientation: Orientation?, report: ResilienceReport?, firstNumber: Int, tried: Set<String>,
        project: (EngineState) -> ResilienceReport?, program: Program? = nil,
        projectProgram: (Program, EngineState) -> ResilienceReport? = { _, _ in nil }
    ) -> [Proposal] {
        var proposals: [Proposal] = []
        func add(_ proposal: Proposal) {
            var proposal = proposal
            proposal.number = firstNumber + proposals.count
            proposals.append(proposal)
        }
        let modes = orientation?.hypotheses.map(\.mode) ?? []
        if let report {
            for mode in modes {
                if mode == .coverageGap || mode == .massAbsence, let program,
                    !proposals.contains(where: { $0.strategy == .repair }),
                    let repair = repair(report: report, program: program, tried: tried, project: projectProgram)
                {
                    add(repair)
                }
                switch mode {
                case .overCapacity, .coverageGap:
                    if let level = report.shedding.recommendedLevel, level > report.state.sheddingLevel,
                        !tried.contains("load_shedding:\(level.rawValue)"),
                        !proposals.contains(where: { $0.sheddingLevel == level.rawValue })
                    {
                        var state = report.state
                        state.sheddingLevel = level
                        add(
                            Proposal(
                                number: 0, strategy: .loadShedding, sheddingLevel: level.rawValue, fallback: nil,
                                summary: "Shed load to level \(level.rawValue) (\(level)): suspend "
                                    + level.suspendedCategories.map(\.rawValue).sorted().joined(separator: ", "),
                                expected: effect(report, project(state)),
                                risks: [
                                    "suspended activities must be rescheduled later",
                                    "education time lost for residents while suspended",
                                ],
                                time: "immediate; takes effect at the next evaluation",
                                needsApproval: level.rawValue >= approvalSheddingLevel, approval: nil, appliedAt: nil))
                    }
                case .massAbsence, .contingencyFailure:
                    if let plan = recommendedFallback(report), report.state.activeFallback != plan.scenario,
                        !tried.contains("fallback:\(plan.scenario.rawValue)"),
                        !proposals.contains(where: { $0.fallback == plan.scenario.rawValue })
                    {
                        var state = report.state
                        state.activeFallback = plan.scenario
                        add(
                            Proposal(
                                number: 0, strategy: .fallback, sheddingLevel: nil, fallback: plan.scenario.rawValue,
                                summary: "Activate the \(plan.scenario.rawValue) fallback: keeps "
                                    + "\(Int((plan.coverageKept * 100).rounded()))% coverage with "
                                    + "\(plan.reassignments.count) reassignments, suspending "
                                    + "\(plan.suspendedActivities) activities",
                                expected: effect(report, project(state)),
                                risks: [
                                    "\(plan.suspendedActivities) activities suspended until the fallback is lifted",
                                    "reassigned faculty carry more load",
                                ],
                                time: "immediate; reassignments to announce to those affected",
                                needsApproval: true, approval: nil, appliedAt: nil))
                    }
                case .recentChange:
                    if !tried.contains("rollback"), !proposals.contains(where: { $0.strategy == .rollback }) {
                        add(rollback)
                    }
                default:
                    break
                }
            }
        } else if modes.contains(.recentChange), !tried.contains("rollback") {
            add(rollback)
        }
        add(
            Proposal(
                number: 0, strategy: .investigate, sheddingLevel: nil, fallback: nil,
                summary: proposals.isEmpty
                    ? "Investigate: no automatic strategy fits the evidence"
                    : "Investigate further instead of acting",
                expected: nil, risks: ["the program stays as it is while people investigate"], time: "open",
                needsApproval: false, approval: nil, appliedAt: nil))
        return proposals
    }

    /// The emergency assessment's repair for the person behind the most gap slots, when it covers
    /// their slots with reassignments (an assessment calling for a fallback is the fallback's case).
    static func repair(
        report: ResilienceReport, program: Program, tried: Set<String>,
        project: (Program, EngineState) -> ResilienceReport?
    ) -> Proposal? {
        guard let lost = Repair.lostPerson(report: report, program: program), !tried.contains("repair:\(lost.person)"),
            let assessment = Repair.assess(lost, program: program), assessment.strategy != .fallback,
            !assessment.reassignments.isEmpty
        else { return nil }
        let changes = assessment.reassignments.map {
            Proposal.Change(
                date: $0.date.description, session: $0.session.rawValue, rotation: $0.rotation, person: $0.person,
                replacing: $0.replacing)
        }
        var state = report.state
        var level: Int?
        if assessment.sheddingLevel > state.sheddingLevel {
            state.sheddingLevel = assessment.sheddingLevel
            level = assessment.sheddingLevel.rawValue
        }
        let listed = changes.prefix(3).map(\.description).joined(separator: "; ")
        var summary =
            "Repair around \(lost.person)'s absence (\(lost.from)…\(lost.to)), the emergency assessment's "
            + "\(assessment.strategy.rawValue) plan: \(changes.count) reassignments (\(listed)"
            + (changes.count > 3 ? "; …)" : ")")
        if let level { summary += ", with load shedding at level \(level)" }
        return Proposal(
            number: 0, strategy: .repair, sheddingLevel: level, fallback: nil, person: lost.person,
            changes: changes, summary: summary,
            expected: (try? Repair.apply(changes, to: program)).flatMap { effect(report, project($0, state)) },
            risks: [
                "the covering faculty carry more load over \(lost.from)…\(lost.to)",
                "a new schedule version: changes made elsewhere meanwhile must be merged by hand",
            ],
            time: "immediate: the repaired schedule is pushed as a new version; those reassigned are told",
            needsApproval: true, approval: nil, appliedAt: nil)
    }

    /// Roll the schedule back to the version before the last push.
    static let rollback = Proposal(
        number: 0, strategy: .rollback, sheddingLevel: nil, fallback: nil,
        summary: "Roll the schedule back to its previous version",
        expected: nil, risks: ["changes made since the previous version are lost and must be redone"],
        time: "immediate: the previous version is pushed again", needsApproval: true, approval: nil,
        appliedAt: nil)

    /// The fallback the engine's figures favour: among healthy plans, the one suspending the
    /// fewest activities (then keeping the most coverage); with none healthy, the one keeping the
    /// most coverage.
    static func recommendedFallback(_ report: ResilienceReport) -> FallbackPlan? {
        let healthy = report.fallbacks.filter(\.healthy)
        if let best = healthy.min(by: { lhs, rhs in
            lhs.suspendedActivities != rhs.suspendedActivities
                ? lhs.suspendedActivities < rhs.suspendedActivities : lhs.coverageKept > rhs.coverageKept
        }) {
            return best
        }
        return report.fallbacks.max { $0.coverageKept < $1.coverageKept }
    }

    static func effect(_ before: ResilienceReport, _ after: ResilienceReport?) -> Proposal.Effect? {
        guard let after else { return nil }
        return Proposal.Effect(
            defenseBefore: before.defense.level.description, defenseAfter: after.defense.level.description,
            coverageBefore: before.coverage.rate, coverageAfter: after.coverage.rate,
            utilizationBefore: before.utilization.rate, utilizationAfter: after.utilization.rate,
            gapSlotsBefore: before.coverage.gapSlots, gapSlotsAfter: after.coverage.gapSlots)
    }
}
