import Foundation
import TestSupport

/// The daemon as `make run` starts it — the shipped `etc/vigil.yml`, the demo program, the shipped
/// rules and escalation — in a temporary directory on a manual clock, run for `ticks` evaluation
/// intervals so the demo's alerts fire and its figures have history.
enum ShippedDemo {
    static var repository: URL { ShippedMatrixDaemonTests.repository }

    static func start(ticks: Int) async throws -> ScheduleTestDaemon {
        let shipped = try String(contentsOf: repository.appendingPathComponent("etc/vigil.yml"), encoding: .utf8)
        let rules = repository.appendingPathComponent("rules").path
        let config =
            shipped
            .replacingOccurrences(of: "../rules/", with: rules + "/")
            .replacingOccurrences(of: "path: demo/program.json", with: "path: program.json")
        let demo = try String(contentsOf: repository.appendingPathComponent("etc/demo/program.json"), encoding: .utf8)
        let directory = TestDirectory()
        // The runbooks where a checkout has them: the pages link to them.
        try FileManager.default.copyItem(
            atPath: repository.appendingPathComponent("runbooks").path, toPath: directory.file("runbooks"))
        let daemon = try await ScheduleTestDaemon.start(directory: directory, schedule: demo, config: config)
        // A first request, as Grafana's data-source check or a browser makes, so HTTP figures exist.
        _ = try await daemon.get("/-/ready")
        for _ in 0..<ticks { await daemon.tick() }
        return daemon
    }
}
