import Resilience
import VigilCore

/// The `resilience:` section: the engine's utilization bands, defense-in-depth weights and
/// breakpoints, and whether N-2 runs. Every key is optional; what is left out keeps
/// `ResilienceSettings.standard`. `hubs.critical_threshold` sets when a hub counts as critical,
/// `forecast.horizon` how far the forecast looks ahead, `advice.trainings` how many cross-trainings
/// the advice works out, `cascade.overload_factor` when an overloaded colleague drops out.
extension ConfigReadContext {
    func readResilience(_ section: YAMLMappingReader) -> ResilienceSettings {
        var settings = ResilienceSettings.standard
        if let thresholds = section.mapping("utilization_thresholds", readUtilizationThresholds) {
            settings.utilization = thresholds
        }
        if let defense = section.mapping("defense", readDefense) {
            settings.defense = defense
        }
        settings.computeN2 = section.bool("n2") ?? settings.computeN2
        if let hubs = section.mapping("hubs", readHubs) {
            settings.hubs = hubs
        }
        if let forecast = section.mapping("forecast", readForecast) {
            settings.forecast = forecast
        }
        if let advice = section.mapping("advice", readAdvice) {
            settings.advice = advice
        }
        if let cascade = section.mapping("cascade", readCascade) {
            settings.cascade = cascade
        }
        return settings
    }

    /// `{critical_threshold}`: the hub score (0..1) above which a faculty member counts in
    /// `resilience_hubs_critical`; in (0, 1].
    private func readHubs(_ section: YAMLMappingReader) -> HubSettings {
        var hubs = HubSettings.standard
        let threshold = section.double("critical_threshold") { value in
            value > 0 && value <= 1 ? nil : "must be greater than 0 and at most 1 (a hub score), got \(value)"
        }
        hubs.criticalThreshold = threshold ?? hubs.criticalThreshold
        return hubs
    }

    /// `{trainings}`: how many cross-trainings the advice works out greedily, 0 (off) to 50.
    private func readAdvice(_ section: YAMLMappingReader) -> AdviceSettings {
        var advice = AdviceSettings.standard
        let trainings = section.int("trainings") { value in
            (0...50).contains(value) ? nil : "must be between 0 (no advice) and 50, got \(value)"
        }
        advice.trainings = trainings ?? advice.trainings
        return advice
    }

    /// `{overload_factor}`: past this multiple of their usual load a colleague drops out in the
    /// cascade simulation; greater than 1, at most 3.
    private func readCascade(_ section: YAMLMappingReader) -> CascadeSettings {
        var cascade = CascadeSettings.standard
        let factor = section.double("overload_factor") { value in
            value > 1 && value <= 3
                ? nil : "must be greater than 1 and at most 3 (a multiple of the usual load), got \(value)"
        }
        cascade.overloadFactor = factor ?? cascade.overloadFactor
        return cascade
    }

    /// `{horizon}`: how far the forecast looks ahead, a whole number of days from 1d to 366d.
    private func readForecast(_ section: YAMLMappingReader) -> ForecastSettings {
        var forecast = ForecastSettings.standard
        let day: Int64 = 86_400_000
        let horizon = section.duration("horizon") { value in
            if value.milliseconds <= 0 || value.milliseconds % day != 0 {
                return "must be a whole number of days (e.g. 90d or 13w), got \(value)"
            }
            return value.milliseconds / day > 366
                ? "must be at most 366d (a year), got \(value.milliseconds / day)d" : nil
        }
        if let horizon { forecast.horizonDays = Int(horizon.milliseconds / day) }
        return forecast
    }

    /// `{yellow, orange, red, black, target}`: each in (0, 2], the four bands strictly ascending.
    private func readUtilizationThresholds(_ section: YAMLMappingReader) -> UtilizationThresholds {
        var thresholds = UtilizationThresholds.standard
        func read(_ key: String) -> Double? { section.double(key, check: Self.utilizationFraction) }
        thresholds.yellow = read("yellow") ?? thresholds.yellow
        thresholds.orange = read("orange") ?? thresholds.orange
        thresholds.red = read("red") ?? thresholds.red
        thresholds.black = read("black") ?? thresholds.black
        thresholds.target = read("target") ?? thresholds.target
        let bands = [
            ("yellow", thresholds.yellow), ("orange", thresholds.orange), ("red", thresholds.red),
            ("black", thresholds.black),
        ]
        for (lower, upper) in zip(bands, bands.dropFirst()) where upper.1 <= lower.1 {
            section.report(
                "\(upper.0) (\(upper.1)) must be greater than \(lower.0) (\(lower.1)): "
                    + "the bands yellow < orange < red < black ascend",
                at: upper.0)
        }
        return thresholds
    }

    /// `{weights: {…}, breakpoints: {…}}`, keyed by the five defense dimensions.
    private func readDefense(_ section: YAMLMappingReader) -> DefenseSettings {
        var defense = DefenseSettings.standard
        if let weights = section.mapping("weights", readWeights) {
            defense.weights = weights
        }
        if let breakpoints = section.mapping("breakpoints", readBreakpoints) {
            defense.breakpoints = breakpoints
        }
        return defense
    }

    /// Non-negative weights summing to 1 (the level bounds are calibrated on a 0…4 weighted score).
    private func readWeights(_ section: YAMLMappingReader) -> [DefenseDimension: Double] {
        var weights = DefenseSettings.standard.weights
        for dimension in DefenseDimension.allCases {
            if let weight = section.double(dimension.rawValue, check: { $0 >= 0 ? nil : "must not be negative" }) {
                weights[dimension] = weight
            }
        }
        // In a fixed order (a dictionary's varies from run to run, and so would the last bits of the sum), and
        // printed rounded to 1e-9 so the message shows 1.2, not 1.2000000000000002.
        let sum = DefenseDimension.allCases.reduce(0) { $0 + (weights[$1] ?? 0) }
        if abs(sum - 1) > 1e-6 {
            let listed = DefenseDimension.allCases.map { "\($0.rawValue) \(weights[$0] ?? 0)" }
            section.value.report(
                "weights must sum to 1, got \((sum * 1e9).rounded() / 1e9) (\(listed.joined(separator: ", ")); unset keys keep their defaults)"
            )
        }
        return weights
    }

    /// Per dimension, four strictly ascending non-negative numbers: a value at or above the k-th
    /// breakpoint scores k.
    private func readBreakpoints(_ section: YAMLMappingReader) -> [DefenseDimension: [Double]] {
        var breakpoints = DefenseSettings.standard.breakpoints
        for dimension in DefenseDimension.allCases {
            guard let value = section.value(dimension.rawValue), let elements = value.sequence({ $0 }) else { continue }
            let numbers = elements.compactMap { $0.double(check: { $0 >= 0 ? nil : "must not be negative" }) }
            guard numbers.count == elements.count else { continue }  // each bad element was reported
            if numbers.count != 4 {
                value.report("expected 4 breakpoints, got \(numbers.count)")
            } else if zip(numbers, numbers.dropFirst()).contains(where: { $1 <= $0 }) {
                value.report(
                    "breakpoints must be strictly ascending, got \(numbers.map { "\($0)" }.joined(separator: ", "))")
            } else {
                breakpoints[dimension] = numbers
            }
        }
        return breakpoints
    }

    private static func utilizationFraction(_ value: Double) -> String? {
        value > 0 && value <= 2 ? nil : "must be greater than 0 and at most 2 (a utilization rate), got \(value)"
    }
}
