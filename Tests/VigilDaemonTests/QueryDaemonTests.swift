import Foundation
import TestSupport
import Testing
import Transport
import VigilCore

/// The engine's metrics through PromQL: the daemon's query API (also as promtool sees it) and
/// `vigil query` offline.
@Suite("Querying the engine's series")
struct QueryDaemonTests {
    /// Runs a tool to completion without blocking a concurrency thread while it talks to our server.
    private static func runAsync(_ tool: String, _ arguments: [String]) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return (status, String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test func engineSamplesAreQueryableThroughThePrometheusAPI() async throws {
        let vigil = try await ScheduleTestDaemon.start(schedule: TestPrograms.withUnsupervisedSlot)
        let now = vigil.clock.now().timeIntervalSince1970
        let answer = try await vigil.get(
            "/api/v1/query?query=schedule_violations_total%7Bviolation_type%3D%22supervision_ratio%22%7D&time=\(now)")
        #expect(answer.status == 200)
        #expect(answer.bodyText.contains(#""resultType":"vector""#))
        #expect(answer.bodyText.contains(#""violation_type":"supervision_ratio"},"value":["#))
        #expect(answer.bodyText.hasSuffix(#","1"]}]}}"#))

        if let promtool = VigilProcessTests.promtool {
            let (status, output) = try await Self.runAsync(
                promtool, ["query", "instant", "--time", "\(Int(now))", vigil.base, "resilience_defense_level"])
            #expect(status == 0, "promtool: \(output)")
            #expect(output.hasPrefix("resilience_defense_level =>"), "promtool: \(output)")
        }
        try await vigil.stop()
    }

    @Test func vigilQueryEvaluatesOfflineAgainstTheDemoProgram() async throws {
        let directory = TestDirectory()
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("etc/demo/program.json").path
        // The demo's crisis window (2026-09-14 + 28 d) is RED: defense level 4 (GREEN is 1).
        let result = try await VigilProcess.runToCompletion(
            ["query", "resilience_defense_level", "--schedule", demo, "--time", "2026-09-14T12:00:00Z"],
            directory: directory.path)
        #expect(result.status == 0, "\(result.output)")
        #expect(
            result.output.contains(
                #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"resilience_defense_level"},"value":[1789387200,"4"]}]}}"#
            ), "\(result.output)")

        let table = try await VigilProcess.runToCompletion(
            [
                "query", "count(resident_weekly_hours_gauge) > 0", "--schedule", demo, "--time", "1789387200",
                "--format", "table",
            ],
            directory: directory.path)
        #expect(table.status == 0, "\(table.output)")
        #expect(table.output.hasPrefix("SERIES"))

        let broken = try await VigilProcess.runToCompletion(
            ["query", "sum(", "--schedule", demo], directory: directory.path)
        #expect(broken.status == 1)
        #expect(broken.output.contains("parse error"))
    }
}
