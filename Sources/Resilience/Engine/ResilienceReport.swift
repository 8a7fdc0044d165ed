import Schedule

/// Everything the engine concludes about one window of a program: the value behind
/// `vigil resilience report`, the daemon's `resilience_*` metrics and the schedule summary.
public struct ResilienceReport: Sendable {
    public var program: String
    public var window: ScheduleWindow
    public var state: EngineState
    public var utilization: Utilization
    public var coverage: Coverage
    public var faculty: FacultyAvailability
    public var contingency: ContingencyReport
    public var acgme: ACGMEReport
    public var defense: DefenseAssessment
    public var shedding: LoadSheddingAssessment
    /// Every static-stability fallback, precomputed for this window.
    public var fallbacks: [FallbackPlan]
    public var timings: ReportTimings

    /// A violation's identity across successive reports, so the daemon can count each new one
    /// once in `schedule_violations_total{violation_type}`.
    public struct ViolationIdentity: Sendable, Hashable {
        public var type: String
        public var key: String
    }

    /// Every ACGME violation in the report, by identity (rule, person, first date, session).
    public var violationIdentities: [ViolationIdentity] {
        acgme.violations.map { ViolationIdentity(type: $0.rule.rawValue, key: $0.key.description) }
    }
}
