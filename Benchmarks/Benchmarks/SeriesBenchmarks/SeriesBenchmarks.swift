// The series store and the text exposition parser: parsing speed (cold and warm cache), ingestion, selection
// over 100k series, and memory per series.
//
// Run from the repository root with `make bench`, or
//   cd Benchmarks && swift package --disable-sandbox benchmark --no-progress --target SeriesBenchmarks
//
// With VIGIL_SERIES_MEMORY=SERIES:SAMPLES set, the executable instead measures the memory of a store fed
// SERIES series × SAMPLES samples through the exposition parser, prints it and exits (see
// Benchmarks/compare-series-memory.sh, which compares it with Prometheus).

import Benchmark
import Glibc
import TimeSeries

/// A scrape body of `count` series like a busy HTTP service's counters.
func requestsBody(series count: Int, step: Int) -> [UInt8] {
    var text = ""
    text.reserveCapacity(count * 110)
    for index in 0..<count {
        text += "http_requests_total{job=\"api\",instance=\"h:\(index % 97)\",code=\"\(200 + index % 5)\","
        text += "method=\"m\(index / 97)\"} \(1234 + index + step * 7) \n"
    }
    return Array(text.utf8)
}

/// 100k series of `x` over 10 jobs with `samples` samples 15 s apart, counters with small increments.
func filledStore(series count: Int, samples: Int) -> SeriesStore {
    let store = SeriesStore(retention: .max)
    let labels = (0..<count).map { Labels(["__name__": "x", "job": "j\($0 % 10)", "instance": "host-\($0):9100"]) }
    var values = [Double](repeating: 0, count: count)
    var generator = SystemRandomNumberGenerator()
    for step in 0..<samples {
        var batch: [IngestedSample] = []
        batch.reserveCapacity(count)
        for index in 0..<count {
            values[index] += Double(Int.random(in: 0...20, using: &generator))
            batch.append(IngestedSample(labels: labels[index], value: values[index]))
        }
        store.ingest(source: "bench", samples: batch, at: Int64(step) * 15_000)
    }
    return store
}

let benchmarks: @Sendable () -> Void = {
    if let spec = getenv("VIGIL_SERIES_MEMORY") {
        let parts = String(cString: spec).split(separator: ":").compactMap { Int($0) }
        MemoryMeasurement.run(series: parts.first ?? 100_000, samples: parts.count > 1 ? parts[1] : 480)
        exit(0)
    }

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 50
    )

    let body = requestsBody(series: 10_000, step: 0)

    Benchmark("parse 10k series, cold cache") { benchmark in
        for _ in benchmark.scaledIterations {
            var parser = ExpositionParser()
            blackHole(try parser.parse(body, defaultTimestamp: 0))
        }
    }

    Benchmark("parse 10k series, warm cache") { benchmark in
        var parser = ExpositionParser()
        _ = try parser.parse(body, defaultTimestamp: 0)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try parser.parse(body, defaultTimestamp: 0)) }
    }

    Benchmark(
        "ingest 100k series × 20 samples",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: 5)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(filledStore(series: 100_000, samples: 20).counts) }
    }

    let store = filledStore(series: 100_000, samples: 40)
    let last: Int64 = 39 * 15_000

    Benchmark("select x over 100k series, 5m range") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(store.select([.equal("__name__", "x")], from: last - 300_000, through: last))
        }
    }

    Benchmark("select x{job=\"j3\"} over 100k series, 5m range") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                store.select([.equal("__name__", "x"), .equal("job", "j3")], from: last - 300_000, through: last))
        }
    }

    Benchmark("select x{instance=~\"host-1.*\"} over 100k series, 5m range") { benchmark in
        let matcher = try LabelMatcher("instance", .regexMatch, "host-1.*")
        for _ in benchmark.scaledIterations {
            blackHole(store.select([.equal("__name__", "x"), matcher], from: last - 300_000, through: last))
        }
    }
}

/// Resident memory growth of a store (and its scrape parser) holding `series` × `samples`.
enum MemoryMeasurement {
    static func residentBytes() -> Int {
        typealias Trim = @convention(c) (Int) -> Int32
        // Give freed heap back to the system first, so the figure is memory in use, not memory once used.
        if let trim = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(trim, to: Trim.self)(0)
        }
        let file = open("/proc/self/statm", O_RDONLY)
        defer { close(file) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = read(file, &buffer, 127)
        let fields = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).split(separator: " ")
        return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Bytes malloc holds for live allocations ("in use bytes" of glibc's malloc_stats, all arenas): the
    /// counterpart of Go's heap in use after a collection. malloc_stats prints to stderr, so stderr is sent
    /// to a temporary file while it runs.
    static func mallocInUseBytes() -> Int {
        typealias Stats = @convention(c) () -> Void
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_stats") else { return 0 }
        var path = Array("/tmp/vigil-malloc-stats-XXXXXX".utf8CString)
        let file = mkstemp(&path)
        guard file >= 0 else { return 0 }
        defer {
            close(file)
            unlink(path)
        }
        fflush(nil)
        let saved = dup(2)
        dup2(file, 2)
        unsafeBitCast(symbol, to: Stats.self)()
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        lseek(file, 0, SEEK_SET)
        var text: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while case let count = read(file, &chunk, chunk.count), count > 0 { text += chunk.prefix(count) }
        // The last "in use bytes" line is the total over all arenas.
        let line = String(decoding: text, as: UTF8.self).split(separator: "\n").last { $0.contains("in use bytes") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }

    /// The page compare-series-memory.sh serves to Prometheus: the same labels, counters stepping by 0–20.
    static func page(prefixes: [[UInt8]], values: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(prefixes.count * 110)
        for (prefix, value) in zip(prefixes, values) {
            out.append(contentsOf: prefix)
            out.append(contentsOf: String(value).utf8)
            out.append(0x0A)
        }
        return out
    }

    static func run(series: Int, samples: Int) {
        let prefixes = (0..<series).map {
            Array(
                "vigil_bench_requests_total{job=\"bench\",instance=\"127.0.0.1:9999\",series=\"\($0)\",code=\"\(200 + $0 % 5)\"} "
                    .utf8)
        }
        var values = [Int](repeating: 0, count: series)
        var generator = SystemRandomNumberGenerator()
        let before = residentBytes()
        let beforeInUse = mallocInUseBytes()
        var store: SeriesStore? = SeriesStore(retention: .max)
        var parser: ExpositionParser? = ExpositionParser()
        for step in 0..<samples {
            for index in values.indices { values[index] += Int.random(in: 0...20, using: &generator) }
            let body = page(prefixes: prefixes, values: values)
            let time = Int64(step) * 15_000
            do {
                let parsed = try parser?.parse(body, defaultTimestamp: time) ?? []
                store?.ingest(source: "bench", samples: parsed, at: time)
            } catch {
                print("parse failed: \(error)")
                exit(1)
            }
        }
        let withParser = residentBytes()
        let withParserInUse = mallocInUseBytes()
        parser = nil
        let storeOnly = residentBytes()
        let storeOnlyInUse = mallocInUseBytes()
        let counts = store?.counts ?? (series: 0, samples: 0)
        print("vigil store: \(counts.series) series, \(counts.samples) samples")
        print("VIGIL malloc in use per series (store + scrape cache): \((withParserInUse - beforeInUse) / series) B")
        print("VIGIL malloc in use per series (store only):           \((storeOnlyInUse - beforeInUse) / series) B")
        print("VIGIL resident per series (store + scrape cache):      \((withParser - before) / series) B")
        print("VIGIL resident per series (store only):                \((storeOnly - before) / series) B")
        store = nil
    }
}
