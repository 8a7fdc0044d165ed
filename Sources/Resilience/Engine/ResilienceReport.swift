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
    /// Who the program hinges on, ranked, from the contingency figures above.
    public var hubs: HubReport
    /// The coming days one by one, over the forecast horizon from the window's first day.
    public var forecast: Forecast
    /// The cross-trainings that remove the most single points of failure and fatal pairs.
    public var advice: TrainingAdvice
    /// What losing the top hub sets off.
    public var cascade: Cascade
    /// The assignment changes that restore coverage after the worst single loss.
    public var recovery: RecoveryDistance
    /// One 0–100 figure from the defense level, the cascade and the recovery.
    public var health: HealthScore
    /// How close the program is to failing all at once: utilization and schedule churn indicators.
    public var phaseTransition: PhaseTransitionRisk
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

        public init(type: String, key: String) {
            self.type = type
            self.key = key
        }
    }

    /// Every ACGME violation in the report, by identity. Rolling-window rules (80 hours, one day
    /// in seven) are one ongoing violation per resident: their worst window moves as the window
    /// slides, and a coordinator would not call that a new violation. The others are identified by
    /// rule, person, first date (and session).
    public var violationIdentities: [ViolationIdentity] {
        acgme.violations.map { violation in
            switch violation.rule {
            case .dutyHours80, .oneDayInSeven:
                return ViolationIdentity(
                    type: violation.rule.rawValue,
                    key: "\(violation.rule.rawValue)|\(violation.person)|\(violation.severity.rawValue)")
            default:
                return ViolationIdentity(type: violation.rule.rawValue, key: violation.key.description)
            }
        }
    }
}
