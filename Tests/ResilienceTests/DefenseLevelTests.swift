import Resilience
import Testing

@Suite struct DefenseLevelTests {
    private func assess(_ values: [DefenseDimension: Double]) -> DefenseAssessment {
        DefenseAssessment(values: values)
    }

    @Test func allQuietIsGreen() {
        let assessment = assess([.utilization: 0.5])
        #expect(assessment.level == .green)
        #expect(assessment.weightedScore == 0)
        #expect(assessment.drivers.isEmpty)
    }

    @Test(arguments: [
        (DefenseDimension.utilization, [0.79, 0.80, 0.90, 0.95, 0.98]),
        (.n1SinglePointsOfFailure, [0, 1, 3, 10, 25]),
        (.n2FatalPairs, [0, 1, 5, 15, 40]),
        (.coverageGapSlots, [0, 1, 3, 6, 11]),
        (.acgmeCriticalViolations, [0, 1, 2, 5, 10]),
    ])
    func eachDimensionScoresByItsBreakpoints(dimension: DefenseDimension, values: [Double]) {
        for (expected, value) in values.enumerated() {
            let driver = assess([dimension: value]).dimensions.first { $0.dimension == dimension }
            #expect(driver?.score == expected, "\(dimension) = \(value)")
        }
        // Just under a breakpoint stays in the band below.
        let below = values[2] - (dimension == .utilization ? 0.0001 : 1)
        #expect(assess([dimension: below]).dimensions.first { $0.dimension == dimension }?.score == 1)
    }

    @Test func oneBreachedLayerIsNotAveragedAway() {
        // Coverage gaps alone at 11: weighted 4·0.20 = 0.8 (GREEN), but the floor is RED.
        let assessment = assess([.coverageGapSlots: 11])
        #expect(assessment.weightedLevel == .green)
        #expect(assessment.level == .red)
        #expect(assessment.flooredByWorstDimension)
        #expect(assessment.drivers.map(\.dimension) == [.coverageGapSlots])
        // A score of 2 (ORANGE alone) floors at YELLOW.
        #expect(assess([.n1SinglePointsOfFailure: 3]).level == .yellow)
        // A score of 1 does not raise GREEN.
        #expect(assess([.n2FatalPairs: 1]).level == .green)
    }

    @Test func weightedScoreBandsDecideWhenHigherThanTheFloor() {
        // Utilization 3·0.30 + N-1 3·0.15 + N-2 3·0.20 + gaps 3·0.20 + ACGME 3·0.15 = 3.0 → RED.
        let red = assess([
            .utilization: 0.95, .n1SinglePointsOfFailure: 10, .n2FatalPairs: 15, .coverageGapSlots: 6,
            .acgmeCriticalViolations: 5,
        ])
        #expect(abs(red.weightedScore - 3.0) < 1e-9)
        #expect(red.level == .red)
        // Everything at 4 → 4.0 ≥ 3.5 → BLACK.
        let black = assess([
            .utilization: 1.2, .n1SinglePointsOfFailure: 25, .n2FatalPairs: 40, .coverageGapSlots: 11,
            .acgmeCriticalViolations: 10,
        ])
        #expect(black.level == .black)
        // 2 on every dimension → 2.0 → ORANGE (weighted), floor YELLOW.
        let orange = assess([
            .utilization: 0.9, .n1SinglePointsOfFailure: 3, .n2FatalPairs: 5, .coverageGapSlots: 3,
            .acgmeCriticalViolations: 2,
        ])
        #expect(orange.level == .orange)
        #expect(!orange.flooredByWorstDimension)
        // Drivers come most-contributing first: utilization weighs most.
        #expect(orange.drivers.first?.dimension == .utilization)
    }

    @Test func weightsAndBreakpointsAreConfigurable() {
        var settings = DefenseSettings.standard
        settings.weights = [.utilization: 1]
        settings.breakpoints[.utilization] = [0.5, 0.6, 0.7, 0.8]
        let assessment = DefenseAssessment(values: [.utilization: 0.65], settings: settings)
        // Score 2 with weight 1 → 2.0 → ORANGE.
        #expect(assessment.level == .orange)
    }
}
