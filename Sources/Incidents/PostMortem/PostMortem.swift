import Alerting
import Foundation

/// The post-mortem in the program's template, written from the incident's record: title, date,
/// severity, duration, impact, the timeline, what happened, a five-whys scaffold pre-filled with
/// the leading failure mode and its evidence, what went well and what went wrong (derived from
/// the record, not guessed), action items and the follow-up checklist. Blameless: it speaks of
/// the schedule, the systems and the decisions, never of a person's fault. Pure.
public enum PostMortem {
    /// Markdown for `incident`, with times in `timeZone` (the program's).
    public static func markdown(_ incident: Incident, timeZone: TimeZone) -> String {
        let time = Formatter(timeZone: timeZone)
        var out: [String] = []
        out.append("# Post-mortem: \(incident.id) — \(incident.title)")
        out.append("")
        out.append(
            "_Blameless review: it looks at the schedule, the systems and the decisions, not at who did what._")
        out.append("")
        out.append(contentsOf: summary(incident, time: time))
        out.append("")
        out.append(contentsOf: impact(incident))
        out.append("")
        out.append("## Timeline")
        out.append("")
        out.append("| Time | Who | What |")
        out.append("|---|---|---|")
        for entry in incident.timeline {
            out.append("| \(time.full(entry.at)) | \(cell(entry.actor)) | \(cell(entry.text)) |")
        }
        out.append("")
        out.append(contentsOf: whatHappened(incident, time: time))
        out.append("")
        out.append(contentsOf: rootCause(incident))
        out.append("")
        let (well, wrong) = review(incident, timeZone: timeZone)
        out.append("## What went well")
        out.append("")
        out.append(contentsOf: (well.isEmpty ? ["Nothing stands out in the record."] : well).map { "- \($0)" })
        out.append("")
        out.append("## What went wrong")
        out.append("")
        out.append(contentsOf: (wrong.isEmpty ? ["Nothing stands out in the record."] : wrong).map { "- \($0)" })
        out.append("")
        out.append(contentsOf: actionItems(incident))
        out.append("")
        out.append(contentsOf: checklist(incident, time: time))
        return out.joined(separator: "\n") + "\n"
    }

    static func summary(_ incident: Incident, time: Formatter) -> [String] {
        let deadline = ResponseTarget.deadline(incident.severity, detectedAt: incident.detectedAt, timeZone: time.zone)
        var rows = [
            ("Date", time.day(incident.detectedAt)),
            (
                "Severity",
                "\(incident.severity.rawValue) (respond within \(ResponseTarget.description(incident.severity)))"
            ),
            ("Detected", time.full(incident.detectedAt)),
        ]
        if let ack = incident.acknowledgement {
            let met = ack.at <= deadline ? "met" : "missed"
            rows.append(
                (
                    "Acknowledged",
                    "\(time.full(ack.at)) by \(ack.by), \(duration(ack.at - incident.detectedAt)) after detection "
                        + "(target \(ResponseTarget.description(incident.severity)): \(met))"
                ))
        } else {
            rows.append(("Acknowledged", "not acknowledged"))
        }
        if let resolvedAt = incident.resolvedAt {
            rows.append(("Resolved", time.full(resolvedAt)))
            rows.append(("Duration", "\(duration(resolvedAt - incident.detectedAt)) (detection to resolution)"))
        } else {
            rows.append(("Resolved", "still open (\(incident.phase.rawValue))"))
        }
        if let reason = incident.falseAlarm { rows.append(("Outcome", "false alarm: \(reason)")) }
        return ["| | |", "|---|---|"] + rows.map { "| \($0.0) | \(cell($0.1)) |" }
    }

    static func impact(_ incident: Incident) -> [String] {
        var lines = ["## Impact", ""]
        let radius = incident.orientation?.blastRadius
        lines.append("- People affected: \(list(radius?.people))")
        lines.append("- Rotations disrupted: \(list(radius?.rotations))")
        lines.append("- Dates touched: \(list(radius?.dates))")
        if let schedule = incident.observation?.schedule {
            lines.append(
                "- ACGME violations at detection: \(schedule.acgmeViolations.count) (\(schedule.acgmeCritical) critical)"
            )
            lines.append(
                "- Coverage at detection: \(percent(schedule.coverage)) (\(schedule.gapSlots) slots short), "
                    + "defense level \(schedule.defenseLevel), utilization \(percent(schedule.utilization))")
        } else {
            lines.append("- ACGME violations at detection: unknown (no schedule was loaded)")
        }
        lines.append("- Data lost: none (every event is on the incident's record)")
        return lines
    }

