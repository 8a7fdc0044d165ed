import Foundation
import GRDB

/// The resilience engine's operator-decided state as stored: a load-shedding level (0…5) and the
/// activated static-stability fallback's name, with who set them and when.
///
/// Plain numbers and names, because `Storage` knows nothing of the engine's types; the daemon
/// converts (and refuses values it does not know, rather than guessing).
public struct StoredResilienceState: Sendable, Equatable {
    public var loadSheddingLevel: Int
    public var activeFallback: String?
    public var updatedAt: Date
    public var actor: String

    public init(loadSheddingLevel: Int, activeFallback: String?, updatedAt: Date, actor: String) {
        self.loadSheddingLevel = loadSheddingLevel
        self.activeFallback = activeFallback
        self.updatedAt = updatedAt
        self.actor = actor
    }
}

/// The repository of the one ``StoredResilienceState``, so a decision to shed load or run a
/// fallback survives a restart (an operator must never find it silently undone).
public struct ResilienceStateStore: Sendable {
    private let database: VigilDatabase

    public init(database: VigilDatabase) {
        self.database = database
    }

    /// Stores `state` in place of the previous one.
    public func save(_ state: StoredResilienceState) throws(StorageError) {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO resilience_state (id, load_shedding_level, active_fallback, updated_at, actor)
                    VALUES (1, ?, ?, ?, ?)
                    """,
                arguments: [
                    state.loadSheddingLevel, state.activeFallback, state.updatedAt.timeIntervalSince1970, state.actor,
                ])
        }
    }

    /// The stored state; nil when nobody ever set one.
    public func load() throws(StorageError) -> StoredResilienceState? {
        try database.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT load_shedding_level, active_fallback, updated_at, actor FROM resilience_state WHERE id = 1"
                )
            else { return nil }
            return StoredResilienceState(
                loadSheddingLevel: row["load_shedding_level"], activeFallback: row["active_fallback"],
                updatedAt: Date(timeIntervalSince1970: row["updated_at"]), actor: row["actor"])
        }
    }
}
