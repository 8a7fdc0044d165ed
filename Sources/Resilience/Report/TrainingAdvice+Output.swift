/// The advice as JSON (`vigil resilience advise`, `GET /api/v1/resilience/advice`, the report's
/// `advice` section) and as lines of text.
extension TrainingAdvice {
    /// `{"trainings": [{"person", "rotation", "single_points_of_failure": {before, after},
    /// "fatal_pairs": {before, after} or null, …}], "limit": K, "evaluated": N}`.
    public func json(pretty: Bool = true) -> String {
        var out = JSONText(pretty: pretty)
        out.object { write(&$0) }
        return out.text + (pretty ? "\n" : "")
    }

    /// Writes the advice's keys into the object being built.
    func write(_ json: inout JSONText) {
        json.array("trainings") { list in
            for training in trainings {
                list.object { item in
                    item.string("person", training.person)
                    item.string("rotation", training.rotation)
                    item.object("single_points_of_failure") { Self.write(training.singlePointsOfFailure, &$0) }
                    if let pairs = training.fatalPairs {
                        item.object("fatal_pairs") { Self.write(pairs, &$0) }
                    } else {
                        item.null("fatal_pairs")
                    }
                    item.object("unfillable_slots") { Self.write(training.unfillableSlots, &$0) }
                    item.array("relieved") { people in for person in training.relieved { people.string(nil, person) } }
                    item.string("why", training.why)
                }
            }
        }
        json.int("limit", limit)
        json.int("evaluated", evaluated)
    }

    private static func write(_ change: Change, _ json: inout JSONText) {
        json.int("before", change.before)
        json.int("after", change.after)
    }

    /// One sentence per training, or why there is none.
    public func lines() -> [String] {
        guard !trainings.isEmpty else {
            return limit == 0
                ? ["Training      advice turned off (resilience.advice.trainings: 0)"]
                : ["Training      no single added capability lowers the risk"]
        }
        var lines = [
            "Training      \(trainings.count) cross-training\(trainings.count == 1 ? "" : "s") in order of effect:"
        ]
        for (position, training) in trainings.enumerated() { lines.append("  \(position + 1). \(training.why)") }
        return lines
    }

    /// `vigil resilience advise`'s text output.
    public func text() -> String { lines().joined(separator: "\n") + "\n" }
}
