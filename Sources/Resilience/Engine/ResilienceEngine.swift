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

    /// `churn`: schedule slots changed in the last 7 days, from the daemon's stored history (nil
    /// when unknown); it only feeds the phase-transition risk.
    public func evaluate(
        program: Program, window: ScheduleWindow, state: EngineState = EngineState(), churn: Int? = nil
    ) -> ResilienceReport {
        let timer = PhaseTimer()
        var timings = ReportTimings()
        let start = ContinuousClock().now
        let fallbackSuspended = state.activeFallback?.suspendedCategories ?? []
        let suspended = state.sheddingLevel.suspendedCategories.union(fallbackSuspended)
        let index = timer.measure(&timings.index) {
            WindowIndex(program: program, window: window, suspended: suspended)
        }
        let utilization = Utilization(index: index, thresholds: settings.utilization)
        let coverage = Coverage(index: index)
        let faculty = FacultyAvailability(index: index)
        let analysis = timer.measure(&timings.contingency) { ContingencyAnalysis(index: index) }
        let contingency = timer.measure(&timings.contingency, accumulate: true) {
            analysis.report(includeN2: settings.computeN2)
        }
        let hubs = timer.measure(&timings.hubs) {
            analysis.hubs(contingency: contingency, settings: settings.hubs)
        }
        let advice = timer.measure(&timings.advice) {
            analysis.advice(contingency: contingency, limit: settings.advice.trainings)
        }
        let cascade = timer.measure(&timings.cascade) {
            analysis.cascade(
                from: hubs.ranked.first { $0.coveredSlots > 0 }.flatMap { index.facultyIndex[$0.person] },
                settings: settings.cascade)
        }
        let recovery = timer.measure(&timings.cascade, accumulate: true) { analysis.recoveryDistance() }
        let forecast = timer.measure(&timings.forecast) {
            Forecast(
                program: program, horizon: ScheduleWindow(from: window.from, days: settings.forecast.horizonDays),
                thresholds: settings.utilization, suspended: suspended)
        }
        let acgme = timer.measure(&timings.acgme) {
            ACGMEChecker(limits: settings.acgme).check(program: program, window: window)
        }
        let shedding = timer.measure(&timings.shedding) {
            LoadSheddingAssessment(
                current: state.sheddingLevel, program: program, window: window, extraSuspended: fallbackSuspended,
                thresholds: settings.utilization)
        }
        let defense = DefenseAssessment(
            values: [
                .utilization: utilization.rate,
                .n1SinglePointsOfFailure: Double(contingency.n1.singlePointsOfFailure.count),
                .n2FatalPairs: Double(contingency.n2?.fatalPairs.count ?? 0),
                .coverageGapSlots: Double(coverage.gapSlots),
                .acgmeCriticalViolations: Double(acgme.criticalCount),
            ], settings: settings.defense)
        let fallbacks = timer.measure(&timings.fallbacks) {
            let base = state == EngineState() ? index : WindowIndex(program: program, window: window)
            var unfillable: [String: Int] = [:]
            for point in contingency.n1.singlePointsOfFailure { unfillable[point.person] = point.unfillableSlots }
            return FallbackPlanner(program: program, window: window, baseIndex: base, singlePoints: unfillable)
                .planAll()
        }
        let phaseTransition = PhaseTransitionRisk(utilization: utilization.rate, churn: churn)
        let health = HealthScore(level: defense.level, cascade: cascade, recovery: recovery)
        timings.total = PhaseTimer.seconds(ContinuousClock().now - start)
        return ResilienceReport(
            program: program.name, window: window, state: state, utilization: utilization, coverage: coverage,
            faculty: faculty, contingency: contingency, hubs: hubs, forecast: forecast, advice: advice,
            cascade: cascade, recovery: recovery, health: health, phaseTransition: phaseTransition, acgme: acgme,
            defense: defense,
            shedding: shedding,
            fallbacks: fallbacks, timings: timings)
    }
}