    static func whatHappened(_ incident: Incident, time: Formatter) -> [String] {
        var lines = ["## What happened", ""]
        let alerts = Set(incident.timeline.compactMap { $0.kind == .alertFired ? $0.details["alertname"] : nil })
            .sorted()
        var story =
            alerts.isEmpty
            ? "The incident was opened by hand at \(time.full(incident.detectedAt))."
            : "\(alerts.joined(separator: ", ")) fired and opened the incident at \(time.full(incident.detectedAt))."
        if let leading = incident.orientation?.hypotheses.first {
            story +=
                " Vigil's first reading pointed to \(leading.mode.rawValue): \(leading.evidence.joined(separator: "; "))."
        }
        let moves = incident.phases.dropFirst().filter { $0.by != TimelineEntry.daemon }
        if !moves.isEmpty {
            story += " People moved it through \(moves.map(\.phase.rawValue).joined(separator: ", "))."
        }
        lines.append(story)
        let runbooks = incident.runbooks.sorted { $0.key < $1.key }
        if !runbooks.isEmpty {
            lines.append("")
            lines.append("Runbooks: " + runbooks.map { "[\($0.key)](\($0.value))" }.joined(separator: ", "))
        }
        return lines
    }

    static func rootCause(_ incident: Incident) -> [String] {
        var lines = ["## Root cause", ""]
        guard let leading = incident.orientation?.hypotheses.first else {
            lines.append("Vigil found no failure mode in the evidence. Work through the five whys from the alert.")
            lines.append("")
            lines.append(contentsOf: (1...5).map { "\($0). Why? _to be completed in the review_" })
            return lines
        }
        lines.append(
            "Leading hypothesis: **\(leading.mode.rawValue)** (confidence \(percent(leading.confidence))). "
                + "Confirm or correct it in the review.")
        lines.append("")
        let first = leading.evidence.first ?? "the evidence above"
        lines.append("1. Why did the alert fire? Because \(first).")
        lines.append(
            "2. Why did that happen? \(leading.evidence.dropFirst().first ?? "_to be completed in the review_")")
        lines.append("3. Why was it not caught earlier? _to be completed in the review_")
        lines.append(
            "4. Why did the safeguards (N-1 coverage, fallbacks, load shedding) not absorb it? _to be completed_")
        lines.append("5. Why is the program exposed to this? _to be completed in the review_")
        let others = incident.orientation?.hypotheses.dropFirst() ?? []
        if !others.isEmpty {
            lines.append("")
            lines.append(
                "Other hypotheses considered: "
                    + others.map { "\($0.mode.rawValue) (\(percent($0.confidence)))" }.joined(separator: ", "))
        }
        return lines
    }

