import Testing
import TimeSeries

@testable import PromQL

/// Samples from (seconds, value) pairs.
private func series(_ points: [(Int64, Double)]) -> [Sample] {
    points.map { Sample(timestamp: $0.0 * 1000, value: $0.1) }
}

private func evaluate(
    _ name: String, _ points: [(Int64, Double)], from start: Int64, to end: Int64, at time: Int64? = nil,
    scalars: [Double] = []
) -> Double? {
    RangeFunctions.evaluate(
        name, samples: series(points), windowStart: start * 1000, windowEnd: end * 1000,
        evalTime: (time ?? end) * 1000, scalars: scalars)
}

@Suite struct FunctionsRangeRateTests {
    // Window [0s, 300s]; samples 15s…255s rising by 6: raw change 24 over 240s, average interval 60s,
    // threshold 66s. The counter would reach zero 100s before the first sample (> 15s), so no
    // clamp; both gaps (15s, 45s) are under the threshold: extrapolate to 240+15+45 = 300s,
    // factor 1.25: increase 30, rate 30/300 = 0.1.
    private let rising: [(Int64, Double)] = [(15, 10), (75, 16), (135, 22), (195, 28), (255, 34)]

    @Test func increaseExtrapolatesToBothEdgesWithinTheThreshold() {
        #expect(evaluate("increase", rising, from: 0, to: 300) == 30)
    }

    @Test func rateDividesTheExtrapolatedIncreaseByTheRange() throws {
        let rate = try #require(evaluate("rate", rising, from: 0, to: 300))
        #expect(abs(rate - 0.1) < 1e-15)
    }

    // Samples 5, 15, 25 at 60s, 120s, 180s in [0s, 240s]: change 20 over 120s; the counter was zero
    // 120 × 5/20 = 30s before the first sample, nearer than the 60s gap, so the start extrapolates
    // 30s only: (120+30+60)/120 = 1.75, increase 35 (not 40).
    @Test func increaseDoesNotExtrapolateACounterBelowZero() {
        #expect(evaluate("increase", [(60, 5), (120, 15), (180, 25)], from: 0, to: 240) == 35)
    }

    // The same samples as a gauge: delta extrapolates the full 60s at each end: 20 × 240/120 = 40.
    @Test func deltaExtrapolatesAGaugeWithoutTheZeroClamp() {
        #expect(evaluate("delta", [(60, 5), (120, 15), (180, 25)], from: 0, to: 240) == 40)
    }

    // Samples at 100s, 160s, 220s in [0s, 300s] starting at 0: zero point at the first sample,
    // so nothing before it; the end gap of 80s exceeds 1.1 × 60s, so half an interval (30s):
    // (120+0+30)/120 = 1.25 × 12 = 15.
    @Test func gapsBeyondTheThresholdExtrapolateHalfAnInterval() {
        #expect(evaluate("increase", [(100, 0), (160, 6), (220, 12)], from: 0, to: 300) == 15)
    }

    // 10, 20, 5, 15 at 0/60/120/180s in [0s, 180s]: 15-10 = 5 plus the 20 lost at the reset = 25,
    // no extrapolation (samples on both edges). delta ignores resets: 5.
    @Test func increaseAddsTheValueBeforeACounterReset() {
        let points: [(Int64, Double)] = [(0, 10), (60, 20), (120, 5), (180, 15)]
        #expect(evaluate("increase", points, from: 0, to: 180) == 25)
        #expect(evaluate("delta", points, from: 0, to: 180) == 5)
    }

    // PROMQL-NOTES: a counter born at 0 one minute ago rising 10/s, read with [5m] at t=60s:
    // increase 600 (no extrapolation before zero, none needed at the end), divided by 300s: 2/s.
    @Test func rateOfAYoungSeriesStillDividesByTheWholeRange() {
        let points: [(Int64, Double)] = [(0, 0), (15, 150), (30, 300), (45, 450), (60, 600)]
        #expect(evaluate("rate", points, from: -240, to: 60) == 2)
    }

    @Test func rateNeedsTwoSamples() {
        #expect(evaluate("rate", [(10, 5)], from: 0, to: 60) == nil)
        #expect(evaluate("delta", [(10, 5)], from: 0, to: 60) == nil)
        #expect(evaluate("irate", [(10, 5)], from: 0, to: 60) == nil)
    }

    @Test func rangeSecondsAreGoDurationSeconds() {
        #expect(RateWindow(start: 0, end: 1500).seconds == 1.5)
        #expect(RateWindow(start: 1000, end: 301_000).seconds == 300)
    }

