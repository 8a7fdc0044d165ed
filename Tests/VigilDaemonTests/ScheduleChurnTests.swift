import Foundation
import Storage
import TestSupport
import Testing
import Transport
import VigilCore

@testable import VigilDaemon

/// Schedule churn in the daemon: each new schedule version's changed slots are stored, the last
/// 7 days of them feed the phase-transition risk, and the history survives a restart.
@Suite("Schedule churn and the phase-transition risk")
struct ScheduleChurnTests {
    /// `base` plus r1 alone in clinic on twelve more half-days (2026-07-08 to 07-13, both
    /// sessions): twelve slots that were not there before.
    static let twelveMoreSlots: String = {
        var extra = ""
        for day in 8...13 {
            for session in ["AM", "PM"] {
                extra +=
                    #", {"person": "r1", "date": "2026-07-\#(String(format: "%02d", day))", "#
                    + #""session": "\#(session)", "rotation": "clinic"}"#
            }
        }
        return TestPrograms.program(assignments: TestPrograms.baseAssignments + extra)
    }()

    @Test func changedSlotsCountForSevenDaysAndSurviveARestart() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        await vigil.tick()
        var metrics = try await vigil.metrics()
        #expect(metrics["resilience_schedule_churn_slots"] == 0)
        #expect(metrics["resilience_phase_transition_risk"] == 0)

        #expect(try await vigil.put("/api/v1/schedule", Self.twelveMoreSlots).status == 200)
        await vigil.tick()
        metrics = try await vigil.metrics()
        #expect(metrics["resilience_schedule_churn_slots"] == 12)
        #expect(metrics["resilience_phase_transition_risk"] == 1, "12 slots changed in 7 days is above 10")
        let phase = try #require(
            try await vigil.data("/api/v1/resilience/report")["phase_transition"] as? [String: Any])
        #expect(phase["level"] as? String == "medium")
        #expect(phase["indicators"] as? [String] == ["12 slots changed in 7 days, above 10"])

        // Back to the base schedule: the same twelve slots change again (24 in 7 days: two indicators).
        #expect(try await vigil.put("/api/v1/schedule", TestPrograms.base).status == 200)
        await vigil.tick()
        metrics = try await vigil.metrics()
        #expect(metrics["resilience_schedule_churn_slots"] == 24)
        #expect(metrics["resilience_phase_transition_risk"] == 2)
        try await vigil.stop()

        let restarted = try await ScheduleTestDaemon.start(
            directory: vigil.directory, schedule: nil, config: ScheduleTestDaemon.config())
        await restarted.tick()
        #expect(try await restarted.metrics()["resilience_schedule_churn_slots"] == 24, "kept in SQLite")
        // A week and a day later the changes have aged out of the 7-day look-back.
        restarted.clock.advance(by: 8 * 86_400)
        await restarted.tick()
        metrics = try await restarted.metrics()
        #expect(metrics["resilience_schedule_churn_slots"] == 0)
        #expect(metrics["resilience_phase_transition_risk"] == 0)
        try await restarted.stop()

        let database = try VigilDatabase(path: vigil.directory.file("data/vigil.db"))
        let history = ScheduleChangeStore(database: database)
        #expect(try history.slotsChanged(since: Date(timeIntervalSince1970: 0)) == 24)
        try database.close()
    }
}
