import Rules
import TimeSeries

/// Everything the escalation files say: Alertmanager's `route` tree, `inhibit_rules` and
/// `time_intervals`, and Vigil's `escalation_policies`, validated against the receivers `etc/vigil.yml` defines.
///
/// One value so a reload can build a new one and swap it in whole, or keep the running one when any
/// file is broken.
public struct EscalationConfig: Sendable, Equatable {
    /// The root of the routing tree.
    public var route: Route
    public var inhibitRules: [InhibitRule]
    /// `time_intervals` and the legacy `mute_time_intervals`, by name.
    public var timeIntervals: [String: NamedTimeInterval]
    /// `escalation_policies`, in order: the first that matches a group applies to it.
    public var policies: [EscalationPolicy]
    /// `oncall:` rotations, by name.
    public var rotations: [String: Rotation]
    /// The named templates notification templates may run: the defaults and the `templates:` files.
    public var templates: TemplateLibrary = .defaults
    /// `incident_policies`, in order: the first that matches a firing alert opens or joins an
    /// incident (``IncidentPolicy/defaults`` when no file has the key).
    public var incidentPolicies: [IncidentPolicy] = IncidentPolicy.defaults
    /// `incident_verification_hold`: how long recovery must hold before an incident resolves (ms).
    public var incidentVerificationHold: Int64 = 15 * 60_000
    /// The files read, in order.
    public var files: [String]

    public init(
        route: Route, inhibitRules: [InhibitRule] = [], timeIntervals: [String: NamedTimeInterval] = [:],
        policies: [EscalationPolicy] = [], rotations: [String: Rotation] = [:], files: [String] = []
    ) {
        self.route = route
        self.inhibitRules = inhibitRules
        self.timeIntervals = timeIntervals
        self.policies = policies
        self.rotations = rotations
        self.files = files
    }

    /// With no escalation file naming a route: everything goes to `receiver`, grouped by alert name.
    public static func fallback(receiver: String) -> EscalationConfig {
        EscalationConfig(route: Route(options: RouteOptions(receiver: receiver, groupBy: ["alertname"])))
    }

    /// The first incident policy whose matchers match `labels` (a firing alert's).
    public func incidentPolicy(for labels: Labels) -> IncidentPolicy? {
        incidentPolicies.first { $0.matches(labels) }
    }

    /// The first policy whose matchers match `labels` (a group's common labels).
    public func policy(for labels: Labels) -> EscalationPolicy? {
        policies.first { $0.matches(labels) }
    }
}
