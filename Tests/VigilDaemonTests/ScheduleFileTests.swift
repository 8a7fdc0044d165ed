import Foundation
import Server
import Storage
import TestSupport
import Testing
import Transport
import VigilCore

@testable import VigilDaemon

/// The daemon reads `schedule.path` at start and whenever the file changes, and exports what the
/// engine computes on `/metrics` (figures derived in ``TestPrograms``).
@Suite("The schedule file in the running daemon")
struct ScheduleFileTests {
    @Test func atStartTheEnginesFiguresForTheFileAreOnMetrics() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        let metrics = try await vigil.metrics()
        #expect(metrics["resilience_defense_level"] == 1)
        #expect(metrics[#"resilience_faculty_available{type="total"}"#] == 2)
        #expect(metrics[#"resilience_faculty_available{type="on_duty"}"#] == 1)
        #expect(metrics[#"resilience_faculty_available{type="on_leave"}"#] == 1)
        #expect(metrics[#"resilience_utilization_rate{component="overall"}"#] == 0.1)
        #expect(metrics["resilience_utilization_level"] == 0)
        #expect(metrics["resilience_buffer_remaining"] == 0.7)
        #expect(metrics["resilience_coverage_rate"] == 1)
        #expect(metrics["resilience_coverage_gap_slots"] == 0)
        #expect(metrics["resilience_single_points_of_failure"] == 1)
        #expect(metrics["resilience_n1_compliant"] == 0)
        #expect(metrics["resilience_n2_fatal_pairs"] == 0)
        #expect(metrics["resilience_load_shedding_level"] == 0)
        #expect(metrics["resilience_active_fallbacks"] == 0)
        #expect(metrics["resilience_hubs_critical"] == 1)  // f1, the single point of failure
        #expect(metrics[#"resilience_hub_score{person="f1"}"#] ?? 0 >= 0.5)
        #expect(metrics[#"resilience_hub_score{person="f2"}"#] != nil)
        #expect(metrics[#"resilience_forecast_days{level="red"}"#] == 0)
        #expect(metrics["resilience_forecast_known_days"] ?? 0 >= 1)
        #expect(metrics["resilience_forecast_first_red_day_seconds"] == nil)
        #expect(metrics["vigil_schedule_last_load_successful"] == 1)
        #expect(metrics["vigil_schedule_assignments"] == 4)
        #expect(metrics[#"vigil_schedule_people{role="faculty"}"#] == 2)
        #expect(metrics[#"vigil_schedule_people{role="resident"}"#] == 2)
        #expect(metrics["resilience_health_check_duration_seconds_count"] == 1)
        #expect(metrics["resilience_contingency_analysis_duration_seconds_count"] == 1)
        #expect(
            metrics["resilience_health_check_last_success_timestamp_seconds"]
                == vigil.clock.now().timeIntervalSince1970)
        #expect(metrics[#"resident_weekly_hours_gauge{resident_id="r2"}"#] != nil)

        let summary = try await vigil.data("/api/v1/schedule/summary")
        #expect(summary["program"] as? String == "Test Program")
        #expect(summary["source"] as? String == "file")
        #expect(summary["path"] as? String == vigil.schedulePath)
        #expect(summary["people"] as? Int == 4)
        #expect(summary["faculty"] as? Int == 2)
        #expect(summary["residents"] as? Int == 2)
        #expect(summary["rotations"] as? Int == 1)
        #expect(summary["assignments"] as? Int == 4)
        #expect(summary["absences"] as? Int == 1)
        #expect(summary["first_assignment"] as? String == "2026-07-06")
        #expect(summary["last_assignment"] as? String == "2026-07-07")
        #expect(summary["loaded_at"] as? String == "2026-07-01T00:00:00Z")
        let window = try #require(summary["window"] as? [String: Any])
        #expect(window["from"] as? String == "2026-07-06")
        #expect(window["days"] as? Int == 7)
        let headline = try #require(summary["headline"] as? [String: Any])
        #expect((headline["defense_level"] as? [String: Any])?["name"] as? String == "GREEN")
        #expect((headline["utilization"] as? [String: Any])?["rate"] as? Double == 0.1)
        #expect(headline["coverage_rate"] as? Double == 1)
        #expect(headline["n1_compliant"] as? Bool == false)
        #expect((headline["load_shedding_level"] as? [String: Any])?["level"] as? Int == 0)
        try await vigil.stop()
    }

    @Test func aChangedFileIsReadOnTheNextTickAndVanishedSeriesLeaveMetrics() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        try vigil.writeSchedule(TestPrograms.withUnsupervisedSlot)
        #expect(try await vigil.metrics()["resilience_coverage_gap_slots"] == 0, "nothing changes before the tick")
        await vigil.tick()
        var metrics = try await vigil.metrics()
        #expect(metrics["resilience_coverage_gap_slots"] == 1)
        #expect(metrics["resilience_coverage_rate"] == 2.0 / 3.0)
        #expect(metrics["vigil_schedule_assignments"] == 5)
        #expect(metrics["resilience_health_check_duration_seconds_count"] == 2)

        try vigil.writeSchedule(TestPrograms.withoutR2)
        await vigil.tick()
        metrics = try await vigil.metrics()
        #expect(metrics["vigil_schedule_assignments"] == 3)
        #expect(metrics[#"resident_weekly_hours_gauge{resident_id="r1"}"#] != nil)
        #expect(metrics[#"resident_weekly_hours_gauge{resident_id="r2"}"#] == nil, "a resident who left has no series")
        #expect(!(try await vigil.metricsText()).contains(#"resident_id="r2""#))
        try await vigil.stop()
    }

    @Test func aBrokenFileKeepsThePreviousScheduleAndSaysSoOnce() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        let before = try await vigil.metrics()
        try vigil.writeSchedule(TestPrograms.brokenReferences)
        await vigil.tick()
        await vigil.tick()
        await vigil.tick()

        let after = try await vigil.metrics()
        #expect(after["vigil_schedule_last_load_successful"] == 0)
        #expect(after[#"vigil_schedule_loads_total{source="file",result="failure"}"#] == 1, "parsed once, not per tick")
        for name in ["resilience_defense_level", "resilience_single_points_of_failure", "vigil_schedule_assignments"] {
            #expect(after[name] == before[name], "\(name) keeps the previous schedule's value")
        }
        #expect(after[#"resilience_faculty_available{type="on_leave"}"#] == 1)
        let errorLines = vigil.logs.all.filter { $0.contains("cannot load the changed schedule") }
        #expect(errorLines.count == 1)
        #expect(errorLines.first?.contains("\"r9\"") == true, "every problem is logged: the unknown person…")
        #expect(errorLines.first?.contains("\"surgery\"") == true, "…and the unknown rotation")

        let summary = try await vigil.data("/api/v1/schedule/summary")
        #expect(summary["program"] as? String == "Test Program")
        #expect(summary["last_load_successful"] as? Bool == false)
        #expect((summary["last_load_error"] as? String)?.contains("surgery") == true)
        try await vigil.stop()

        let database = try VigilDatabase(path: vigil.directory.file("data/vigil.db"))
        let failures = try AuditLog(database: database).recent(action: "schedule.load_failed")
        #expect(failures.count == 1)
        #expect(failures.first?.details["path"] == vigil.schedulePath)
        try database.close()
    }

    @Test func aMissingFileAtStartLeavesTheDaemonUpWithoutResilienceMetricsUntilItAppears() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: nil)
        #expect(try await vigil.get("/-/ready").status == 200)
        var text = try await vigil.metricsText()
        #expect(!text.contains("resilience_"))
        #expect(MetricsText.parse(text)["vigil_schedule_last_load_successful"] == 0)
        let summary = try await vigil.get("/api/v1/schedule/summary")
        #expect(summary.status == 503)
        #expect(try JSONBody.object(summary)["errorType"] as? String == "unavailable")
        #expect(vigil.logs.all.contains { $0.contains("running without resilience metrics") })

        await vigil.tick()
        text = try await vigil.metricsText()
        #expect(!text.contains("resilience_"), "a tick without a schedule exports nothing")

        try vigil.writeSchedule(TestPrograms.base)
        await vigil.tick()
        let metrics = try await vigil.metrics()
        #expect(metrics["resilience_defense_level"] == 1)
        #expect(metrics["vigil_schedule_last_load_successful"] == 1)
        // The event counters whose labels are known exist at zero with the engine's first figures.
        for scenario in ["1_faculty_loss", "holiday_skeleton", "weather_emergency"] {
            #expect(metrics["resilience_fallback_activations_total{scenario=\"\(scenario)\"}"] == 0, "\(scenario)")
        }
        #expect(metrics[#"resilience_crisis_activations_total{severity="P4"}"#] == 0)
        try await vigil.stop()
    }

    @Test func aConfigReloadMovingTheWindowOrThePathTakesEffect() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        try vigil.directory.write("etc/other.json", TestPrograms.pushed)
        try vigil.directory.write(
            "etc/vigil.yml",
            ScheduleTestDaemon.config()
                .replacingOccurrences(of: "horizon: 7d", with: "horizon: 14d")
                .replacingOccurrences(of: "2026-07-06", with: "2026-07-07"))
        #expect(await vigil.daemon.state.reload(actor: "test") == .reloaded)
        await vigil.tick()
        var window = try #require(try await vigil.data("/api/v1/schedule/summary")["window"] as? [String: Any])
        #expect(window["from"] as? String == "2026-07-07")
        #expect(window["days"] as? Int == 14)
        // From 07-07 f2 is no longer away: on leave 0.
        #expect(try await vigil.metrics()[#"resilience_faculty_available{type="on_leave"}"#] == 0)

        try vigil.directory.write(
            "etc/vigil.yml", ScheduleTestDaemon.config().replacingOccurrences(of: "program.json", with: "other.json"))
        #expect(await vigil.daemon.state.reload(actor: "test") == .reloaded)
        await vigil.tick()
        let summary = try await vigil.data("/api/v1/schedule/summary")
        #expect(summary["program"] as? String == "Pushed Program")
        #expect(summary["path"] as? String == vigil.directory.file("etc/other.json"))
        window = try #require(summary["window"] as? [String: Any])
        #expect(window["from"] as? String == "2026-07-06")
        try await vigil.stop()
    }
}
