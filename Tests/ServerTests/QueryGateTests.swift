import Dispatch
import Foundation
import HTTPTypes
import Prometheus
import Synchronization
import Testing
import TimeSeries

@testable import Server

/// ``QueryGate``: at most `limit` queries evaluate at once, the rest wait in arrival order, and the
/// time waited counts against the query's timeout.
@Suite struct QueryGateTests {
    /// A query body that blocks its (query) thread until the test opens it.
    final class Latch: Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        func wait() { semaphore.wait() }
        func open(_ count: Int) { for _ in 0..<count { semaphore.signal() } }
    }

    final class Order: Sendable {
        let list = Mutex<[Int]>([])
        var values: [Int] { list.withLock { $0 } }
    }

    /// Yields until `condition` holds (the queries get to their places on other threads).
    private func until(_ what: String, _ condition: () -> Bool) async throws {
        for _ in 0..<100_000 {
            if condition() { return }
            await Task.yield()
        }
        Issue.record("never happened: \(what)")
    }

    @Test func queriesBeyondTheLimitWaitAndRunInArrivalOrder() async throws {
        let registry = PrometheusCollectorRegistry()
        let gate = QueryGate(limit: 2, registry: registry)
        let latch = Latch()
        let started = Order()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<5 {
                // One at a time, so the arrival order is the index order.
                group.addTask {
                    await gate.run { _ in
                        started.list.withLock { $0.append(index) }
                        latch.wait()
                        return index
                    }
                }
                try await until("query \(index) arrived") { gate.load.running + gate.load.waiting == index + 1 }
            }
            try await until("two running, three waiting") { gate.load == (2, 3) }
            try await until("the first two started") { started.values.count == 2 }
            #expect(started.values.sorted() == [0, 1])
            #expect(registry.emitToString().contains("vigil_engine_queries 5"))
            // One slot at a time, so the order the waiting queries start in is the order admitted.
            for next in 2..<5 {
                latch.open(1)
                try await until("query \(next) started") { started.values.count == next + 1 }
            }
            latch.open(2)
            var finished: [Int] = []
            for try await index in group { finished.append(index) }
            #expect(finished.sorted() == [0, 1, 2, 3, 4])
        }
        #expect(started.values.suffix(3) == [2, 3, 4], "waiting queries ran out of arrival order")
        #expect(gate.load == (0, 0))
        let metrics = registry.emitToString()
        #expect(metrics.contains("vigil_engine_queries 0"))
        #expect(metrics.contains("vigil_engine_queries_concurrent_max 2"))
    }

    @Test func timeSpentWaitingCountsAgainstTheTimeout() throws {
        let store = SeriesStore()
        let api = QueryAPI(settings: QueryAPISettings(store: store)) { 0 }
        let parameters = FormParameters(encoded: "query=1")
        guard case .failure(let error) = api.instant(parameters, waited: .seconds(120)) else {
            Issue.record("a query that waited out its timeout still ran")
            return
        }
        #expect(error.status == .serviceUnavailable)
        #expect(error.message == "query timed out in query queue")
        guard case .success = api.instant(parameters, waited: .seconds(119)) else {
            Issue.record("a query with time left was refused")
            return
        }
    }
}
