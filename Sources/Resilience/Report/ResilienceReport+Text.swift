import Schedule

/// The report for people: the verdict first (defense level and what drove it), then each measure
/// in plain words, then the detail a coordinator acts on (who is a single point of failure, which
/// rules are broken, what to shed).
extension ResilienceReport {
    public func text() -> String {
        var lines: [String] = []
        lines.append("\(program): \(window.from) to \(window.end.advanced(by: -1)) (\(window.days) days)")
        lines.append("")
        lines.append("Defense level \(defense.level) (\(defense.level.rawValue)/5). \(defenseExplanation)")
        lines.append("")
        lines.append(
            "Utilization   \(percent(utilization.rate)) (\(utilization.level)); "
                + "\(utilization.required) of \(utilization.capacity) faculty sessions, "
                + "buffer below target \(percent(utilization.bufferRemaining))")
        lines.append(
            "Coverage      \(percent(coverage.rate)) of needed faculty present; "
                + "\(coverage.gapSlots) slot\(coverage.gapSlots == 1 ? "" : "s") short")
        lines.append(
            "Faculty       \(faculty.total) total, \(faculty.onDuty) on duty, \(faculty.onLeave) on leave "
                + "on \(window.from)")
        lines.append(contentsOf: contingencyLines)
        lines.append(contentsOf: hubLines)
        lines.append(contentsOf: advice.lines())
        lines.append("Phase         \(phaseTransition.summary)")
        lines.append("Cascade       \(cascade.summary)")
        for round in cascade.rounds.prefix(8) {
            let dropping = round.overloaded.isEmpty ? "" : "; overloads \(round.overloaded.joined(separator: ", "))"
            lines.append(
                "  round \(round.number): \(round.lost.joined(separator: ", ")) gone (\(round.gone) in all), "
                    + "\(round.unfilled) uncovered, coverage \(percent(round.coverage))\(dropping)")
        }
        lines.append("Recovery      \(recovery.summary)")
        lines.append(
            "Health        \(Int(health.value.rounded()))/100 (defense \(Int(health.defensePart.rounded())), "
                + "cascade \(Int(health.cascadePart.rounded())), recovery \(Int(health.recoveryPart.rounded())))")
        lines.append(contentsOf: forecast.lines())
        lines.append(contentsOf: acgmeLines)
        lines.append(contentsOf: sheddingLines)
        lines.append(contentsOf: fallbackLines)
        lines.append("")
        lines.append("Computed in \(milliseconds(timings.total)) (contingency \(milliseconds(timings.contingency))).")
        return lines.joined(separator: "\n") + "\n"
    }

    private var defenseExplanation: String {
        let drivers = defense.drivers
        guard !drivers.isEmpty else { return "Every layer holds." }
        let named = drivers.map { "\(Self.dimensionName($0.dimension)) \(formatValue($0))" }
        var sentence = "Driven by " + named.joined(separator: ", ") + "."
        if defense.flooredByWorstDimension {
            sentence += " One breached layer sets the floor (the weighted score alone reads \(defense.weightedLevel))."
        }
        return sentence
    }

    private var contingencyLines: [String] {
        var lines: [String] = []
        let points = contingency.n1.singlePointsOfFailure
        if points.isEmpty {
            lines.append("N-1           holds: losing any one faculty member leaves every slot fillable")
        } else {
            let list = points.map { "\($0.person) (\($0.unfillableSlots))" }.joined(separator: ", ")
            lines.append(
                "N-1           FAILS: \(points.count) single point\(points.count == 1 ? "" : "s") of failure: \(list)")
        }
        if let pairs = contingency.n2?.fatalPairs {
            if pairs.isEmpty {
                lines.append("N-2           \(points.isEmpty ? "holds" : "no fatal pair beyond the single points")")
            } else {
                let shown = pairs.prefix(10).map { "\($0.people.joined(separator: "+")) (\($0.unfillableSlots))" }
                let more = pairs.count > 10 ? ", … \(pairs.count - 10) more" : ""
                lines.append(
                    "N-2           FAILS: \(pairs.count) fatal pair\(pairs.count == 1 ? "" : "s"): \(shown.joined(separator: ", "))\(more)"
                )
            }
        }
        return lines
    }

