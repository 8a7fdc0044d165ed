/// The cascade and the recovery distance as JSON objects (the report's `cascade` and `recovery`).
extension Cascade {
    func write(_ json: inout JSONText) {
        if let trigger { json.string("trigger", trigger) } else { json.null("trigger") }
        json.number("overload_factor", overloadFactor)
        json.number("initial_coverage", initialCoverage)
        json.number("final_coverage", finalCoverage)
        json.number("cascade_failure_risk", risk)
        json.bool("catastrophic", catastrophic)
        json.array("rounds") { list in
            for round in rounds {
                list.object {
                    $0.int("round", round.number)
                    $0.array("lost") { people in for person in round.lost { people.string(nil, person) } }
                    $0.int("gone", round.gone)
                    $0.int("unfilled", round.unfilled)
                    $0.number("coverage", round.coverage)
                    $0.array("overloaded") { people in for person in round.overloaded { people.string(nil, person) } }
                }
            }
        }
        json.string("summary", summary)
    }
}

extension RecoveryDistance {
    func write(_ json: inout JSONText) {
        if let person { json.string("worst_loss", person) } else { json.null("worst_loss") }
        json.int("uncovered", uncovered)
        json.int("recovery_distance", changes)
        json.int("unrecoverable", unrecoverable)
        json.string("summary", summary)
    }
}
