import Resilience
import Schedule
import Testing

/// The cascade after the top hub's loss, the recovery distance of the worst single loss, and the
/// health score built from them, on programs where each round is known by construction.
@Suite struct CascadeTests {
    /// f1 covers the ward every morning (5 sessions). f2 may do the ward and the clinic and works
    /// the clinic every afternoon (usual load 5, cap 10). f3 may only do the clinic and has nothing.
    /// Round 1: f1 gone; only f2 can take the ward: 1 morning keeps f2 within max(1.2 × 5, 5 + 1) = 6,
    /// the other 4 push f2 to 10 → overloaded. Round 2: f1 and f2 gone: nobody else may do the ward
    /// (5 uncovered); f3 takes the 5 clinic afternoons, far past max(0, 0 + 1) → overloaded.
    /// Round 3: everyone gone, nothing covered: catastrophic.
    private func chainProgram() -> ProgramBuilder {
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"])
        builder.faculty("f2", capabilities: ["ward", "clinic"], cap: 10)
        builder.faculty("f3", capabilities: ["clinic"], cap: 5)
        builder.rotation("ward")
        builder.rotation("clinic")
        for day in 0..<5 {
            builder.assign("f1", day: day, .am, "ward")
            builder.assign("f2", day: day, .pm, "clinic")
        }
        return builder
    }

    @Test func overloadedColleaguesDropOutRoundByRoundUntilNobodyIsLeft() {
        let builder = chainProgram()
        let analysis = ContingencyAnalysis(index: builder.index(days: 7))
        let cascade = analysis.cascade(from: 0)
        #expect(cascade.trigger == "f1")
        #expect(cascade.rounds.map(\.lost) == [["f1"], ["f2"], ["f3"]])
        #expect(cascade.rounds.map(\.unfilled) == [0, 5, 10])
        #expect(cascade.rounds.map(\.coverage) == [1, 0.5, 0])
        #expect(cascade.rounds.map(\.overloaded) == [["f2"], ["f3"], []])
        #expect(cascade.followers == ["f2", "f3"])
        #expect(cascade.initialCoverage == 1)
        #expect(cascade.finalCoverage == 0)
        #expect(cascade.catastrophic)
        #expect(cascade.risk == 100)
        #expect(cascade.summary.hasPrefix("Losing f1 pushes 2 more past 1.2× their usual load (f2, f3) over 2 rounds"))
    }

    @Test func aHigherOverloadFactorLetsTheColleagueCarryTheLoad() {
        // At 2.5 × 5 = 12.5, f2 carries 10 sessions: one round, nobody drops out, nothing lost.
        let analysis = ContingencyAnalysis(index: chainProgram().index(days: 7))
        let cascade = analysis.cascade(from: 0, settings: CascadeSettings(overloadFactor: 2.5))
        #expect(cascade.rounds.count == 1)
        #expect(cascade.followers.isEmpty)
        #expect(cascade.finalCoverage == 1)
        #expect(cascade.risk == 0)
        #expect(!cascade.catastrophic)
    }

    @Test func lostCoverageScalesTheRiskLinearlyDownToHalfCoverage() {
        // f1 covers 5 ward mornings; f2 (ward, clinic) covers 6 clinic sessions and is busy every
        // morning f1 works: f1's loss uncovers 5 of 11 faculty-slots with nobody to step in.
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"])
        builder.faculty("f2", capabilities: ["ward", "clinic"])
        builder.rotation("ward")
        builder.rotation("clinic")
        for day in 0..<5 {
            builder.assign("f1", day: day, .am, "ward")
            builder.assign("f2", day: day, .am, "clinic")
        }
        builder.assign("f2", day: 5, .pm, "clinic")
        let cascade = ContingencyAnalysis(index: builder.index(days: 7)).cascade(from: 0)
        #expect(cascade.rounds.count == 1)
        #expect(abs(cascade.finalCoverage - 6.0 / 11) < 1e-12)
        #expect(!cascade.catastrophic)
        // Linear between no loss (0) and half coverage (100): 100 × (1 − 6/11) / (1 − 0.5).
        #expect(abs(cascade.risk - 100 * (1 - 6.0 / 11) / 0.5) < 1e-9)
        #expect(cascade.summary.hasSuffix("coverage 100% → 55% (5 faculty-slots uncovered), cascade risk 91/100."))
    }

