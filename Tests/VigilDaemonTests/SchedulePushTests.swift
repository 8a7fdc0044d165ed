import Foundation
import Storage
import TestSupport
import Testing
import Transport
import VigilCore

@testable import VigilDaemon

/// `PUT /api/v1/schedule`: refused input changes nothing; an accepted push is in force at once,
/// stored, and served after a restart until the schedule file changes again.
@Suite("Pushing a schedule over the API")
struct SchedulePushTests {
    @Test func anInvalidPushIsRefusedWithEveryErrorAndChangesNothing() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        let before = try await vigil.metricsText()
        let summaryBefore = try await vigil.get("/api/v1/schedule/summary").bodyText

        let response = try await vigil.put("/api/v1/schedule", TestPrograms.brokenReferences)
        #expect(response.status == 400)
        let body = try JSONBody.object(response)
        #expect(body["status"] as? String == "error")
        #expect(body["errorType"] as? String == "bad_data")
        let errors = try #require(body["errors"] as? [[String: Any]])
        let paths = errors.compactMap { $0["path"] as? String }
        #expect(paths.contains("assignments[0].person"))
        #expect(paths.contains("assignments[1].rotation"))
        #expect(errors.allSatisfy { ($0["line"] as? Int ?? 0) > 0 && ($0["column"] as? Int ?? 0) > 0 })
        let first = try #require(errors.first)
        #expect(
            body["error"] as? String
                == "\(first["line"] ?? ""):\(first["column"] ?? ""): \(first["path"] ?? ""): \(first["message"] ?? "")")

        #expect(try await vigil.get("/api/v1/schedule/summary").bodyText == summaryBefore)
        let after = MetricsText.parse(try await vigil.metricsText())
        let beforeSeries = MetricsText.parse(before)
        for (series, value) in beforeSeries where series.hasPrefix("resilience_") || series.hasPrefix("vigil_schedule_")
        {
            #expect(after[series] == value, "\(series) unchanged")
        }
        #expect(after[#"vigil_schedule_loads_total{source="api",result="failure"}"#] == 1)
        try await vigil.stop()

        let database = try VigilDatabase(path: vigil.directory.file("data/vigil.db"))
        #expect(try AuditLog(database: database).recent(action: "schedule.push_rejected").count == 1)
        #expect(try ScheduleSnapshotStore(database: database).latest() == nil)
        try database.close()
    }

    @Test func aPushWithoutTheTokenIsRefusedAndChangesNothing() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        let summaryBefore = try await vigil.get("/api/v1/schedule/summary").bodyText
        let response = try await vigil.put("/api/v1/schedule", TestPrograms.pushed, authorized: false)
        #expect(response.status == 401)
        #expect(try JSONBody.object(response)["errorType"] as? String == "unauthorized")
        #expect(try await vigil.get("/api/v1/schedule/summary").bodyText == summaryBefore)
        #expect(try await vigil.metrics()["resilience_n1_compliant"] == 0)
        try await vigil.stop()
    }

    @Test func aValidPushIsInForceAtOnceAndSurvivesARestart() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        vigil.clock.advance(by: 60)
        let response = try await vigil.put("/api/v1/schedule", TestPrograms.pushed)
        #expect(response.status == 200)
        let summary = try JSONBody.data(response)
        #expect(summary["program"] as? String == "Pushed Program")
        #expect(summary["source"] as? String == "api")
        #expect(summary["path"] is NSNull)
        #expect(summary["loaded_at"] as? String == "2026-07-01T00:01:00Z")
        #expect(summary["absences"] as? Int == 0)
        let headline = try #require(summary["headline"] as? [String: Any])
        #expect(headline["n1_compliant"] as? Bool == true, "the summary already shows the pushed schedule's report")

        var metrics = try await vigil.metrics()
        #expect(metrics["resilience_n1_compliant"] == 1)
        #expect(metrics["resilience_single_points_of_failure"] == 0)
        #expect(metrics["resilience_n2_fatal_pairs"] == 1)
        #expect(metrics[#"resilience_faculty_available{type="on_leave"}"#] == 0)
        #expect(metrics[#"vigil_schedule_loads_total{source="api",result="success"}"#] == 1)

        await vigil.tick()
        #expect(try await vigil.metrics()["resilience_n1_compliant"] == 1, "the unchanged file does not win it back")
        try await vigil.stop()

        let restarted = try await ScheduleTestDaemon.start(
            directory: vigil.directory, schedule: nil, config: ScheduleTestDaemon.config())
        let again = try await restarted.data("/api/v1/schedule/summary")
        #expect(again["program"] as? String == "Pushed Program")
        #expect(again["source"] as? String == "api")
        metrics = try await restarted.metrics()
        #expect(metrics["resilience_n1_compliant"] == 1)
        #expect(metrics["vigil_schedule_last_load_successful"] == 1)
        try await restarted.stop()

        let database = try VigilDatabase(path: vigil.directory.file("data/vigil.db"))
        let pushes = try AuditLog(database: database).recent(action: "schedule.push")
        #expect(pushes.count == 1)
        #expect(pushes.first?.actor == "api")
        #expect(pushes.first?.details["program"] == "Pushed Program")
        try database.close()
    }

    @Test func theFileChangingAfterAPushWinsAgainAlsoAfterARestart() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        #expect(try await vigil.put("/api/v1/schedule", TestPrograms.pushed).status == 200)
        try vigil.writeSchedule(TestPrograms.withUnsupervisedSlot)
        await vigil.tick()
        var summary = try await vigil.data("/api/v1/schedule/summary")
        #expect(summary["source"] as? String == "file")
        #expect(summary["assignments"] as? Int == 5)
        try await vigil.stop()

        let restarted = try await ScheduleTestDaemon.start(
            directory: vigil.directory, schedule: nil, config: ScheduleTestDaemon.config())
        summary = try await restarted.data("/api/v1/schedule/summary")
        #expect(summary["source"] as? String == "file")
        #expect(summary["program"] as? String == "Test Program")
        try await restarted.stop()
    }

    @Test func aPushedScheduleStaysInForceWhenTheFileIsBrokenAtRestart() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        #expect(try await vigil.put("/api/v1/schedule", TestPrograms.pushed).status == 200)
        try await vigil.stop()
        try vigil.writeSchedule(TestPrograms.brokenReferences)

        let restarted = try await ScheduleTestDaemon.start(
            directory: vigil.directory, schedule: nil, config: ScheduleTestDaemon.config())
        let summary = try await restarted.data("/api/v1/schedule/summary")
        #expect(summary["program"] as? String == "Pushed Program")
        #expect(summary["last_load_successful"] as? Bool == false)
        let metrics = try await restarted.metrics()
        #expect(metrics["resilience_n1_compliant"] == 1)
        #expect(metrics["vigil_schedule_last_load_successful"] == 0, "the snapshot does not hide the broken file")
        try await restarted.stop()
    }
}
