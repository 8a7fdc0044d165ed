// Alerting: what 10,000 escalating groups cost the pipeline (issue #12's target: under 5 ms added
// to a tick), against the same groups without an escalation policy.
//
//   cd Benchmarks && swift package --disable-sandbox benchmark --no-progress --target AlertingBenchmarks

import Alerting
import Benchmark
import Foundation
import Logging
import TimeSeries

private let minute: Int64 = 60_000
private let start: Int64 = 1_800_000_000_000

/// Records nothing: the benchmark measures the decisions, not SQLite.
private struct Discard: NotificationRecorder {
    func record(_ notifications: [GroupNotification]) throws {}
}

/// A pipeline holding `count` critical groups, each notified once; with `policy`, each escalating
/// (step 1 taken, step 2 due at 15 minutes).
private func pipeline(count: Int, policy: Bool) async throws -> AlertPipeline {
    let yaml = """
        route:
          receiver: oncall
          group_by: [alertname, n]
          group_wait: 0s
          group_interval: 5m
          repeat_interval: 4h
        """
        + (policy
            ? """

            escalation_policies:
              - name: critical
                matchers: ['severity="critical"']
                steps:
                  - {after: 0s, notify: [oncall]}
                  - {after: 15m, notify: [director]}
            """ : "")
    let escalation = try EscalationFileParser.parse(
        [(path: "bench.yml", text: yaml)], receivers: ["oncall", "director"], fallbackReceiver: "oncall")
    let integration = ReceiverIntegration(kind: "webhook", index: 0, sendResolved: true)
    let config = AlertPipelineConfig(
        escalation: escalation,
        planner: NotificationPlanner(receivers: ["oncall": [integration], "director": [integration]]))
    var logger = Logger(label: "bench")
    logger.logLevel = .critical
    let pipeline = AlertPipeline(config: config, store: nil, recorder: Discard(), logger: logger)
    await pipeline.receive(alerts(count, at: start), now: start, persist: false)
    await pipeline.flush(now: start)
    return pipeline
}

private func alerts(_ count: Int, at now: Int64) -> [PipelineAlert] {
    (0..<count).map { index in
        PipelineAlert(
            labels: Labels(["alertname": "CoverageGap", "n": "\(index)", "severity": "critical"]), startsAt: start,
            endsAt: now + 4 * minute, updatedAt: now)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 20)

    for policy in [false, true] {
        let name = policy ? "10k escalating groups" : "10k groups, no policy"
        Benchmark("tick: a rule evaluation re-sends 10k alerts, then the pipeline looks for due work (\(name))") {
            benchmark in
            guard let pipeline = try? await pipeline(count: 10_000, policy: policy) else { return }
            let resent = alerts(10_000, at: start + minute)
            benchmark.startMeasurement()
            await pipeline.receive(resent, now: start + minute, persist: false)
            blackHole(await pipeline.nextFlushTime)
            blackHole(await pipeline.flush(now: start + minute))
            benchmark.stopMeasurement()
        }
    }

    Benchmark("10k groups take their second step at once (decide, notify the director)") { benchmark in
        guard let pipeline = try? await pipeline(count: 10_000, policy: true) else { return }
        await pipeline.receive(alerts(10_000, at: start + 14 * minute), now: start + 14 * minute, persist: false)
        benchmark.startMeasurement()
        let sent = await pipeline.flush(now: start + 15 * minute)
        benchmark.stopMeasurement()
        precondition(sent.count == 10_000, "expected 10k pages, got \(sent.count)")
    }
}
