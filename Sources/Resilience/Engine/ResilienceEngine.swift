import Schedule

/// The one entry point of the resilience engine: (program, window, state) → report.
///
/// Pure: no I/O, no clock reads beyond timing its own phases; the daemon decides when to call it
/// (when the schedule, the window's first day or the state changes) and caches the result.
public struct ResilienceEngine: Sendable {
    public var settings: ResilienceSettings

    public init(settings: ResilienceSettings = .standard) {
        self.settings = settings
    }

    public func evaluate(program: Program, window: ScheduleWindow, state: EngineState = EngineState())
        -> ResilienceReport
    {
        let timer = PhaseTimer()
        var timings = ReportTimings()
        let start = ContinuousClock().now
        let fallbackSuspended = state.activeFallback?.suspendedCategories ?? []
        let index = timer.measure(&timings.index) {
            WindowIndex(
                program: program, window: window,
                suspended: state.sheddingLevel.suspendedCategories.union(fallbackSuspended))
        }
        let utilization = Utilization(index: index, thresholds: settings.utilization)
        let coverage = Coverage(index: index)
        let faculty = FacultyAvailability(index: index)
        let contingency = ContingencySummary(singlePointsOfFailure: [], fatalPairs: settings.computeN2 ? [] : nil)
        let shedding = timer.measure(&timings.shedding) {
            LoadSheddingAssessment(
                current: state.sheddingLevel, program: program, window: window, extraSuspended: fallbackSuspended,
                thresholds: settings.utilization)
        }
        let defense = DefenseAssessment(
            values: [
                .utilization: utilization.rate,
                .n1SinglePointsOfFailure: Double(contingency.singlePointsOfFailure.count),
                .n2FatalPairs: Double(contingency.fatalPairs?.count ?? 0),
                .coverageGapSlots: Double(coverage.gapSlots),
                .acgmeCriticalViolations: 0,
            ], settings: settings.defense)
        timings.total = PhaseTimer.seconds(ContinuousClock().now - start)
        return ResilienceReport(
            program: program.name, window: window, state: state, utilization: utilization, coverage: coverage,
            faculty: faculty, contingency: contingency, defense: defense, shedding: shedding, timings: timings)
    }
}
