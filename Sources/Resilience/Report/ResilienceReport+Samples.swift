/// The report as metric samples, under the seed system's names exactly (dashboards and rule files
/// depend on them). Counters and histograms that need history (violations seen, durations) are
/// kept by the daemon; these are the gauges of one evaluation.
extension ResilienceReport {
    public func samples() -> [ResilienceSample] {
        var out: [ResilienceSample] = []
        func gauge(_ name: String, _ value: Double, _ labels: [(String, String)] = [], _ help: String) {
            out.append(ResilienceSample(name: name, labels: labels, value: value, help: help))
        }
        gauge(
            "resilience_utilization_rate", utilization.rate, [("component", "overall")],
            "Faculty utilization: required faculty sessions / available faculty sessions in the window.")
        gauge(
            "resilience_utilization_level", Double(utilization.level.rawValue), [],
            "Utilization band: 0 GREEN, 1 YELLOW (>=70%), 2 ORANGE (>=80%), 3 RED (>=90%), 4 BLACK (>=95%).")
        gauge(
            "resilience_buffer_remaining", utilization.bufferRemaining, [],
            "Share of faculty capacity still free below the 80% utilization target.")
        gauge(
            "resilience_defense_level", Double(defense.level.rawValue), [],
            "Defense in depth: 1 GREEN, 2 YELLOW, 3 ORANGE, 4 RED, 5 BLACK.")
        gauge(
            "resilience_load_shedding_level", Double(shedding.level.rawValue), [],
            "Load-shedding level in force: 0 NORMAL .. 5 CRITICAL (sacrifice hierarchy).")
        gauge(
            "resilience_suspended_activities", Double(shedding.suspendedActivities), [],
            "Scheduled activities (slots) in the window suspended by load shedding or a fallback.")
        gauge(
            "resilience_active_fallbacks", state.activeFallback == nil ? 0 : 1, [],
            "Static-stability fallbacks currently activated.")
        gauge(
            "resilience_n1_compliant", contingency.n1.compliant ? 1 : 0, [],
            "1 when losing any single faculty member leaves every slot fillable.")
        gauge(
            "resilience_n2_compliant", (contingency.n2?.compliant ?? contingency.n1.compliant) ? 1 : 0, [],
            "1 when N-1 holds and losing any pair of faculty leaves every slot fillable.")
        gauge(
            "resilience_single_points_of_failure", Double(contingency.n1.singlePointsOfFailure.count), [],
            "Faculty whose loss alone leaves slots unfillable.")
        gauge(
            "resilience_n2_fatal_pairs", Double(contingency.n2?.fatalPairs.count ?? 0), [],
            "Pairs of faculty (neither a single point of failure) whose joint loss leaves slots unfillable.")
        for hub in hubs.top() {
            gauge(
                "resilience_hub_score", hub.score, [("person", hub.person)],
                "Hub score (0-1) of the 10 faculty the program hinges on most: N-1 impact, fatal pairs, "
                    + "scarce qualifications, few substitutes and load, combined.")
        }
        gauge(
            "resilience_hubs_critical", Double(hubs.criticalCount), [],
            "Faculty whose hub score exceeds resilience.hubs.critical_threshold (default 0.5).")
        gauge(
            "resilience_phase_transition_risk", Double(phaseTransition.level.rawValue), [],
            "0 low, 1 medium, 2 high, 3 critical: how many of utilization above 0.85/0.90/0.95 and schedule "
                + "churn above 10/20 slots in 7 days hold (capped at 3).")
        if let churn = phaseTransition.churn {
            gauge(
                "resilience_schedule_churn_slots", Double(churn), [],
                "Schedule slots (date, session, rotation) whose assignments changed in the last 7 days.")
        }
        gauge(
            "cascade_failure_risk", cascade.risk, [],
            "0-100: coverage lost when the top hub goes and overloaded colleagues (past "
                + "resilience.cascade.overload_factor of their usual load) drop out in turn; 100 below half coverage.")
        gauge(
            "recovery_distance", Double(recovery.changes), [],
            "Assignment changes that restore coverage after the worst single faculty loss (from the repair planner).")
        gauge(
            "resilience_health_score", health.value, [],
            "0-100: 0.5 x defense level (GREEN 100 .. BLACK 0) + 0.3 x (100 - cascade_failure_risk) + 0.2 x the "
                + "share of the worst single loss a repair restores.")
        let forecastCounts = forecast.daysPerLevel
        for level in UtilizationLevel.allCases {
            gauge(
                "resilience_forecast_days", Double(forecastCounts[level] ?? 0), [("level", level.metricName)],
                "Days of the forecast horizon (default 90) at each utilization band, from the schedule and its "
                    + "known absences; only days the schedule's data reaches.")
        }
        gauge(
            "resilience_forecast_known_days", Double(forecast.knownDays), [],
            "Days of the forecast horizon the schedule's assignments reach (the rest is not forecast).")
        if let first = forecast.firstRedDaySeconds {
            gauge(
                "resilience_forecast_first_red_day_seconds", first, [],
                "Unix time (00:00 UTC of the date) of the first forecast day at RED or worse; absent when none.")
        }
        gauge(
            "resilience_coverage_rate", coverage.rate, [],
            "Share of required faculty positions covered by faculty present: sum(min(coverage, need)) / sum(need).")
        gauge(
            "resilience_coverage_gap_slots", Double(coverage.gapSlots), [],
            "Slots in the window with fewer faculty present than needed.")
        for (type, value) in [("total", faculty.total), ("on_duty", faculty.onDuty), ("on_leave", faculty.onLeave)] {
            gauge(
                "resilience_faculty_available", Double(value), [("type", type)],
                "Faculty on the window's first day: total, on_duty (present) and on_leave (absent).")
        }
        gauge(
            "acgme_compliance_score_gauge", acgme.complianceScore, [],
            "Percentage of residents with no ACGME breach in the window (0-100).")
        gauge(
            "scheduled_blocks_without_faculty_gauge", Double(acgme.scheduledBlocksWithoutFaculty), [],
            "Supervised slots in the window with residents and no faculty present.")
        for (severity, count) in acgme.countsBySeverity.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            gauge(
                "acgme_violations", Double(count), [("severity", severity.rawValue.lowercased())],
                "ACGME violations in the window by severity.")
        }
        for figures in acgme.residents {
            let labels = [("resident_id", figures.resident)]
            gauge(
                "resident_weekly_hours_gauge", figures.weeklyHours, labels,
                "Most duty hours the resident has in any 7 consecutive days starting in the window.")
            gauge(
                "resident_4week_avg_hours_gauge", figures.fourWeekAverageHours, labels,
                "Highest weekly average of duty hours over rolling 28-day windows ending in the window.")
            gauge(
                "resident_continuous_hours_gauge", figures.longestContinuousHours, labels,
                "Longest continuous duty period (hours) overlapping the window.")
            gauge(
                "resident_days_since_day_off_gauge", Double(figures.daysWithoutDayOff), labels,
                "Longest run of consecutive duty days overlapping the window.")
            gauge(
                "resident_4week_days_off_gauge", Double(figures.fewestDaysOffIn28Days), labels,
                "Fewest days off in any 28-day window ending in the window.")
        }
        return out
    }
}