    // Last two samples 20 → 5 ten seconds apart: irate reads the drop as a reset, 5/10 s = 0.5;
    // idelta is the plain difference, -15.
    @Test func irateTreatsADropAsAResetAndIdeltaDoesNot() {
        let points: [(Int64, Double)] = [(0, 10), (10, 20), (20, 5)]
        #expect(evaluate("irate", points, from: 0, to: 60) == 0.5)
        #expect(evaluate("idelta", points, from: 0, to: 60) == -15)
        #expect(evaluate("irate", [(0, 10), (10, 20), (14, 30)], from: 0, to: 60) == 2.5)
    }
}

@Suite struct FunctionsRangeOverTimeTests {
    @Test func everyFunctionReturnsNilForAnEmptyWindow() {
        for name in RangeFunctions.names {
            #expect(evaluate(name, [], from: 0, to: 60, scalars: [0.5, 0.5]) == nil, "\(name)")
        }
    }

    // 1→1 no, 1→NaN yes, NaN→NaN no, NaN→2 yes, 2→2 no.
    @Test func changesCountsNaNToNaNAsNoChange() {
        let points: [(Int64, Double)] = [(0, 1), (1, 1), (2, .nan), (3, .nan), (4, 2), (5, 2)]
        #expect(evaluate("changes", points, from: 0, to: 5) == 2)
        #expect(evaluate("changes", [(0, 7)], from: 0, to: 5) == 0)
    }

    // Only 3 → 1 is a drop; comparisons with NaN are false.
    @Test func resetsCountsDropsAndIgnoresNaN() {
        let points: [(Int64, Double)] = [(0, 3), (1, 1), (2, .nan), (3, 0), (4, 2)]
        #expect(evaluate("resets", points, from: 0, to: 5) == 1)
    }

    // y = x (seconds): sums x 30, y 30, xy 500, x² 500; cov 500-900/3 = 200, var 200: slope 1.
    @Test func derivIsTheRegressionSlopePerSecond() {
        #expect(evaluate("deriv", [(0, 0), (10, 10), (20, 20)], from: 0, to: 20) == 1)
        #expect(evaluate("deriv", [(0, 4), (10, 4)], from: 0, to: 20) == 0)
        #expect(evaluate("deriv", [(0, .infinity), (10, .infinity)], from: 0, to: 20)?.isNaN == true)
        #expect(evaluate("deriv", [(0, 4)], from: 0, to: 20) == nil)
    }

    // Regression around t=30s: x = -30, -20, -10; slope 1, intercept 30/3 + 60/3 = 30 (the line's
    // value at 30s); 60 s later: 90.
    @Test func predictLinearExtrapolatesFromTheEvaluationTime() {
        let points: [(Int64, Double)] = [(0, 0), (10, 10), (20, 20)]
        #expect(evaluate("predict_linear", points, from: 0, to: 30, scalars: [60]) == 90)
        #expect(evaluate("predict_linear", points, from: 0, to: 30, scalars: [0]) == 30)
    }

    // sf = tf = 0.5 on 1, 3, 4: start s=1, b=2; step 1: s = 0.5·3 + 0.5·(1+2) = 3;
    // step 2: b = 0.5·(3-1) + 0.5·2 = 2, s = 0.5·4 + 0.5·(3+2) = 4.5.
    @Test func holtWintersSmoothsWithTrend() {
        let points: [(Int64, Double)] = [(0, 1), (10, 3), (20, 4)]
        #expect(evaluate("holt_winters", points, from: 0, to: 20, scalars: [0.5, 0.5]) == 4.5)
        #expect(evaluate("holt_winters", [(0, 1)], from: 0, to: 20, scalars: [0.5, 0.5]) == nil)
    }

