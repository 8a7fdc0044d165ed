// PromQL: parsing and evaluation.
//
// Run from the repository root with `make bench`, or
//   cd Benchmarks && swift package --disable-sandbox benchmark --no-progress --target PromQLBenchmarks

import Benchmark
import PromQL

/// One hundred expressions of the kind rule files hold: selectors, rates, aggregations, vector
/// matching, histogram quantiles, subqueries, offsets.
let ruleExpressions: [String] = {
    let templates = [
        #"up{job="vigil"} == 0"#,
        #"rate(http_requests_total{job="api", code=~"5.."}[5m])"#,
        #"sum by (job) (rate(http_requests_total[5m]))"#,
        #"sum by (job, instance) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job, instance) (rate(http_requests_total[5m])) > 0.05"#,
        #"histogram_quantile(0.99, sum by (le, job) (rate(http_request_duration_seconds_bucket[5m])))"#,
        #"avg_over_time(resilience_coverage_ratio{rotation="icu"}[1h]) < 0.8"#,
        #"increase(resilience_violations_total[1d]) > 0"#,
        #"predict_linear(node_filesystem_avail_bytes{fstype!~"tmpfs|overlay"}[6h], 4 * 3600) < 0"#,
        #"max_over_time(rate(process_cpu_seconds_total[1m])[30m:1m]) > 0.9"#,
        #"count by (rotation) (resilience_defense_level >= 3)"#,
        #"topk(5, sum without (instance) (rate(container_cpu_usage_seconds_total{container!=""}[5m])))"#,
        #"absent(up{job="vigil"})"#,
        #"resilience_faculty_hours / on (faculty) group_left (department) faculty_info"#,
        #"(node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes) * 100 < 10"#,
        #"delta(resilience_buffer_days[1h] offset 1d) < -2"#,
        #"label_replace(up, "host", "$1", "instance", "(.*):.*")"#,
        #"sum(rate(errors_total[5m])) by (service) / ignoring (code) sum(rate(requests_total[5m])) by (service)"#,
        #"quantile_over_time(0.95, latency_seconds{quantile="0.5"}[10m])"#,
        #"changes(resilience_schedule_version[1h]) > 3 and on (program) resilience_defense_level > 1"#,
        #"clamp_min(resilience_coverage_ratio - 0.5, 0) unless resilience_maintenance_mode == 1"#,
    ]
    return (0..<100).map { templates[$0 % templates.count] }
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 50
    )

    Benchmark("parse 100 rule expressions", configuration: .init(maxIterations: 1000)) { benchmark in
        for _ in benchmark.scaledIterations {
            for text in ruleExpressions { blackHole(try? PromQLParser.parse(text)) }
        }
    }

    Benchmark("parse and print 100 rule expressions", configuration: .init(maxIterations: 1000)) { benchmark in
        for _ in benchmark.scaledIterations {
            for text in ruleExpressions { blackHole((try? PromQLParser.parse(text))?.description) }
        }
    }
}