    private var hubLines: [String] {
        let shown = hubs.top(5).filter { $0.score > 0 }
        guard !shown.isEmpty else { return [] }
        var lines = [
            "Hubs          \(hubs.criticalCount) above \(hubs.criticalThreshold) "
                + "(score; seed formula in brackets):"
        ]
        for hub in shown {
            lines.append(
                "  \(hub.person.padding(8)) \(Self.twoDecimals(hub.score)) (\(Self.twoDecimals(hub.seedScore)))  \(hub.why)"
            )
        }
        return lines
    }

    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    private var acgmeLines: [String] {
        guard !acgme.violations.isEmpty else {
            return ["ACGME         no violation; compliance score \(Int(acgme.complianceScore.rounded()))%"]
        }
        var lines = [
            "ACGME         \(acgme.violations.count) violation\(acgme.violations.count == 1 ? "" : "s") "
                + "(\(acgme.criticalCount) critical); compliance score \(Int(acgme.complianceScore.rounded()))%"
        ]
        for violation in acgme.violations.prefix(20) {
            lines.append("  \(violation.severity.rawValue.padding(8)) \(violation.message)")
        }
        if acgme.violations.count > 20 { lines.append("  … \(acgme.violations.count - 20) more (see --format json)") }
        return lines
    }

    private var fallbackLines: [String] {
        guard !fallbacks.isEmpty else { return [] }
        var lines = ["Fallbacks     (coverage each would keep, after reassignments)"]
        for plan in fallbacks {
            let active = state.activeFallback == plan.scenario ? " [ACTIVE]" : ""
            lines.append(
                "  \(plan.scenario.rawValue.padding(24)) \(percent(plan.coverageKept).padding(6)) "
                    + "\(plan.healthy ? "healthy" : "UNHEALTHY"), \(plan.reassignments.count) reassignments, "
                    + "\(plan.lostFaculty.count) lost\(active)")
        }
        return lines
    }

    private var sheddingLines: [String] {
        var line = "Load shedding \(shedding.level)"
        if shedding.suspendedActivities > 0 { line += ", \(shedding.suspendedActivities) activities suspended" }
        if let recommended = shedding.recommendedLevel {
            line += recommended == shedding.level ? " (as recommended)" : "; recommended \(recommended)"
        } else {
            line += "; no level brings utilization under target with every slot covered"
        }
        if let fallback = state.activeFallback { line += "; fallback \(fallback.rawValue) active" }
        return [line]
    }

    func percent(_ value: Double) -> String { ReportFormat.percent(value) }

    private func formatValue(_ driver: DefenseAssessment.Driver) -> String {
        driver.dimension == .utilization ? percent(driver.value) : String(Int(driver.value))
    }

    static func dimensionName(_ dimension: DefenseDimension) -> String {
        switch dimension {
        case .utilization: return "utilization"
        case .n1SinglePointsOfFailure: return "single points of failure"
        case .n2FatalPairs: return "fatal pairs"
        case .coverageGapSlots: return "coverage gap slots"
        case .acgmeCriticalViolations: return "critical ACGME violations"
        }
    }

    private func milliseconds(_ seconds: Double) -> String {
        let value = (seconds * 10_000).rounded() / 10
        return "\(value) ms"
    }
}

extension String {
    /// Left-aligned in `width` columns (never truncated).
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

/// Number formats shared by the text reports.
enum ReportFormat {
    /// A share as a percentage with at most one decimal: 0.934 → "93.4%", 1 → "100%".
    static func percent(_ value: Double) -> String {
        let tenths = (value * 1000).rounded() / 10
        return (tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)) + "%"
    }
}
