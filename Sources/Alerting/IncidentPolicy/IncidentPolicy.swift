import TimeSeries

/// How urgent an incident is: the program's four levels, each with the time within which someone
/// must respond (the method's targets, shown against the actual times on every incident).
public enum IncidentSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    case p1 = "P1"
    case p2 = "P2"
    case p3 = "P3"
    case p4 = "P4"

    public static func < (lhs: IncidentSeverity, rhs: IncidentSeverity) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// One `incident_policies` entry in `rules/escalation.yml`: which alerts open (or join) an incident,
/// at what severity, and which label says that two alerts are the same incident.
///
/// Alertmanager has no incidents; this is what PagerDuty's "incident rules" do. The first policy
/// whose matchers match a firing alert's labels applies to it; an alert no policy matches opens no
/// incident. Without an `incident_policies` key, ``defaults`` apply: a critical alert opens a P1.
public struct IncidentPolicy: Sendable, Equatable {
    /// Alertmanager matchers, all of which an alert's labels must satisfy.
    public var matchers: [LabelMatcher]
    public var severity: IncidentSeverity
    /// The label whose value is the incident key (`component` unless set); an alert without it is
    /// keyed by its alert name.
    public var key: String

    public init(matchers: [LabelMatcher], severity: IncidentSeverity, key: String = "component") {
        self.matchers = matchers
        self.severity = severity
        self.key = key
    }

    /// Whether every matcher matches `labels`.
    public func matches(_ labels: Labels) -> Bool {
        matchers.allSatisfy { $0.matches(labels) }
    }

    /// The incident key of an alert with `labels`: `<key>=<value>`, or `alertname=<name>` when the
    /// alert has no such label. Alerts with the same key share one open incident.
    public func incidentKey(_ labels: Labels) -> String {
        if let value = labels[key], !value.isEmpty { return "\(key)=\(value)" }
        return "alertname=\(labels["alertname"] ?? "")"
    }

    /// What applies when no escalation file says `incident_policies`: `severity="critical"` → P1.
    public static var defaults: [IncidentPolicy] {
        // An equality matcher has no regex to fail on.
        guard let critical = try? LabelMatcher("severity", .equal, "critical") else { return [] }
        return [IncidentPolicy(matchers: [critical], severity: .p1)]
    }
}
