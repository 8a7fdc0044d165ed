/// Where incidents survive a restart. The engine declares it; `Storage` implements it in SQLite
/// and the daemon wires the two, saving every incident the engine changed.
public protocol IncidentStore: Sendable {
    /// Writes `incidents` whole (insert or replace), all or none.
    func save(_ incidents: [Incident]) throws
    /// The incidents not yet reviewed, which the engine keeps working on after a restart.
    func loadUnreviewed() throws -> [Incident]
    /// The highest incident number ever given (0 when none), so numbers are never reused.
    func highestNumber() throws -> Int
}
