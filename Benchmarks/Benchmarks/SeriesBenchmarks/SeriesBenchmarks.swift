// The series store: ingestion and memory per series.
//
// Run from the repository root with `make bench`, or
//   cd Benchmarks && swift package --disable-sandbox benchmark --no-progress --target SeriesBenchmarks

import Benchmark
import TimeSeries

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 50
    )

    Benchmark("append 1k series × 100 samples") { benchmark in
        let labels = (0..<1000).map { Labels(["__name__": "x", "instance": "i\($0)"]) }
        for _ in benchmark.scaledIterations {
            let store = SeriesStore()
            for step in 0..<100 {
                for series in labels { store.append(series, Sample(timestamp: Int64(step) * 15_000, value: 1)) }
            }
            blackHole(store.counts)
        }
    }
}
