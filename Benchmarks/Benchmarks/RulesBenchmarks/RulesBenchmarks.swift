// Rules: saving and restoring alert state (the target: 10k active alerts restored at start
// in under a second).
//
//   cd Benchmarks && swift package --disable-sandbox benchmark --no-progress --target RulesBenchmarks

import Benchmark
import Foundation
import PromQL
import Rules
import Storage
import TimeSeries
import VigilCore
import VigilDaemon

/// A group with one alerting rule holding `count` firing alerts, its saved form, and a database.
struct RestoreFixture {
    let definition: RuleGroupDefinition
    let saved: [PersistedAlert]
    let path: String

    init(count: Int) throws {
        let rule = RuleDefinition(
            kind: .alerting, name: "HighUtilization", expression: try PromQLParser.parse("x > 0.8"),
            expressionText: "x > 0.8", holdDuration: 300_000, labels: Labels(["severity": "warning"]),
            annotations: Labels(["summary": "{{ $labels.instance }} at {{ $value }}"]), location: .wholeFile("b.yml"))
        definition = RuleGroupDefinition(name: "bench", rules: [rule], location: .wholeFile("b.yml"))
        let store = SeriesStore()
        for index in 0..<count {
            store.append(
                Labels(["__name__": "x", "instance": "host-\(index)", "job": "j\(index % 10)"]),
                Sample(timestamp: 0, value: 0.9))
        }
        var group = RuleGroup(definition, file: "b.yml", defaultInterval: 15_000)
        group.evaluate(at: 0, in: RuleEvaluationContext(store: store))
        group.evaluate(at: 300_000, in: RuleEvaluationContext(store: store))
        saved = group.persistedAlerts
        path = NSTemporaryDirectory() + "vigil-rules-bench-\(UUID().uuidString).db"
        let database = try VigilDatabase(path: path)
        try AlertStatePersistence(store: AlertStateStore(database: database)).saveAlerts(
            group: group.key, alerts: saved)
        try database.close()
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 20)

    Benchmark("restore 10k alerts at start (read SQLite, convert, put back into the rule)") { benchmark in
        guard let fixture = try? RestoreFixture(count: 10_000) else { return }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            guard let database = try? VigilDatabase(path: fixture.path) else { return }
            let loaded = (try? AlertStatePersistence(store: AlertStateStore(database: database)).loadAlerts()) ?? [:]
            var group = RuleGroup(fixture.definition, file: "b.yml", defaultInterval: 15_000)
            let restored = group.restore(loaded["b.yml;bench"] ?? [], at: 310_000, options: AlertRestoreOptions())
            precondition(restored == 10_000)
            blackHole(group)
            try? database.close()
        }
    }

    Benchmark("save 10k alerts (one group evaluation's batch)") { benchmark in
        guard let fixture = try? RestoreFixture(count: 10_000), let database = try? VigilDatabase(path: fixture.path)
        else { return }
        let persistence = AlertStatePersistence(store: AlertStateStore(database: database))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try? persistence.saveAlerts(group: "b.yml;bench", alerts: fixture.saved)
        }
        benchmark.stopMeasurement()
        try? database.close()
    }
}