    @Test func aLossThatCostsNothingIsNoRiskEvenBelowHalfCoverage() {
        // Coverage already stands at 1/3 (two ward mornings with nobody); f1's loss is refilled by f2.
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"])
        builder.faculty("f2", capabilities: ["ward"])
        builder.faculty("f3", capabilities: ["ward"])
        builder.rotation("ward")
        builder.assign("f1", day: 0, .am, "ward")
        builder.assign("f3", day: 1, .am, "ward")
        builder.assign("f3", day: 2, .am, "ward")
        builder.absent("f3", from: 1, to: 2)
        let cascade = ContingencyAnalysis(index: builder.index(days: 7)).cascade(from: 0)
        #expect(abs(cascade.initialCoverage - 1.0 / 3) < 1e-12)
        #expect(cascade.finalCoverage == cascade.initialCoverage)
        #expect(cascade.risk == 0)
        #expect(!cascade.catastrophic)
    }

    @Test func theWorstSingleLossAndTheChangesThatRestoreIt() {
        // f1: 5 ward mornings; f3 (ward) is free on the first four and away on the fifth.
        // f2: 3 clinic afternoons; f4 (clinic) free. Worst loss f1: 5 uncovered, 4 changes, 1 lost.
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"])
        builder.faculty("f2", capabilities: ["clinic"])
        builder.faculty("f3", capabilities: ["ward"])
        builder.faculty("f4", capabilities: ["clinic"])
        builder.rotation("ward")
        builder.rotation("clinic")
        for day in 0..<5 { builder.assign("f1", day: day, .am, "ward") }
        for day in 0..<3 { builder.assign("f2", day: day, .pm, "clinic") }
        builder.absent("f3", from: 4, to: 4)
        let recovery = ContingencyAnalysis(index: builder.index(days: 7)).recoveryDistance()
        #expect(recovery.person == "f1")
        #expect(recovery.uncovered == 5)
        #expect(recovery.changes == 4)
        #expect(recovery.unrecoverable == 1)
        #expect(recovery.recoverableShare == 0.8)
        #expect(recovery.summary.contains("4 assignment changes restore what can be, and 1 cannot be restored"))
    }

    @Test func theHealthScoreWeighsDefenseCascadeAndRecovery() {
        func cascade(risk: Double) -> Cascade {
            Cascade(
                trigger: "f1", rounds: [], initialCoverage: 1, finalCoverage: 1, risk: risk, catastrophic: false,
                overloadFactor: 1.2)
        }
        let whole = RecoveryDistance(person: "f1", uncovered: 4, changes: 4, unrecoverable: 0)
        let partial = RecoveryDistance(person: "f1", uncovered: 4, changes: 3, unrecoverable: 1)
        let none = RecoveryDistance(person: "f1", uncovered: 4, changes: 0, unrecoverable: 4)
        #expect(HealthScore(level: .green, cascade: cascade(risk: 0), recovery: whole).value == 100)
        #expect(HealthScore(level: .black, cascade: cascade(risk: 100), recovery: none).value == 0)
        // ORANGE is 50 on the defense scale: 0.5·50 + 0.3·(100 − 40) + 0.2·75.
        #expect(abs(HealthScore(level: .orange, cascade: cascade(risk: 40), recovery: partial).value - 58) < 1e-9)
    }

    @Test func theEngineStartsTheCascadeAtTheTopHubAndExportsTheSeedsNames() throws {
        let builder = chainProgram()
        let report = ResilienceEngine().evaluate(program: builder.program, window: builder.window(days: 7))
        let top = try #require(report.hubs.ranked.first?.person)
        #expect(report.cascade.trigger == top)
        let index = builder.index(days: 7)
        #expect(report.cascade == ContingencyAnalysis(index: index).cascade(from: index.facultyIndex[top]))
        #expect(report.recovery == ContingencyAnalysis(index: index).recoveryDistance())
        let samples = Dictionary(report.samples().map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(samples["cascade_failure_risk"] == report.cascade.risk)
        #expect(samples["recovery_distance"] == Double(report.recovery.changes))
        #expect(samples["resilience_health_score"] == report.health.value)
        #expect(report.json().contains(#""trigger": "\#(top)""#))
        #expect(report.text().contains("Cascade       \(report.cascade.summary)"))
        #expect(report.text().contains("Health        \(Int(report.health.value.rounded()))/100"))
    }
}
