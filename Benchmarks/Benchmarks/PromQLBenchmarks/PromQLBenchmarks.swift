// PromQL: parsing and evaluation.
//
// Run from the repository root with `make bench`, or
//   cd Benchmarks && swift package --disable-sandbox benchmark --no-progress --target PromQLBenchmarks

import Benchmark
import PromQL

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 50
    )

    Benchmark("function table lookup") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(FunctionSignature.named("rate")) }
    }
}
