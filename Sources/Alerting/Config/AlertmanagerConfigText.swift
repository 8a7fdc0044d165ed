import Foundation
import TimeSeries
import VigilCore

/// The routing configuration written back as an Alertmanager configuration file, for
/// `GET /api/v2/status`'s `config.original`: `amtool config routes` loads it as Alertmanager would,
/// so it must be a complete, valid file (every receiver named, durations in Alertmanager's form).
public enum AlertmanagerConfigText {
    public static func render(_ escalation: EscalationConfig, receivers: [String], resolveTimeout: Int64) -> String {
        var lines = ["global:", "  resolve_timeout: \(duration(resolveTimeout))", "route:"]
        route(escalation.route, parent: nil, indent: "  ", into: &lines)
        if !escalation.inhibitRules.isEmpty {
            lines.append("inhibit_rules:")
            for rule in escalation.inhibitRules {
                lines.append("- source_matchers:")
                lines += rule.sourceMatchers.map { "  - \(quoted(Route.text(of: $0)))" }
                lines.append("  target_matchers:")
                lines += rule.targetMatchers.map { "  - \(quoted(Route.text(of: $0)))" }
                if !rule.equal.isEmpty {
                    lines.append("  equal:")
                    lines += rule.equal.map { "  - \(quoted($0))" }
                }
            }
        }
        if !escalation.timeIntervals.isEmpty {
            lines.append("time_intervals:")
            for named in escalation.timeIntervals.values.sorted(by: { $0.name < $1.name }) {
                lines.append("- name: \(quoted(named.name))")
                lines.append("  time_intervals:")
                for interval in named.intervals {
                    lines += timeInterval(interval)
                }
            }
        }
        var names = receivers
        for route in escalation.route.allRoutes where !names.contains(route.options.receiver) {
            names.append(route.options.receiver)
        }
        lines.append("receivers:")
        lines += names.map { "- name: \(quoted($0))" }
        lines.append("templates: []")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func route(_ route: Route, parent: RouteOptions?, indent: String, into lines: inout [String]) {
        let options = route.options
        lines.append("\(indent)receiver: \(quoted(options.receiver))")
        if options.groupByAll {
            lines.append("\(indent)group_by:")
            lines.append("\(indent)- '...'")
        } else if !options.groupBy.isEmpty {
            lines.append("\(indent)group_by:")
            lines += options.groupBy.map { "\(indent)- \(quoted($0))" }
        }
        if !route.matchers.isEmpty {
            lines.append("\(indent)matchers:")
            lines += route.matchers.map { "\(indent)- \(quoted(Route.text(of: $0)))" }
        }
        lines.append("\(indent)continue: \(route.continues)")
        for (key, value) in [
            ("group_wait", options.groupWait), ("group_interval", options.groupInterval),
            ("repeat_interval", options.repeatInterval),
        ] {
            lines.append("\(indent)\(key): \(duration(value))")
        }
        for (key, names) in [
            ("mute_time_intervals", options.muteTimeIntervals), ("active_time_intervals", options.activeTimeIntervals),
        ] where !names.isEmpty {
            lines.append("\(indent)\(key):")
            lines += names.map { "\(indent)- \(quoted($0))" }
        }
        guard !route.routes.isEmpty else { return }
        lines.append("\(indent)routes:")
        for child in route.routes {
            var childLines: [String] = []
            self.route(child, parent: options, indent: indent + "  ", into: &childLines)
            if let first = childLines.first {
                lines.append(indent + "- " + first.dropFirst(indent.count + 2))
                lines += childLines.dropFirst()
            }
        }
    }

    private static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// One interval as Alertmanager's YAML (weekdays by name, times as HH:MM).
    private static func timeInterval(_ interval: TimeIntervalSpec) -> [String] {
        var lines: [String] = []
        func range(_ range: InclusiveRange, _ text: (Int) -> String) -> String {
            range.begin == range.end ? quoted(text(range.begin)) : quoted("\(text(range.begin)):\(text(range.end))")
        }
        func clock(_ minute: Int) -> String {
            UTCDateTime.padded(Int64(minute / 60), 2) + ":" + UTCDateTime.padded(Int64(minute % 60), 2)
        }
        if !interval.times.isEmpty {
            lines.append("times:")
            for time in interval.times {
                lines.append("- start_time: \(quoted(clock(time.startMinute)))")
                lines.append("  end_time: \(quoted(clock(time.endMinute)))")
            }
        }
        for (key, ranges, text) in [
            ("weekdays", interval.weekdays, { (day: Int) in weekdays[((day % 7) + 7) % 7] }),
            ("days_of_month", interval.daysOfMonth, { String($0) }), ("months", interval.months, { String($0) }),
            ("years", interval.years, { String($0) }),
        ] as [(String, [InclusiveRange], (Int) -> String)] where !ranges.isEmpty {
            lines.append("\(key):")
            lines += ranges.map { "- " + range($0, text) }
        }
        if let location = interval.location { lines.append("location: \(quoted(location))") }
        guard let first = lines.first else { return ["  - {}"] }
        return ["  - " + first] + lines.dropFirst().map { "    " + $0 }
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Milliseconds as a Prometheus duration (`30s`, `5m`, `4h`).
    static func duration(_ milliseconds: Int64) -> String {
        PromDuration(milliseconds: milliseconds).description
    }
}
