import Synchronization

/// The request ids of signed acknowledgements already taken, so a replayed request changes nothing
/// even after a restart. Declared here, kept in SQLite by `Storage`.
public protocol AckRequestLedger: Sendable {
    /// Records `id` as seen at `now` (ms); false when it was seen before.
    func claim(id: String, now: Int64) throws -> Bool
    /// Records `ids` as seen at `now` (ms), in one transaction where the ledger has them; for each, in
    /// order, whether it was new (an id twice in `ids` is new only the first time).
    func claim(ids: [String], now: Int64) throws -> [Bool]
    /// Forgets ids seen before `cutoff` (ms): long after the 5-minute window a replay would need.
    func forget(before cutoff: Int64) throws
    /// Forgets `ids` at once: their acknowledgements could not be saved, so a retry must be taken.
    func release(ids: [String]) throws
}

extension AckRequestLedger {
    public func claim(ids: [String], now: Int64) throws -> [Bool] {
        try ids.map { try claim(id: $0, now: now) }
    }
}

/// Request ids remembered in memory only: for a pipeline without a database (tests, tools).
public final class InMemoryAckRequestLedger: AckRequestLedger {
    private let seen = Mutex<[String: Int64]>([:])

    public init() {}

    public func claim(id: String, now: Int64) throws -> Bool {
        seen.withLock { seen in
            guard seen[id] == nil else { return false }
            seen[id] = now
            return true
        }
    }

    public func forget(before cutoff: Int64) throws {
        seen.withLock { seen in seen = seen.filter { $0.value >= cutoff } }
    }

    public func release(ids: [String]) throws {
        seen.withLock { seen in for id in ids { seen[id] = nil } }
    }
}
