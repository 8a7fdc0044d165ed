/// Where durable state (notification outbox, acknowledgements, silences, incidents) lives.
public struct StorageConfig: Sendable, Equatable {
    /// Absolute path of the SQLite database file.
    public var path: String

    public init(path: String) {
        self.path = path
    }
}
