import Foundation
import Resilience
import Testing
import VigilCore
import VigilDaemon

/// The `resilience:` section of `etc/vigil.yml`: optional keys over `ResilienceSettings.standard`,
/// checked with the same `FILE:LINE:COL` errors and unknown-key checks as the rest of the file.
@Suite("The resilience section of the configuration")
struct ResilienceConfigTests {
    static let path = "/srv/vigil/etc/vigil.yml"

    static func errors(_ yaml: String) -> [String] {
        do {
            _ = try ConfigLoader.parse(yaml: yaml, path: path)
            Issue.record("expected the configuration to be rejected")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func leftOutItIsTheStandardSettings() throws {
        let config = try ConfigLoader.parse(yaml: "global:\n  evaluation_interval: 15s\n", path: Self.path)
        #expect(config.resilience == .standard)
    }

    @Test func givenKeysReplaceTheirDefaultsAndTheOthersStay() throws {
        let yaml = """
            resilience:
              utilization_thresholds: {yellow: 0.6, orange: 0.75, red: 0.85, black: 0.9, target: 0.75}
              defense:
                weights: {utilization: 0.4, n1_single_points_of_failure: 0.05}
                breakpoints:
                  coverage_gap_slots: [2, 4, 8, 16]
              n2: false
              hubs: {critical_threshold: 0.7}
              forecast: {horizon: 13w}
              advice: {trainings: 3}
              cascade: {overload_factor: 1.5}
            """
        let settings = try ConfigLoader.parse(yaml: yaml, path: Self.path).resilience
        #expect(settings.hubs.criticalThreshold == 0.7)
        #expect(settings.forecast.horizonDays == 91)
        #expect(settings.advice.trainings == 3)
        #expect(settings.cascade.overloadFactor == 1.5)
        #expect(
            settings.utilization
                == UtilizationThresholds(yellow: 0.6, orange: 0.75, red: 0.85, black: 0.9, target: 0.75))
        #expect(settings.defense.weights[.utilization] == 0.4)
        #expect(settings.defense.weights[.n1SinglePointsOfFailure] == 0.05)
        #expect(settings.defense.weights[.n2FatalPairs] == DefenseSettings.standard.weights[.n2FatalPairs])
        #expect(settings.defense.breakpoints[.coverageGapSlots] == [2, 4, 8, 16])
        #expect(settings.defense.breakpoints[.utilization] == DefenseSettings.standard.breakpoints[.utilization])
        #expect(settings.computeN2 == false)
    }

    @Test func theExampleInTheShippedConfigIsValidAndStatesTheDefaults() throws {
        let shipped = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("etc/vigil.yml")
        let lines = try String(contentsOf: shipped, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "# resilience:"))
        let block = lines[start...].prefix { $0.hasPrefix("#") }.map { $0.dropFirst(2) }.joined(separator: "\n")
        let config = try ConfigLoader.parse(yaml: block, path: Self.path)
        #expect(config.resilience == .standard)
        #expect(block.contains("acgme_critical_violations: [1, 2, 5, 10]"))
    }

    @Test func everyProblemIsReportedAtItsPosition() {
        let yaml = """
            resilience:
              utilization_thresholds: {yellow: 0.8, orange: 0.75, red: 0.9, black: 2.5}
              defense:
                weights: {utilization: 0.5, acgme_critical: 0.1}
                breakpoints:
                  n2_fatal_pairs: [1, 5, 15]
                  coverage_gap_slots: [1, 3, 3, 11]
                  utilization: [0.8, high, 0.95, 0.98]
              n2: sometimes
              horizon: 28d
            """
        let path = Self.path
        #expect(
            Self.errors(yaml) == [
                "\(path):2:49: resilience.utilization_thresholds.orange: orange (0.75) must be greater than yellow (0.8): "
                    + "the bands yellow < orange < red < black ascend",
                "\(path):2:72: resilience.utilization_thresholds.black: "
                    + "must be greater than 0 and at most 2 (a utilization rate), got 2.5",
                "\(path):4:14: resilience.defense.weights: weights must sum to 1, got 1.2 (utilization 0.5, "
                    + "n1_single_points_of_failure 0.15, n2_fatal_pairs 0.2, coverage_gap_slots 0.2, "
                    + "acgme_critical_violations 0.15; unset keys keep their defaults)",
                "\(path):4:33: resilience.defense.weights.acgme_critical: unknown key \"acgme_critical\" "
                    + "(known keys: acgme_critical_violations, coverage_gap_slots, n1_single_points_of_failure, "
                    + "n2_fatal_pairs, utilization)",
                "\(path):6:23: resilience.defense.breakpoints.n2_fatal_pairs: expected 4 breakpoints, got 3",
                "\(path):7:27: resilience.defense.breakpoints.coverage_gap_slots: "
                    + "breakpoints must be strictly ascending, got 1.0, 3.0, 3.0, 11.0",
                "\(path):8:26: resilience.defense.breakpoints.utilization[1]: expected a number, got \"high\"",
                "\(path):9:7: resilience.n2: expected a boolean (true or false), got \"sometimes\"",
                "\(path):10:3: resilience.horizon: unknown key \"horizon\" (known keys: advice, cascade, defense, forecast, hubs, n2, utilization_thresholds)",
            ])
    }

    @Test func anOverloadFactorOfOneOrLessIsReportedAtItsPosition() {
        #expect(
            Self.errors("resilience:\n  cascade:\n    overload_factor: 1\n") == [
                "\(Self.path):3:22: resilience.cascade.overload_factor: must be greater than 1 and at most 3 "
                    + "(a multiple of the usual load), got 1.0"
            ])
    }

    @Test func anAdviceLengthOutsideZeroToFiftyIsReportedAtItsPosition() {
        #expect(
            Self.errors("resilience:\n  advice: {trainings: 51}\n") == [
                "\(Self.path):2:23: resilience.advice.trainings: must be between 0 (no advice) and 50, got 51"
            ])
    }

    @Test func aHubThresholdOutsideZeroToOneIsReportedAtItsPosition() {
        let path = Self.path
        #expect(
            Self.errors("resilience:\n  hubs: {critical_threshold: 1.5}\n") == [
                "\(path):2:30: resilience.hubs.critical_threshold: "
                    + "must be greater than 0 and at most 1 (a hub score), got 1.5"
            ])
        #expect(
            Self.errors("resilience:\n  hubs:\n    critical_threshold: 0\n") == [
                "\(path):3:25: resilience.hubs.critical_threshold: "
                    + "must be greater than 0 and at most 1 (a hub score), got 0.0"
            ])
        #expect(
            Self.errors("resilience:\n  hubs:\n    critical: 0.5\n") == [
                "\(path):3:5: resilience.hubs.critical: unknown key \"critical\" (known keys: critical_threshold)"
            ])
    }

    @Test func aForecastHorizonThatIsNotWholeDaysUpToAYearIsReportedAtItsPosition() {
        let path = Self.path
        #expect(
            Self.errors("resilience:\n  forecast: {horizon: 400d}\n") == [
                "\(path):2:23: resilience.forecast.horizon: must be at most 366d (a year), got 400d"
            ])
        #expect(
            Self.errors("resilience:\n  forecast:\n    horizon: 36h\n") == [
                "\(path):3:14: resilience.forecast.horizon: must be a whole number of days (e.g. 90d or 13w), got 1d12h"
            ])
        #expect(
            Self.errors("resilience:\n  forecast:\n    days: 90\n") == [
                "\(path):3:5: resilience.forecast.days: unknown key \"days\" (known keys: horizon)"
            ])
    }
}