    @Test func holtWintersRejectsFactorsOutsideTheOpenUnitInterval() {
        #expect(
            RangeFunctions.validate("holt_winters", scalars: [1, 0.5])
                == .execution("invalid smoothing factor. Expected: 0 < sf < 1, got: 1.000000"))
        #expect(
            RangeFunctions.validate("holt_winters", scalars: [0.5, -0.25])
                == .execution("invalid trend factor. Expected: 0 < tf < 1, got: -0.250000"))
        #expect(
            RangeFunctions.validate("holt_winters", scalars: [.nan, 0.5])
                == .execution("invalid smoothing factor. Expected: 0 < sf < 1, got: NaN"))
        #expect(RangeFunctions.validate("holt_winters", scalars: [0.1, 0.9]) == nil)
        #expect(RangeFunctions.validate("rate", scalars: []) == nil)
        let points: [(Int64, Double)] = [(0, 1), (10, 3)]
        #expect(evaluate("holt_winters", points, from: 0, to: 20, scalars: [1, 0.5]) == nil)
    }

    @Test func averageIsTheIncrementalMean() {
        #expect(evaluate("avg_over_time", [(0, 1), (1, 2), (2, 3), (3, 4)], from: 0, to: 3) == 2.5)
        // Summing first would overflow to +Inf; the incremental mean adds 1.7e308/2 - 1.7e308/2 = 0.
        #expect(evaluate("avg_over_time", [(0, 1.7e308), (1, 1.7e308)], from: 0, to: 3) == 1.7e308)
    }

    @Test func averageKeepsAnInfiniteMeanUntilNaNOrTheOppositeInfinity() {
        #expect(evaluate("avg_over_time", [(0, 1), (1, .infinity), (2, 2)], from: 0, to: 3) == .infinity)
        #expect(evaluate("avg_over_time", [(0, -.infinity), (1, -.infinity)], from: 0, to: 3) == -.infinity)
        #expect(evaluate("avg_over_time", [(0, .infinity), (1, -.infinity)], from: 0, to: 3)?.isNaN == true)
        #expect(evaluate("avg_over_time", [(0, .infinity), (1, .nan)], from: 0, to: 3)?.isNaN == true)
    }

    // Neumaier: after 1 and 1e100 the compensation holds 1; after the second 1 it holds 2; adding
    // -1e100 cancels the sum exactly and leaves 0 + 2 (a naive sum gives 0).
    @Test func sumOverTimeIsCompensated() {
        let points: [(Int64, Double)] = [(0, 1), (1, 1e100), (2, 1), (3, -1e100)]
        #expect(evaluate("sum_over_time", points, from: 0, to: 3) == 2)
        #expect(evaluate("sum_over_time", [(0, .infinity), (1, 1)], from: 0, to: 3) == .infinity)
    }

    @Test func minAndMaxSkipNaNUnlessEverythingIsNaN() {
        let points: [(Int64, Double)] = [(0, .nan), (1, 3), (2, 1), (3, .nan)]
        #expect(evaluate("max_over_time", points, from: 0, to: 3) == 3)
        #expect(evaluate("min_over_time", points, from: 0, to: 3) == 1)
        #expect(evaluate("max_over_time", [(0, .nan), (1, .nan)], from: 0, to: 3)?.isNaN == true)
    }

    @Test func countLastAndPresent() {
        let points: [(Int64, Double)] = [(0, 5), (1, .nan), (2, 7)]
        #expect(evaluate("count_over_time", points, from: 0, to: 3) == 3)
        #expect(evaluate("last_over_time", points, from: 0, to: 3) == 7)
        #expect(evaluate("present_over_time", points, from: 0, to: 3) == 1)
    }

    // Welford on 1, 3, 5, 7: means 1, 2, 3, 4; squared-deviation sum 0 + 2·1 + 3·2 + 4·3 = 20;
    // population variance 20/4 = 5.
    @Test func stdvarAndStddevArePopulationFigures() {
        let points: [(Int64, Double)] = [(0, 1), (1, 3), (2, 5), (3, 7)]
        #expect(evaluate("stdvar_over_time", points, from: 0, to: 3) == 5)
        #expect(evaluate("stddev_over_time", points, from: 0, to: 3) == (5.0).squareRoot())
        #expect(evaluate("stddev_over_time", [(0, 9)], from: 0, to: 3) == 0)
    }

    // Ranks over 4 values: q·3; q = 0.5 → rank 1.5 → halfway between 2 and 3.
    @Test func quantileOverTimeInterpolatesBetweenRanks() {
        let points: [(Int64, Double)] = [(0, 4), (1, 1), (2, 3), (3, 2)]
        #expect(evaluate("quantile_over_time", points, from: 0, to: 3, scalars: [0.5]) == 2.5)
        #expect(evaluate("quantile_over_time", points, from: 0, to: 3, scalars: [0.75]) == 3.25)
        #expect(evaluate("quantile_over_time", points, from: 0, to: 3, scalars: [-1]) == -.infinity)
        #expect(evaluate("quantile_over_time", points, from: 0, to: 3, scalars: [1.5]) == .infinity)
        #expect(evaluate("quantile_over_time", points, from: 0, to: 3, scalars: [.nan])?.isNaN == true)
    }

    // NaN sorts below every number: the 0-quantile of {2, NaN, 1} is NaN, the 1-quantile 2.
    @Test func quantileSortsNaNFirst() {
        let points: [(Int64, Double)] = [(0, 2), (1, .nan), (2, 1)]
        #expect(evaluate("quantile_over_time", points, from: 0, to: 3, scalars: [0])?.isNaN == true)
        #expect(evaluate("quantile_over_time", points, from: 0, to: 3, scalars: [1]) == 2)
    }
}
