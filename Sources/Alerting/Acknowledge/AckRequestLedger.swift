/// The request ids of signed acknowledgements already taken, so a replayed request changes nothing
/// even after a restart. Declared here, kept in SQLite by `Storage`.
public protocol AckRequestLedger: Sendable {
    /// Records `id` as seen at `now` (ms); false when it was seen before.
    func claim(id: String, now: Int64) throws -> Bool
    /// Forgets ids seen before `cutoff` (ms): long after the 5-minute window a replay would need.
    func forget(before cutoff: Int64) throws
}
