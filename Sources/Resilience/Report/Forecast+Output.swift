import Schedule

/// The forecast as JSON (the report's `forecast` section and `vigil resilience forecast`) and as
/// lines of text.
extension Forecast {
    /// The forecast alone as a JSON document.
    public func json(pretty: Bool = true) -> String {
        var out = JSONText(pretty: pretty)
        out.object { write(&$0) }
        return out.text + (pretty ? "\n" : "")
    }

    /// Writes the forecast's keys into the object being built.
    func write(_ json: inout JSONText) {
        json.string("from", horizon.from.description)
        json.int("horizon_days", horizon.days)
        if let dataFrom { json.string("data_from", dataFrom.description) } else { json.null("data_from") }
        if let dataThrough { json.string("data_through", dataThrough.description) } else { json.null("data_through") }
        json.int("known_days", knownDays)
        json.object("days_per_level") { object in
            let counts = daysPerLevel
            for level in UtilizationLevel.allCases { object.int(level.metricName, counts[level] ?? 0) }
        }
        json.int("red_or_worse_days", redOrWorseDays)
        if let first = firstRedDay {
            json.string("first_red_day", first.day.description)
        } else {
            json.null("first_red_day")
        }
        json.string("summary", summary)
        json.array("days") { list in
            for day in days {
                list.object {
                    $0.string("date", day.day.description)
                    $0.number("utilization", day.utilization.rate)
                    $0.string("level", day.level.description)
                    $0.int("required_sessions", day.utilization.required)
                    $0.int("capacity_sessions", day.utilization.capacity)
                    $0.int("gap_slots", day.gapSlots)
                    $0.array("on_leave") { people in for id in day.onLeave { people.string(nil, id) } }
                }
            }
        }
    }

    /// "90 days from 2026-09-14: 51 GREEN, 14 YELLOW, …": the days per band.
    var headline: String {
        let counts = daysPerLevel
        let perLevel = UtilizationLevel.allCases.map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
        return "\(horizon.days) days from \(horizon.from): \(perLevel)"
    }

    /// The verdict, then every forecast day on a line: `vigil resilience forecast`'s text output.
    public func text() -> String {
        var lines = ["Forecast: \(headline)", summary, ""]
        lines.append("date        level   util  required/capacity  gaps  on leave")
        for day in days {
            let percent = "\(Int((day.utilization.rate * 100).rounded()))%"
            let load = "\(day.utilization.required)/\(day.utilization.capacity)"
            lines.append(
                "\(day.day)  \(day.level.description.padding(6))  \(percent.padding(4))  \(load.padding(17))  "
                    + "\(String(day.gapSlots).padding(4))  \(day.onLeave.joined(separator: ", "))")
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    /// The verdict and the days at RED or worse (at most `limit` of them), for people.
    public func lines(limit: Int = 10) -> [String] {
        var lines = ["Forecast      \(headline)", "  \(summary)"]
        let notable = days.filter { $0.level >= .red }
        for day in notable.prefix(limit) {
            let leave = day.onLeave.isEmpty ? "" : "; on leave: " + day.onLeave.joined(separator: ", ")
            lines.append(
                "  \(day.day) \(day.level.description.padding(6)) "
                    + "\(Int((day.utilization.rate * 100).rounded()))% "
                    + "(\(day.utilization.required)/\(day.utilization.capacity)), "
                    + "\(day.gapSlots) gap slot\(day.gapSlots == 1 ? "" : "s")\(leave)")
        }
        if notable.count > limit { lines.append("  … and \(notable.count - limit) more days at RED or worse") }
        return lines
    }
}

extension UtilizationLevel {
    /// The band's lower-case name, the `level` label of `resilience_forecast_days`.
    public var metricName: String { description.lowercased() }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
