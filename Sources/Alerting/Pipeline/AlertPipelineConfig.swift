import Foundation

/// What the pipeline runs on: the escalation files' tree and rules, the receivers' integrations and
/// the timings; rebuilt on every reload.
public struct AlertPipelineConfig: Sendable {
    public var escalation: EscalationConfig
    public var planner: NotificationPlanner
    /// Alertmanager's `resolve_timeout` (ms): the end given to posted alerts that name none.
    public var resolveTimeout: Int64

    public init(escalation: EscalationConfig, planner: NotificationPlanner, resolveTimeout: Int64 = 300_000) {
        self.escalation = escalation
        self.planner = planner
        self.resolveTimeout = resolveTimeout
    }

    /// The escalation decisions under this configuration, `oncall:` targets resolved through its
    /// rotations in the planner's time zone.
    public var escalator: Escalator {
        let rotations = escalation.rotations
        let zone = planner.timeZone
        return Escalator(policies: escalation.policies, planner: planner) { name, at in
            rotations[name]?.shift(at: at, defaultZone: zone).map { [$0.member] } ?? []
        }
    }
}
