import Synchronization

/// What each scrape loop last saw of its target, for `/api/v1/targets`: shared between the loops
/// (which write after every scrape) and the status route (which reads).
final class ScrapeHealth: Sendable {
    struct Entry: Sendable, Equatable {
        /// ms; nil before the first scrape.
        var lastScrape: Int64?
        var duration: Double = 0
        var failure: String?
    }

    private let entries = Mutex<[ScrapeTarget: Entry]>([:])

    func record(_ target: ScrapeTarget, at time: Int64, duration: Double, failure: String?) {
        entries.withLock { $0[target] = Entry(lastScrape: time, duration: duration, failure: failure) }
    }

    func forget(_ target: ScrapeTarget) {
        entries.withLock { $0[target] = nil }
    }

    func entry(_ target: ScrapeTarget) -> Entry {
        entries.withLock { $0[target] } ?? Entry()
    }
}
