import Schedule

/// The emergency assessment as JSON (scripts) and text (the coordinator on the phone: the
/// strategy and whether coverage holds first, then who covers what).
extension EmergencyAssessment {
    public func json(pretty: Bool = true) -> String {
        var out = JSONText(pretty: pretty)
        out.object { json in
            json.string("person", person)
            json.string("from", from.description)
            json.string("to", to.description)
            json.array("affected_slots") { list in
                for slot in affectedSlots {
                    list.object {
                        $0.string("date", slot.date.description)
                        $0.string("session", slot.session.rawValue)
                        $0.string("rotation", slot.rotation)
                        $0.bool("call", slot.call)
                    }
                }
            }
            json.int("affected_calls", affectedCalls)
            json.number("fragility", fragility)
            json.string("strategy", strategy.rawValue)
            json.int("load_shedding_level", sheddingLevel.rawValue)
            if let fallback { json.string("fallback", fallback.rawValue) } else { json.null("fallback") }
            json.array("reassignments") { list in
                for step in reassignments { list.object { ResilienceReport.writeReassignment(step, &$0) } }
            }
            json.number("coverage_before", coverageBefore)
            json.number("coverage_after", coverageAfter)
            json.int("short_slots", shortSlots)
            json.bool("healthy", healthy)
            json.bool("dry_run", true)
        }
        return out.text + (pretty ? "\n" : "")
    }

    public func text() -> String {
        var lines: [String] = []
        let verdict = healthy ? "coverage holds" : "coverage does NOT hold"
        lines.append(
            "\(person) out \(from) to \(to): \(strategy) repair, \(verdict) (dry run; the schedule is unchanged)")
        lines.append("")
        lines.append(
            "Affected      \(affectedSlots.count) slot\(affectedSlots.count == 1 ? "" : "s"), \(affectedCalls) call\(affectedCalls == 1 ? "" : "s"); fragility \(JSONText.format(fragility))"
        )
        lines.append(
            "Coverage      \(percent(coverageBefore)) before, \(percent(coverageAfter)) after the repair"
                + (shortSlots > 0 ? "; \(shortSlots) slot\(shortSlots == 1 ? "" : "s") still short" : ""))
        if sheddingLevel != .normal {
            lines.append(
                "Shedding      \(sheddingLevel): suspends \(sheddingLevel.suspendedCategories.sorted().map(\.rawValue).joined(separator: ", "))"
            )
        }
        if let fallback { lines.append("Fallback      \(fallback.rawValue): \(fallback.summary)") }
        if reassignments.isEmpty {
            lines.append("Reassignments none")
        } else {
            lines.append("Reassignments")
            for step in reassignments {
                let instead = step.replacing.map { " (for \($0))" } ?? ""
                lines.append("  \(step.date) \(step.session.rawValue) \(step.rotation): \(step.person)\(instead)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func percent(_ value: Double) -> String { ReportFormat.percent(value) }
}
