// The status board's rendering on the demo program (the target: under 20 ms). The page
// reads the engine's last report and never runs the engine, so the report is made once, outside
// the measured loop, as the daemon's last evaluation leaves it.
//
//   cd Benchmarks && swift package --disable-sandbox benchmark --no-progress --target PagesBenchmarks

import Benchmark
import Foundation
import Pages
import Resilience
import Schedule

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        warmupIterations: 2,
        maxDuration: .seconds(3),
        maxIterations: 200
    )
    let program = DemoProgram.make()
    let window = ScheduleWindow(from: Day(iso: "2026-09-14")!, days: 28)
    let report = ResilienceEngine().evaluate(program: program, window: window)
    var names: [String: String] = [:]
    for person in program.people { names[person.id] = person.name }
    let input = StatusBoard.Input(
        report: report, names: names, evaluatedAt: 1_789_000_000_000, groups: [], incidents: [], onCall: [],
        now: 1_789_000_000_000, timeZone: TimeZone(identifier: "America/Chicago") ?? .gmt)

    Benchmark("status board, demo program, 28 days") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(StatusBoard.render(input)) }
    }
}
