import Foundation
import Schedule
import TestSupport
import Testing

/// `vigil resilience report` and `emergency`, run as the built binary: exit codes, output
/// formats and the errors a coordinator sees.
@Suite struct ResilienceCommandTests {
    /// f1 alone covers the ward (a single point of failure); f2 is free and qualified for nothing
    /// but clinic.
    static let schedule = """
        {"program": "Tiny", "people": [
          {"id": "f1", "role": "faculty", "capabilities": ["ward"]},
          {"id": "f2", "role": "faculty", "capabilities": ["ward", "clinic"]},
          {"id": "r1", "role": "resident", "pgy": 1}],
         "rotations": [{"id": "ward", "category": "patient_safety", "min_faculty": 1},
                       {"id": "clinic", "category": "continuity_of_care", "supervision": true}],
         "assignments": [
          {"person": "f1", "date": "2026-09-14", "session": "AM", "rotation": "ward"},
          {"person": "f1", "date": "2026-09-15", "session": "AM", "rotation": "ward"},
          {"person": "r1", "date": "2026-09-15", "session": "PM", "rotation": "clinic"}],
         "absences": []}
        """

    @Test func reportPrintsJSONWithTheEngineFigures() async throws {
        let directory = TestDirectory()
        let file = try directory.write("program.json", Self.schedule)
        let result = try await VigilProcess.runToCompletion(
            ["resilience", "report", "--schedule", file, "--from", "2026-09-14", "--days", "7", "--format", "json"],
            directory: directory.path)
        #expect(result.status == 0)
        let json = try JSONParser.parse(Array(result.output.utf8))
        #expect(json["window"]?["from"]?.string == "2026-09-14")
        // The clinic slot has a PGY-1 and no faculty: 1 gap slot of 3 needing faculty.
        #expect(json["coverage_gap_slots"]?.integer == 1)
        // f2 is free both mornings and may cover the ward: N-1 holds.
        #expect(json["n1"]?["compliant"]?.bool == true)
    }

    @Test func reportPrintsPrometheusText() async throws {
        let directory = TestDirectory()
        let file = try directory.write("program.json", Self.schedule)
        let result = try await VigilProcess.runToCompletion(
            ["resilience", "report", "--schedule", file, "--from", "2026-09-14", "--format", "prometheus"],
            directory: directory.path)
        #expect(result.status == 0)
        #expect(result.output.contains("# TYPE resilience_defense_level gauge"))
        #expect(result.output.contains("resilience_faculty_available{type=\"on_duty\"} 2"))
        #expect(result.output.contains("schedule_violations_total{violation_type=\"supervision_ratio\"} 1"))
    }

    @Test func forecastPrintsEachDayTheScheduleReachesAndSaysHowFar() async throws {
        let directory = TestDirectory()
        let file = try directory.write("program.json", Self.schedule)
        let result = try await VigilProcess.runToCompletion(
            ["resilience", "forecast", "--schedule", file, "--from", "2026-09-14", "--days", "7", "--format", "json"],
            directory: directory.path)
        #expect(result.status == 0)
        let json = try JSONParser.parse(Array(result.output.utf8))
        #expect(json["horizon_days"]?.integer == 7)
        #expect(json["known_days"]?.integer == 2)
        #expect(json["data_through"]?.string == "2026-09-15")
        #expect(json["days_per_level"]?["green"]?.integer == 2)
        let days = json["days"]?.elements ?? []
        #expect(days.map { $0["date"]?.string } == ["2026-09-14", "2026-09-15"])
        // The 15th: the ward and the PGY-1's clinic need one each, of four sessions; the clinic has nobody.
        #expect(days.last?["utilization"]?.number == 0.5)
        #expect(days.last?["gap_slots"]?.integer == 1)
        let text = try await VigilProcess.runToCompletion(
            ["resilience", "forecast", "--schedule", file, "--from", "2026-09-14", "--days", "7"],
            directory: directory.path)
        #expect(text.status == 0)
        #expect(text.output.contains("The schedule's data reaches 2026-09-15: 2 of 7 days forecast."))
        let usage = try await VigilProcess.runToCompletion(
            ["resilience", "forecast", "--schedule", file, "--days", "400"], directory: directory.path)
        #expect(usage.status == 2)
    }

    @Test func invalidScheduleListsEveryProblemAndExitsOne() async throws {
        let directory = TestDirectory()
        let broken = Self.schedule.replacingOccurrences(of: "\"person\": \"r1\"", with: "\"person\": \"r9\"")
            .replacingOccurrences(of: "2026-09-15\", \"session\": \"AM\"", with: "2026-09-31\", \"session\": \"AM\"")
        let file = try directory.write("program.json", broken)
        let result = try await VigilProcess.runToCompletion(
            ["resilience", "report", "--schedule", file], directory: directory.path)
        #expect(result.status == 1)
        #expect(result.output.contains("assignments[2].person"))
        #expect(result.output.contains("assignments[1].date"))
    }

    @Test func emergencyProposesARepairAndRefusesUnknownPeople() async throws {
        let directory = TestDirectory()
        let file = try directory.write("program.json", Self.schedule)
        let result = try await VigilProcess.runToCompletion(
            [
                "resilience", "emergency", "--schedule", file, "--person", "f1", "--from", "2026-09-14", "--to",
                "2026-09-15", "--format", "json",
            ], directory: directory.path)
        #expect(result.status == 0)
        let json = try JSONParser.parse(Array(result.output.utf8))
        #expect(json["strategy"]?.string == "incremental")
        #expect(json["reassignments"]?.elements?.compactMap { $0["person"]?.string } == ["f2", "f2"])
        #expect(json["dry_run"]?.bool == true)
        let unknown = try await VigilProcess.runToCompletion(
            [
                "resilience", "emergency", "--schedule", file, "--person", "zz", "--from", "2026-09-14", "--to",
                "2026-09-15",
            ],
            directory: directory.path)
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("no person \"zz\""))
    }

    @Test func usageErrorsExitTwo() async throws {
        let directory = TestDirectory()
        let file = try directory.write("program.json", Self.schedule)
        let result = try await VigilProcess.runToCompletion(
            ["resilience", "report", "--schedule", file, "--from", "14/09/2026"], directory: directory.path)
        #expect(result.status == 2)
    }
}
