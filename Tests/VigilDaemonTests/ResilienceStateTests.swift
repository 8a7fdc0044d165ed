import Foundation
import Resilience
import Server
import Storage
import TestSupport
import Testing
import Transport
import VigilCore

@testable import VigilDaemon

/// `GET`/`PUT /api/v1/resilience/state`: the load-shedding level and active fallback operators
/// decide, applied at once, stored, audited, and checked field by field.
@Suite("The resilience engine's state over the API")
struct ResilienceStateTests {
    @Test func aSheddingLevelIsAppliedAtOnceAndSurvivesARestart() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        let response = try await vigil.put("/api/v1/resilience/state", #"{"load_shedding_level": "black"}"#)
        #expect(response.status == 200)
        let state = try JSONBody.data(response)
        #expect(state["load_shedding_level"] as? Int == 4)
        #expect(state["load_shedding_name"] as? String == "BLACK")
        #expect((state["suspended_categories"] as? [String])?.contains("continuity_of_care") == true)
        #expect(state["active_fallback"] is NSNull)
        #expect(state["updated_by"] as? String == "api")

        // BLACK suspends continuity_of_care: both clinic slots are suspended and need nobody.
        let metrics = try await vigil.metrics()
        #expect(metrics["resilience_load_shedding_level"] == 4)
        #expect(metrics["resilience_suspended_activities"] == 2)
        #expect(metrics[#"resilience_utilization_rate{component="overall"}"#] == 0)
        #expect(metrics["resilience_health_check_duration_seconds_count"] == 2)
        try await vigil.stop()

        let restarted = try await ScheduleTestDaemon.start(
            directory: vigil.directory, schedule: nil, config: ScheduleTestDaemon.config())
        #expect(try await restarted.data("/api/v1/resilience/state")["load_shedding_level"] as? Int == 4)
        #expect(try await restarted.metrics()["resilience_load_shedding_level"] == 4)
        try await restarted.stop()

        let database = try VigilDatabase(path: vigil.directory.file("data/vigil.db"))
        let changes = try AuditLog(database: database).recent(action: "resilience.state")
        #expect(changes.count == 1)
        #expect(changes.first?.details["load_shedding_level"] == "4")
        #expect(changes.first?.details["previous_load_shedding_level"] == "0")
        try database.close()
    }

    @Test func aFallbackIsActivatedAndDeactivatedLeavingTheLevelAlone() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        #expect(try await vigil.put("/api/v1/resilience/state", #"{"load_shedding_level": 1}"#).status == 200)
        #expect(
            try await vigil.put("/api/v1/resilience/state", #"{"active_fallback": "holiday_skeleton"}"#).status == 200)
        var metrics = try await vigil.metrics()
        #expect(metrics["resilience_active_fallbacks"] == 1)
        #expect(metrics["resilience_load_shedding_level"] == 1)

        #expect(try await vigil.put("/api/v1/resilience/state", #"{"active_fallback": null}"#).status == 200)
        metrics = try await vigil.metrics()
        #expect(metrics["resilience_active_fallbacks"] == 0)
        #expect(metrics["resilience_load_shedding_level"] == 1)
        try await vigil.stop()
    }

    @Test func anInvalidStateIsRefusedNamingEachFieldAndChangesNothing() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.base)
        let before = try await vigil.get("/api/v1/resilience/state").bodyText
        let response = try await vigil.put(
            "/api/v1/resilience/state", #"{"load_shedding_level": 9, "active_fallback": "beach_day", "level": 1}"#)
        #expect(response.status == 400)
        let body = try JSONBody.object(response)
        #expect(body["errorType"] as? String == "bad_data")
        let paths = (body["errors"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == ["level", "load_shedding_level", "active_fallback"])
        #expect((body["error"] as? String)?.hasPrefix("level: unknown field") == true)

        let notJSON = try await vigil.put("/api/v1/resilience/state", "shed everything")
        #expect(notJSON.status == 400)
        let unauthorized = try await vigil.put(
            "/api/v1/resilience/state", #"{"load_shedding_level": 5}"#, authorized: false)
        #expect(unauthorized.status == 401)

        #expect(try await vigil.get("/api/v1/resilience/state").bodyText == before)
        #expect(try await vigil.metrics()["resilience_load_shedding_level"] == 0)
        try await vigil.stop()
    }

    @Test(arguments: [
        (#"{"load_shedding_level": 3}"#, LoadSheddingLevel.red, FallbackScenario?.none),
        (#"{"load_shedding_level": "Orange"}"#, .orange, nil),
        (#"{"load_shedding_level": "5"}"#, .critical, nil),
        (#"{"active_fallback": "weather_emergency"}"#, .yellow, .weatherEmergency),
    ])
    func aRequestChangesOnlyTheFieldsItNames(body: String, level: LoadSheddingLevel, fallback: FallbackScenario?) {
        let current = EngineState(sheddingLevel: .yellow, activeFallback: nil)
        guard case .state(let state) = EngineStateRequest.parse(Array(body.utf8), current: current) else {
            Issue.record("\(body) was refused")
            return
        }
        #expect(state == EngineState(sheddingLevel: level, activeFallback: fallback))
    }

    @Test(arguments: ["{}", "[1]", #"{"load_shedding_level": true}"#, #"{"load_shedding_level": 2.5}"#])
    func aRequestWithoutAValidFieldIsRefused(body: String) {
        guard case .invalid(let problems) = EngineStateRequest.parse(Array(body.utf8), current: EngineState()) else {
            Issue.record("\(body) was accepted")
            return
        }
        #expect(!problems.isEmpty)
    }
}
