/// What the ACGME check found over one window: the violations to list and alert on, and the figures the
/// per-resident and program gauges publish.
public struct ACGMEReport: Sendable, Hashable {
    public var window: ScheduleWindow
    /// Ordered by rule (declaration order), then person, first date and session.
    public var violations: [ACGMEViolation]
    /// One entry per resident of the program, ordered by id.
    public var residents: [ResidentDutyFigures]
    /// Supervised slots in the window with residents and no faculty present
    /// (`scheduled_blocks_without_faculty_gauge`).
    public var scheduledBlocksWithoutFaculty: Int
    /// Percentage (0...100) of residents with no breach (critical or high) of any rule in the window;
    /// residents of an under-supervised slot count as breached, warnings do not. 100 with no residents.
    public var complianceScore: Double

    public init(
        window: ScheduleWindow, violations: [ACGMEViolation], residents: [ResidentDutyFigures],
        scheduledBlocksWithoutFaculty: Int, complianceScore: Double
    ) {
        self.window = window
        self.violations = violations
        self.residents = residents
        self.scheduledBlocksWithoutFaculty = scheduledBlocksWithoutFaculty
        self.complianceScore = complianceScore
    }

    /// Violations per rule; every rule is present (0 when none).
    public var countsByRule: [ACGMERule: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ACGMERule.allCases.map { ($0, 0) })
        for violation in violations { counts[violation.rule, default: 0] += 1 }
        return counts
    }

    /// Violations per severity; every severity is present (0 when none).
    public var countsBySeverity: [ACGMESeverity: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ACGMESeverity.allCases.map { ($0, 0) })
        for violation in violations { counts[violation.severity, default: 0] += 1 }
        return counts
    }

    /// Critical violations: the defense level's ACGME dimension.
    public var criticalCount: Int { violations.count { $0.severity == .critical } }
}