    /// What went well and what went wrong, from the record alone.
    static func review(_ incident: Incident, timeZone: TimeZone) -> (well: [String], wrong: [String]) {
        var well: [String] = []
        var wrong: [String] = []
        let deadline = ResponseTarget.deadline(incident.severity, detectedAt: incident.detectedAt, timeZone: timeZone)
        if let ack = incident.acknowledgement {
            let took = duration(ack.at - incident.detectedAt)
            if ack.at <= deadline {
                well.append(
                    "Acknowledged in \(took), within the \(ResponseTarget.description(incident.severity)) target.")
            } else {
                wrong.append(
                    "Acknowledged in \(took), beyond the \(ResponseTarget.description(incident.severity)) target.")
            }
        } else if incident.severity != .p4 {
            wrong.append("Never acknowledged.")
        }
        if incident.observation != nil { well.append("Vigil observed and oriented at detection, with no one asked.") }
        // Older records filed escalation steps as notifications with a `step`.
        let steps = incident.timeline.filter {
            $0.kind == .escalation || ($0.kind == .notificationSent && $0.details["step"] != nil)
        }
        let beyondFirst = steps.filter { ($0.details["step"] ?? "1") != "1" }
        if !beyondFirst.isEmpty {
            wrong.append(
                "The escalation needed \(beyondFirst.count) step(s) beyond the first before anyone acknowledged.")
        } else if !steps.isEmpty {
            well.append("The first escalation step was enough.")
        }
        let failed = incident.observation?.failedDeliveries.count ?? 0
        if failed > 0 {
            wrong.append("\(failed) notification deliveries had failed in the 30 minutes before detection.")
        }
        let failures = incident.timeline.filter { $0.kind == .notificationFailed }
        if !failures.isEmpty {
            let receivers = Set(failures.compactMap { $0.details["receiver"] }).sorted().joined(separator: ", ")
            let dead = failures.filter { $0.details["dead"] == "true" }.count
            wrong.append(
                "\(failures.count) notification attempt(s) failed during the incident (\(receivers))"
                    + (dead > 0 ? "; \(dead) given up as dead letters." : "; each was retried from the outbox."))
        }
        let failedVerifications = zip(incident.phases, incident.phases.dropFirst()).filter {
            $0.0.phase == .verifying && $0.1.phase == .deciding
        }
        if !failedVerifications.isEmpty {
            wrong.append("\(failedVerifications.count) action(s) did not recover the program on verification.")
        }
        if incident.falseAlarm != nil { wrong.append("The alert was a false alarm: its rule may need tuning.") }
        return (well, wrong)
    }

    static func actionItems(_ incident: Incident) -> [String] {
        var lines = ["## Action items", "", "| Action | Owner | Due |", "|---|---|---|"]
        switch incident.orientation?.leading {
        case .massAbsence?: lines.append("| Review backup coverage for absences in the affected rotations | | |")
        case .overCapacity?: lines.append("| Review faculty capacity against the load (hire, redistribute, shed) | | |")
        case .coverageGap?: lines.append("| Fill or restructure the slots that went uncovered | | |")
        case .acgmeViolation?: lines.append("| Correct the schedule pattern behind the ACGME violations | | |")
        case .contingencyFailure?:
            lines.append("| Cross-train to remove single points of failure (`vigil resilience advise`) | | |")
        case .recentChange?: lines.append("| Add a review step before schedule pushes | | |")
        case .infrastructure?: lines.append("| Fix the failing gateway or scrape target, and alert on it earlier | | |")
        case nil: break
        }
        if incident.falseAlarm != nil { lines.append("| Tune the rule that raised the false alarm | | |") }
        lines.append("| _add more_ | | |")
        return lines
    }

    static func checklist(_ incident: Incident, time: Formatter) -> [String] {
        let due = incident.resolvedAt.map { "by \(time.full($0 + 48 * 3_600_000))" } ?? "within 48 h of resolution"
        return [
            "## Follow-up checklist", "",
            "- [ ] Review this post-mortem with the team \(due)",
            "- [ ] Give every action item an owner and a due date",
            "- [ ] Update the runbooks of the alerts involved",
            "- [ ] Undo temporary measures (load shedding, fallbacks) once the program is back to normal",
            "- [ ] Move the incident to reviewed: `vigil incident advance \(incident.id) reviewed --by NAME`",
        ]
    }

    // MARK: Formatting

    struct Formatter {
        let zone: TimeZone

        init(timeZone: TimeZone) {
            zone = timeZone
        }

        func full(_ milliseconds: Int64) -> String {
            format(milliseconds, "yyyy-MM-dd HH:mm zzz")
        }

        func day(_ milliseconds: Int64) -> String {
            format(milliseconds, "yyyy-MM-dd") + " (\(zone.identifier))"
        }

        private func format(_ milliseconds: Int64, _ pattern: String) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone
            formatter.dateFormat = pattern
            return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        }
    }

    /// `1h 23m`, `7m`, `45s`.
    static func duration(_ milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds / 1000)
        let (days, hours, minutes) = (seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(minutes)m" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(seconds)s"
    }

    static func percent(_ value: Double) -> String {
        "\(Int((value * 100).rounded()))%"
    }

    static func list(_ items: [String]?) -> String {
        guard let items, !items.isEmpty else { return "none recorded" }
        return items.count > 20
            ? items.prefix(20).joined(separator: ", ") + " and \(items.count - 20) more"
            : items.joined(separator: ", ")
    }

    /// Text safe in a table cell: pipes escaped, one line.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
