import Resilience
import Schedule
import Testing

@Suite struct EngineReportTests {
    /// f1 is the only faculty for the ward (a single point of failure) and is absent on day 2;
    /// r1 (PGY-1) is supervised in clinic by nobody on day 3.
    private func builder() -> ProgramBuilder {
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"])
        builder.faculty("f2", capabilities: ["clinic"])
        builder.resident("r1", pgy: 1)
        builder.rotation("ward")
        builder.rotation("clinic", category: .continuityOfCare, minFaculty: 0, supervision: true)
        for day in 0..<4 { builder.assign("f1", day: day, .am, "ward") }
        builder.absent("f1", from: 2, to: 2)
        builder.assign("r1", day: 3, .pm, "clinic")
        return builder
    }

    @Test func reportCombinesEveryMeasure() {
        let builder = builder()
        let report = ResilienceEngine().evaluate(program: builder.program, window: builder.window(days: 7))
        #expect(report.coverage.gapSlots == 2)  // ward day 2 (f1 absent), clinic day 3 (nobody)
        #expect(report.contingency.n1.singlePointsOfFailure.map(\.person) == ["f1"])
        #expect(report.acgme.violations.contains { $0.rule == .supervisionRatio })
        #expect(report.fallbacks.count == FallbackScenario.allCases.count)
        // Gap slots 2 → score 1, N-1 1 → score 1, ACGME critical 1 → score 1: 0.20 + 0.15 + 0.15 = 0.5
        // weighted (GREEN), no dimension above 1: GREEN, with three drivers named.
        #expect(report.defense.level == .green)
        #expect(
            Set(report.defense.drivers.map(\.dimension)) == [
                .coverageGapSlots, .n1SinglePointsOfFailure, .acgmeCriticalViolations,
            ])
        #expect(report.violationIdentities.contains { $0.type == "supervision_ratio" })
    }

    @Test func jsonCarriesTheContractKeys() throws {
        let builder = builder()
        let report = ResilienceEngine().evaluate(program: builder.program, window: builder.window(days: 7))
        let json = try JSONParser.parse(Array(report.json().utf8))
        for key in [
            "window", "utilization", "coverage_rate", "coverage_gap_slots", "faculty", "defense_level", "n1", "n2",
            "acgme", "load_shedding", "fallbacks", "timings", "hubs", "hubs_summary", "forecast",
        ] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["window"]?["from"]?.string == "2026-09-14")
        #expect(json["window"]?["days"]?.integer == 7)
        for key in ["rate", "level", "buffer_remaining"] { #expect(json["utilization"]?[key] != nil) }
        for key in ["total", "on_duty", "on_leave"] { #expect(json["faculty"]?[key]?.integer != nil) }
        #expect(json["defense_level"]?["level"]?.integer == 1)
        #expect(json["defense_level"]?["name"]?.string == "GREEN")
        #expect(json["defense_level"]?["drivers"]?.elements?.count == 3)
        #expect(json["n1"]?["compliant"]?.bool == false)
        let point = json["n1"]?["single_points_of_failure"]?.elements?.first
        #expect(point?["person"]?.string == "f1")
        #expect(point?["unfillable_slots"]?.integer == 3)
        #expect(json["n2"]?["compliant"]?.bool == false)
        #expect(json["n2"]?["fatal_pairs"]?.elements != nil)
        #expect(json["acgme"]?["violations"]?.elements?.isEmpty == false)
        for key in ["level", "suspended_activities", "recommended_level"] {
            #expect(json["load_shedding"]?[key] != nil)
        }
        #expect(json["fallbacks"]?.elements?.count == 7)
        #expect(json["timings"]?["total_seconds"]?.number != nil)
    }

    @Test func sheddingAndFallbackStateAreReflected() {
        var builder = builder()
        builder.rotation("elective", category: .educationOptional)
        builder.assign("f2", day: 0, .am, "elective")
        let report = ResilienceEngine().evaluate(
            program: builder.program, window: builder.window(days: 7),
            state: EngineState(sheddingLevel: .yellow, activeFallback: .holidaySkeleton))
        let samples = Dictionary(
            report.samples().filter { $0.labels.isEmpty }.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(samples["resilience_load_shedding_level"] == 1)
        #expect(samples["resilience_active_fallbacks"] == 1)
        // holiday_skeleton suspends up to education_core, clinic (continuity) is kept; the elective is suspended.
        #expect(samples["resilience_suspended_activities"] == 1)
    }

    @Test func samplesUseTheSeedNames() {
        let builder = builder()
        let names = Set(
            ResilienceEngine().evaluate(program: builder.program, window: builder.window(days: 7)).samples().map(\.name)
        )
        for name in [
            "resilience_utilization_rate", "resilience_utilization_level", "resilience_defense_level",
            "resilience_load_shedding_level", "resilience_n1_compliant", "resilience_n2_compliant",
            "resilience_coverage_rate", "resilience_faculty_available", "resilience_buffer_remaining",
            "resilience_active_fallbacks", "resilience_suspended_activities", "resilience_single_points_of_failure",
            "resilience_n2_fatal_pairs", "resilience_coverage_gap_slots", "resident_weekly_hours_gauge",
            "resident_4week_avg_hours_gauge", "resident_continuous_hours_gauge", "resident_days_since_day_off_gauge",
            "resident_4week_days_off_gauge", "scheduled_blocks_without_faculty_gauge", "acgme_compliance_score_gauge",
            "resilience_hub_score", "resilience_hubs_critical", "resilience_forecast_days",
            "resilience_forecast_known_days",
        ] {
            #expect(names.contains(name), "missing \(name)")
        }
    }
}
