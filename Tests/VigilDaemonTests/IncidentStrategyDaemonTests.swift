import Foundation
import TestSupport
import Testing
import Transport
import VigilCore

@testable import VigilDaemon

/// The method's other branches in the assembled daemon, on a manual clock: over capacity brings
/// load shedding at the engine's level (low enough to need no approval), a lost person brings
/// the emergency assessment's repair as a new schedule version; each moves the metrics, recovers
/// the program on verification and resolves.
@Suite("incident strategies, in the daemon", .serialized)
struct IncidentStrategyDaemonTests {
    /// One faculty member capped at 4 sessions a week with 5 booked: ward, ward, admin, research,
    /// an optional elective. The engine recommends ORANGE (admin, research and the elective shed).
    static let overCapacity = """
        {"program": "Overbooked", "timezone": "America/Chicago",
         "people": [{"id": "f1", "name": "Dr One", "role": "faculty", "max_sessions_per_week": 4}],
         "rotations": [
           {"id": "ward", "name": "Ward", "category": "patient_safety", "min_faculty": 1},
           {"id": "admin", "name": "Admin", "category": "administration", "min_faculty": 1},
           {"id": "study", "name": "Research", "category": "research", "min_faculty": 1},
           {"id": "elective", "name": "Elective", "category": "education_optional", "min_faculty": 1}],
         "assignments": [
           {"person": "f1", "date": "2026-07-06", "session": "AM", "rotation": "ward"},
           {"person": "f1", "date": "2026-07-07", "session": "AM", "rotation": "ward"},
           {"person": "f1", "date": "2026-07-08", "session": "AM", "rotation": "admin"},
           {"person": "f1", "date": "2026-07-09", "session": "AM", "rotation": "study"},
           {"person": "f1", "date": "2026-07-10", "session": "AM", "rotation": "elective"}],
         "absences": []}
        """

    static func post(_ daemon: ScheduleTestDaemon, _ path: String, _ body: [String: Any]) async throws
        -> [String: Any]
    {
        let response = try await IncidentDaemonTests.post(daemon, path, body)
        try #require(response.status == 200, "\(path): \(response.bodyText)")
        return try JSONBody.data(response)
    }

    /// Opens an incident by hand and moves it to deciding; returns its id and Vigil's proposals.
    static func decide(_ daemon: ScheduleTestDaemon, severity: String) async throws -> (String, [[String: Any]]) {
        let opened = try await post(
            daemon, "/api/v1/incidents", ["title": "Program in trouble", "severity": severity, "by": "coordinator"])
        let id = try #require(opened["id"] as? String)
        let deciding = try await post(
            daemon, "/api/v1/incidents/\(id)/phase", ["phase": "deciding", "by": "dr.adams"])
        return (id, deciding["proposals"] as? [[String: Any]] ?? [])
    }

