import Dispatch
import Foundation
import Prometheus
import Synchronization

/// At most `limit` queries evaluate at once (Prometheus' `--query.max-concurrency`); the rest wait
/// their turn in arrival order. Each runs on a thread of its own, never on Swift's cooperative pool,
/// so a heavy Grafana query cannot take the threads rule evaluation, scraping and the HTTP event
/// loops need. `vigil_engine_queries` counts queries running or waiting,
/// `vigil_engine_queries_concurrent_max` shows the limit, as Prometheus' engine metrics do.
public final class QueryGate: Sendable {
    public let limit: Int
    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())
    private let queries: Gauge?
    private let queue = DispatchQueue(label: "vigil-query", qos: .utility, attributes: .concurrent)

    public init(limit: Int = 20, registry: PrometheusCollectorRegistry? = nil) {
        self.limit = max(1, limit)
        queries = registry?.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "engine_queries", unitName: "",
                helpText: "The current number of queries being executed or waiting."))
        registry?.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "engine_queries_concurrent_max", unitName: "",
                helpText: "The max number of concurrent queries.")
        ).set(Double(self.limit))
    }

    /// Queries running now and waiting for a turn.
    public var load: (running: Int, waiting: Int) {
        state.withLock { ($0.running, $0.waiting.count) }
    }

    /// Waits for a turn, runs `body` on a query thread, and gives the turn to the next in line.
    /// `waited` is how long the wait took, so a caller can count it against the query's timeout.
    func run<T: Sendable>(_ body: @escaping @Sendable (_ waited: Duration) -> T) async -> T {
        queries?.increment()
        let arrived = ContinuousClock.now
        await acquire()
        let waited = ContinuousClock.now - arrived
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            queue.async { continuation.resume(returning: body(waited)) }
        }
        release()
        queries?.decrement()
        return result
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let admitted = state.withLock { state in
                if state.running < limit {
                    state.running += 1
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if admitted { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()  // the turn passes on; `running` stays the same
        }
        next?.resume()
    }
}
