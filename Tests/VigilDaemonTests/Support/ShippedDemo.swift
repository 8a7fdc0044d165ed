import Foundation
import TestSupport

/// The daemon as `make run` starts it — the shipped `etc/vigil.yml`, the demo program, the shipped
/// rules and escalation — in a temporary directory on a manual clock, run for `ticks` evaluation
/// intervals so the demo's alerts fire and its figures have history.
enum ShippedDemo {
    static var repository: URL { ShippedMatrixDaemonTests.repository }

    static func start(ticks: Int) async throws -> ScheduleTestDaemon {
        let demo = try String(contentsOf: repository.appendingPathComponent("etc/demo/program.json"), encoding: .utf8)
        let directory = TestDirectory()
        // The rules under a long folder name with no place to break it: the pages show rule files'
        // paths, and a phone must not scroll sideways whatever the path (a clone's can be long).
        let rules = directory.file("shippedrulesinafoldernamewithnowheretobreakit/rules")
        try FileManager.default.createDirectory(
            atPath: (rules as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repository.appendingPathComponent("rules").path, toPath: rules)
        let shipped = try String(contentsOf: repository.appendingPathComponent("etc/vigil.yml"), encoding: .utf8)
        let config =
            shipped
            .replacingOccurrences(of: "../rules/", with: rules + "/")
            .replacingOccurrences(of: "path: demo/program.json", with: "path: program.json")
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