    /// Verifies and runs the loops until the incident leaves verifying (the hold is a minute).
    static func verify(_ daemon: ScheduleTestDaemon, _ id: String) async throws -> [String: Any] {
        _ = try await post(daemon, "/api/v1/incidents/\(id)/phase", ["phase": "verifying", "by": "dr.adams"])
        var incident: [String: Any] = [:]
        for _ in 0..<30 where incident["phase"] as? String ?? "verifying" == "verifying" {
            await IncidentDaemonTests.settle(daemon)
            incident = try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))
        }
        return incident
    }

    @Test func overCapacityIsShedAtTheEnginesLevelAndRecovers() async throws {
        let directory = TestDirectory()
        try directory.write("etc/escalation.yml", IncidentDaemonTests.escalation)
        let daemon = try await ScheduleTestDaemon.start(
            directory: directory, schedule: Self.overCapacity, config: IncidentDaemonTests.config)
        let (id, proposals) = try await Self.decide(daemon, severity: "P2")
        let incident = try JSONBody.data(try await daemon.get("/api/v1/incidents/\(id)"))
        let hypotheses = (incident["orientation"] as? [String: Any])?["hypotheses"] as? [[String: Any]]
        #expect(hypotheses?.first?["mode"] as? String == "over_capacity", "\(hypotheses ?? [])")
        let shed = try #require(proposals.first { $0["strategy"] as? String == "load_shedding" }, "\(proposals)")
        #expect(shed["sheddingLevel"] as? Int == 2)
        #expect(shed["needsApproval"] as? Bool == false, "below level 3 no approval is needed")
        let expected = try #require(shed["expected"] as? [String: Any])
        #expect(expected["utilizationBefore"] as? Double == 1.25)
        #expect(expected["utilizationAfter"] as? Double == 0.5)

        let acted = try await Self.post(
            daemon, "/api/v1/incidents/\(id)/phase",
            ["phase": "acting", "proposal": shed["number"] ?? 0, "by": "dr.adams"])
        let action = try #require((acted["timeline"] as? [[String: Any]])?.last)
        #expect((action["details"] as? [String: String])?["failed"] == nil, "\(action)")
        #expect((action["text"] as? String)?.contains("utilization 125% → 50%") == true, "\(action)")
        let metrics = try await daemon.metrics()
        #expect(metrics["resilience_load_shedding_level"] == 2)
        #expect(metrics[#"resilience_load_shedding_events_total{from_level="0",to_level="2"}"#] == 1)
        #expect(metrics[#"resilience_crisis_activations_total{severity="P2"}"#] == 1)

        let verified = try await Self.verify(daemon, id)
        #expect(verified["phase"] as? String == "resolved", "\(verified["timeline"] ?? "")")
        // The list carries MTTA and MTTR over what it lists.
        let list = try JSONBody.data(try await daemon.get("/api/v1/incidents?state=resolved"))
        let overall = try #require((list["figures"] as? [String: Any])?["overall"] as? [String: Any], "\(list)")
        #expect(overall["count"] as? Int == 1)
        #expect(overall["resolved"] as? Int == 1)
        #expect(overall["meanTimeToResolveSeconds"] as? Double == verified["timeToResolveSeconds"] as? Double)
        #expect((overall["meanTimeToResolveSeconds"] as? Double ?? 0) > 0)
        #expect(overall["meanTimeToAcknowledgeSeconds"] is NSNull, "nobody acknowledged it")
        let bySeverity = (list["figures"] as? [String: Any])?["bySeverity"] as? [String: Any]
        #expect(bySeverity?.keys.sorted() == ["P2"])
        try await daemon.stop()
    }

    @Test func aLostPersonIsRepairedAsANewScheduleVersion() async throws {
        let directory = TestDirectory()
        try directory.write("etc/escalation.yml", IncidentDaemonTests.escalation)
        let daemon = try await ScheduleTestDaemon.start(
            directory: directory, schedule: IncidentPrograms.absence, config: IncidentDaemonTests.config)
        let (id, proposals) = try await Self.decide(daemon, severity: "P1")
        let repair = try #require(proposals.first { $0["strategy"] as? String == "repair" }, "\(proposals)")
        #expect(repair["person"] as? String == "f1")
        #expect((repair["changes"] as? [[String: Any]])?.count == 2)
        let number = try #require(repair["number"] as? Int)
        let early = try await IncidentDaemonTests.post(
            daemon, "/api/v1/incidents/\(id)/phase", ["phase": "acting", "proposal": number, "by": "dr.adams"])
        #expect(early.status == 409, "a new schedule version needs approval")

        _ = try await Self.post(daemon, "/api/v1/incidents/\(id)/approve", ["proposal": number, "by": "dr.baker"])
        let acted = try await Self.post(
            daemon, "/api/v1/incidents/\(id)/phase", ["phase": "acting", "proposal": number, "by": "dr.adams"])
        let action = try #require((acted["timeline"] as? [[String: Any]])?.last)
        #expect((action["details"] as? [String: String])?["failed"] == nil, "\(action)")
        #expect((action["text"] as? String)?.contains("(2 → 0 gap slots)") == true, "\(action)")
        let summary = try JSONBody.data(try await daemon.get("/api/v1/schedule/summary"))
        #expect(summary["version"] as? Int == 2, "the repair is a push of its own: \(summary)")
        let metrics = try await daemon.metrics()
        #expect(metrics[#"resilience_crisis_activations_total{severity="P1"}"#] == 1)

        let verified = try await Self.verify(daemon, id)
        #expect(verified["phase"] as? String == "resolved", "\(verified["timeline"] ?? "")")
        // A later incident finds nothing left to repair.
        let (_, next) = try await Self.decide(daemon, severity: "P3")
        #expect(!next.contains { $0["strategy"] as? String == "repair" }, "nothing left to repair: \(next)")
        try await daemon.stop()
    }
}
