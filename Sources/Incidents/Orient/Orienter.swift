import Foundation

/// Classifies an incident's failure from its ``Observation`` (and the names of the alerts that
/// opened it) into ranked ``Hypothesis`` values, each with its evidence in words, and works out
/// the blast radius. Pure and deterministic: the same evidence always gives the same ranking.
///
/// The thresholds are the program's: utilization above 80% is over capacity (the queueing knee),
/// coverage below 95% a coverage gap, 15% of faculty away at once a mass absence.
public enum Orienter {
    public static func orient(_ observation: Observation, alertNames: [String]) -> Orientation {
        var hypotheses: [Hypothesis] = []
        let names = alertNames.map { $0.lowercased() }
        func hinted(_ words: [String]) -> Bool { names.contains { name in words.contains { name.contains($0) } } }

        if let schedule = observation.schedule {
            if schedule.utilization >= 0.8 {
                var evidence = ["faculty utilization \(percent(schedule.utilization)) (\(schedule.utilizationLevel))"]
                if let level = schedule.recommendedSheddingLevel, level > schedule.sheddingLevel {
                    evidence.append(
                        "the engine recommends load shedding level \(level) (now \(schedule.sheddingLevel))")
                }
                let confidence =
                    0.5 + (schedule.utilization - 0.8) * 2.5 + (hinted(["utilization", "capacity"]) ? 0.1 : 0)
                hypotheses.append(Hypothesis(mode: .overCapacity, confidence: confidence, evidence: evidence))
            }
            // Absence explains a gap when faculty assigned to the slot are away that day.
            let away = schedule.facultyTotal > 0 ? Double(schedule.facultyOnLeave) / Double(schedule.facultyTotal) : 0
            let gapsWithAbsence = schedule.gaps.filter { !$0.absent.isEmpty }
            let absenceShare = schedule.gaps.isEmpty ? 0 : Double(gapsWithAbsence.count) / Double(schedule.gaps.count)
            if away >= 0.15 || absenceShare >= 0.5 {
                var evidence: [String] = []
                if schedule.facultyOnLeave > 0 {
                    evidence.append(
                        "\(schedule.facultyOnLeave) of \(schedule.facultyTotal) faculty on leave (\(percent(away)))")
                }
                if !gapsWithAbsence.isEmpty {
                    let people = Set(gapsWithAbsence.flatMap(\.absent)).sorted()
                    evidence.append(
                        "\(gapsWithAbsence.count) of \(schedule.gaps.count) gap slots lack faculty who are away: "
                            + people.prefix(8).joined(separator: ", "))
                }
                let confidence = 0.4 + away * 1.5 + absenceShare * 0.5
                hypotheses.append(Hypothesis(mode: .massAbsence, confidence: confidence, evidence: evidence))
            }
            if schedule.gapSlots > 0 || schedule.coverage < 0.95 {
                let evidence = ["coverage \(percent(schedule.coverage)), \(schedule.gapSlots) slots short of faculty"]
                // Gaps that absences explain are the symptom, not the cause.
                let confidence =
                    min(1, 0.4 + max(0, 0.95 - schedule.coverage) * 4 + (hinted(["coverage", "gap"]) ? 0.1 : 0))
                    * (1 - 0.5 * absenceShare)
                hypotheses.append(Hypothesis(mode: .coverageGap, confidence: confidence, evidence: evidence))
            }
            if !schedule.acgmeViolations.isEmpty {
                var evidence = ["\(schedule.acgmeCritical) critical ACGME violations"]
                evidence += schedule.acgmeViolations.prefix(3).map(\.message)
                let confidence =
                    (schedule.acgmeCritical > 0 ? 0.75 : 0.35) + (hinted(["acgme", "duty", "supervision"]) ? 0.15 : 0)
                hypotheses.append(Hypothesis(mode: .acgmeViolation, confidence: confidence, evidence: evidence))
            }
            if !schedule.n1Compliant || !schedule.fatalPairs.isEmpty {
                var evidence: [String] = []
                if !schedule.singlePointsOfFailure.isEmpty {
                    evidence.append(
                        "\(schedule.singlePointsOfFailure.count) single points of failure: "
                            + schedule.singlePointsOfFailure.prefix(5).flatMap(\.people).joined(separator: ", "))
                }
                if !schedule.fatalPairs.isEmpty { evidence.append("\(schedule.fatalPairs.count) fatal pairs (N-2)") }
                let confidence =
                    0.3 + min(0.3, Double(schedule.singlePointsOfFailure.count) * 0.05)
                    + (hinted(["contingency", "n1", "n2", "hub"]) ? 0.2 : 0)
                hypotheses.append(Hypothesis(mode: .contingencyFailure, confidence: confidence, evidence: evidence))
            }
        }
        let changed = observation.slotsChangedLastDay ?? 0
        if changed > 0 || observation.lastChange.map({ !$0.isEmpty }) == true {
            let damage = hypotheses.contains { $0.mode == .coverageGap || $0.mode == .acgmeViolation }
            var evidence: [String] = []
            if changed > 0 { evidence.append("\(changed) schedule slots changed in the last 24 hours") }
            var touches = false
            if let diff = observation.lastChange, !diff.isEmpty {
                evidence.append(
                    "the last change (\(diff.source)) touched \(diff.people.prefix(8).joined(separator: ", ")): "
                        + "\(diff.assignmentsAdded) assignments added, \(diff.assignmentsRemoved) removed, "
                        + "\(diff.absencesChanged) absences changed")
                // A change that touches the people or slots now short of faculty is a suspect.
                let gaps = observation.schedule?.gaps ?? []
                let gapPeople = Set(gaps.flatMap(\.absent))
                let gapSlots = Set(gaps.map { "\($0.date) \($0.session) \($0.rotation)" })
                touches = !gapPeople.isDisjoint(with: diff.people) || !gapSlots.isDisjoint(with: diff.slots)
                if touches { evidence.append("it touches the people or slots now short of faculty") }
            }
            let confidence = 0.3 + min(0.3, Double(changed) / 100) + (damage ? 0.1 : 0) + (touches ? 0.15 : 0)
            hypotheses.append(Hypothesis(mode: .recentChange, confidence: confidence, evidence: evidence))
        }
        if !observation.failedDeliveries.isEmpty || !observation.scrapeFailures.isEmpty
            || hinted(["scrape", "outbox", "delivery", "vigil", "reload", "celery", "backend"])
        {
            var evidence: [String] = []
            if !observation.failedDeliveries.isEmpty {
                let receivers = Set(observation.failedDeliveries.map(\.receiver)).sorted().joined(separator: ", ")
                evidence.append("\(observation.failedDeliveries.count) failed deliveries in 30 minutes (\(receivers))")
            }
            if !observation.scrapeFailures.isEmpty {
                evidence.append("scrapes failing: " + observation.scrapeFailures.prefix(5).joined(separator: ", "))
            }
            if evidence.isEmpty { evidence.append("the alerts are about Vigil or the systems it watches") }
            let confidence = hypotheses.isEmpty ? 0.7 : 0.3
            hypotheses.append(Hypothesis(mode: .infrastructure, confidence: confidence, evidence: evidence))
        }
        let order = FailureMode.allCases
        let ranked = hypotheses.map { hypothesis in
            var hypothesis = hypothesis
            hypothesis.confidence = (min(1, max(0, hypothesis.confidence)) * 100).rounded() / 100
            return hypothesis
        }.sorted { lhs, rhs in
            if lhs.confidence != rhs.confidence { return lhs.confidence > rhs.confidence }
            return (order.firstIndex(of: lhs.mode) ?? 0) < (order.firstIndex(of: rhs.mode) ?? 0)
        }
        return Orientation(hypotheses: ranked, blastRadius: blastRadius(observation))
    }

    static func blastRadius(_ observation: Observation) -> Orientation.BlastRadius {
        guard let schedule = observation.schedule else { return .init(people: [], rotations: [], dates: []) }
        var people = Set(schedule.gaps.flatMap(\.absent))
        people.formUnion(schedule.singlePointsOfFailure.flatMap(\.people))
        people.formUnion(schedule.fatalPairs.flatMap(\.people))
        people.formUnion(schedule.acgmeViolations.flatMap(\.people))
        return .init(
            people: people.sorted(), rotations: Set(schedule.gaps.map(\.rotation)).sorted(),
            dates: Set(schedule.gaps.map(\.date)).sorted())
    }

    static func percent(_ value: Double) -> String {
        "\(Int((value * 100).rounded()))%"
    }
}
