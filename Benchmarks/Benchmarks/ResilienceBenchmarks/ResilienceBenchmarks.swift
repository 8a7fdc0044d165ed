// N-1 and N-2 contingency on synthetic programs (`vigil resilience generate`'s generator):
// the 13-week program the 100× target is set on, and a full 52-week year, each on one
// core and with N-2's pairs spread over every core. `Benchmarks/compare-contingency.sh` times
// the Python reference on the same programs and diffs the results.
//
// Run from the repository root with `make bench`, or
//   cd Benchmarks && swift package --disable-sandbox benchmark --no-progress --target ResilienceBenchmarks

import Benchmark
import Foundation
import Resilience
import Schedule

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 50
    )

    for fixture in [ContingencyFixture.quarter, ContingencyFixture.year] {
        Benchmark("N-1 + N-2, \(fixture.name), one core") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(fixture.analysis.report()) }
        }
        Benchmark("N-1 + N-2, \(fixture.name), \(ContingencyFixture.cores) tasks") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(await fixture.analysis.report(tasks: ContingencyFixture.cores))
            }
        }
        Benchmark("N-1 only, \(fixture.name)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(fixture.analysis.report(includeN2: false)) }
        }
        Benchmark("WindowIndex + ContingencyAnalysis.init, \(fixture.name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(ContingencyAnalysis(index: WindowIndex(program: fixture.program, window: fixture.window)))
            }
        }
    }
    insightBenchmarks()
}

/// A generated program and its analysis window: from the first Monday on or after the program's
/// start, for the program's length (as `compare-contingency.sh` passes `--from`/`--days`).
struct ContingencyFixture: Sendable {
    static let cores = max(2, ProcessInfo.processInfo.activeProcessorCount)
    static let quarter = ContingencyFixture(name: "60 faculty, 13 weeks", faculty: 60, residents: 120, weeks: 13)
    static let year = ContingencyFixture(name: "60 faculty, 52 weeks", faculty: 60, residents: 120, weeks: 52)

    let name: String
    let program: Program
    let window: ScheduleWindow
    let analysis: ContingencyAnalysis

    init(name: String, faculty: Int, residents: Int, weeks: Int) {
        self.name = name
        let generator = ProgramGenerator(faculty: faculty, residents: residents, weeks: weeks, seed: 7)
        program = generator.generate()
        var monday = generator.start
        while monday.isoWeekday != 1 { monday = monday.advanced(by: 1) }
        window = ScheduleWindow(from: monday, days: weeks * 7)
        analysis = ContingencyAnalysis(index: WindowIndex(program: program, window: window))
    }
}

/// The insight issue 14 asks for on top of N-1/N-2 (hubs, cross-training advice, forecast), timed
/// together on one core: its target is under 1 s for the 13-week program and 3 s for the year.
let insightBenchmarks: @Sendable () -> Void = {
    for fixture in [ContingencyFixture.quarter, ContingencyFixture.year] {
        Benchmark("Insight (N-1/N-2, hubs, advice K=5, cascade, recovery, forecast 90d), \(fixture.name), one core") {
            benchmark in
            for _ in benchmark.scaledIterations {
                let contingency = fixture.analysis.report()
                let hubs = fixture.analysis.hubs(contingency: contingency)
                blackHole(fixture.analysis.advice(contingency: contingency, limit: 5))
                let top = hubs.ranked.first { $0.coveredSlots > 0 }.flatMap {
                    fixture.analysis.index.facultyIndex[$0.person]
                }
                blackHole(fixture.analysis.cascade(from: top))
                blackHole(fixture.analysis.recoveryDistance())
                blackHole(
                    Forecast(program: fixture.program, horizon: ScheduleWindow(from: fixture.window.from, days: 90)))
            }
        }
        Benchmark("Cross-training advice K=5, \(fixture.name)") { benchmark in
            let contingency = fixture.analysis.report()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(fixture.analysis.advice(contingency: contingency, limit: 5))
            }
        }
    }
}
