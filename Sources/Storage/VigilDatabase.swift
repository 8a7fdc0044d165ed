import Foundation
import GRDB

/// The daemon's one SQLite file, opened in WAL mode so readers (the HTTP API) never wait on the
/// writer (the evaluation loop).
///
/// Opening is conservative: it creates the file when absent, migrates an older schema forward,
/// and refuses — without writing a byte — a file that is not SQLite, is corrupt, or was written by
/// a newer Vigil. Repositories (``AuditLog`` and, later, alert state, silences, the outbox) are
/// handed this value.
public final class VigilDatabase: Sendable {
    /// Absolute path of the database file.
    public let path: String
    let pool: DatabasePool

    private static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    /// Opens (creating if needed) and migrates the database at `path`.
    public init(path: String) throws(StorageError) {
        self.path = path
        try Self.prepareDirectory(for: path)
        try Self.checkExistingFile(at: path)
        Self.createPrivately(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        configuration.label = "vigil"
        // WAL with synchronous=NORMAL: a committed transaction survives the process being killed at any
        // moment (kill -9, a crash); only a power loss may undo the last few. Commits then cost no fsync,
        // which is what lets the outbox record thousands of notifications a second.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.classify(error, path: path)
        }
        try migrate()
        // SQLite gives the WAL and shared-memory files the database file's mode; keep all three 0600
        // (alerts, silences and notification bodies are nobody else's business), older files too.
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
    }

    /// Creates the database file empty with mode 0600 before SQLite opens it, so it never exists
    /// readable by others, even for a moment.
    private static func createPrivately(_ path: String) {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
    }

    /// Identifiers of the migrations applied to this database, in order.
    public func appliedMigrations() throws(StorageError) -> [String] {
        try read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// Identifiers of every migration this build of Vigil knows.
    public static var knownMigrations: [String] { Migrations.identifiers }

    /// Closes the pool; later calls fail. Called once at shutdown, after in-flight writes finished.
    public func close() throws(StorageError) {
        do {
            try pool.close()
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    private func migrate() throws(StorageError) {
        let migrator = Migrations.migrator
        let superseded: Bool = try read { db in try migrator.hasBeenSuperseded(db) }
        if superseded {
            let applied: Set<String> = try read { db in try migrator.appliedIdentifiers(db) }
            let unknown = applied.subtracting(Migrations.identifiers).sorted()
            throw .newerSchema(path: path, unknownMigrations: unknown)
        }
        do {
            try migrator.migrate(pool)
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    private static func prepareDirectory(for path: String) throws(StorageError) {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: directory, reason: error.localizedDescription)
        }
    }

    /// A file that exists must be readable and start with SQLite's magic header; anything else is
    /// reported before SQLite gets a chance to write to it.
    private static func checkExistingFile(at path: String) throws(StorageError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or not a regular file")
        }
        defer { try? handle.close() }
        let header: Data
        do {
            header = try handle.read(upToCount: sqliteHeader.count) ?? Data()
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        if header.isEmpty { return }  // an empty file is a new database to SQLite
        if Array(header) != sqliteHeader { throw .notADatabase(path: path) }
    }

    static func classify(_ error: any Error, path: String) -> StorageError {
        if let error = error as? StorageError { return error }
        guard let error = error as? DatabaseError else {
            return .failed(path: path, reason: "\(error)")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path, reason: error.message ?? "corrupt")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return .unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        default:
            return .failed(path: path, reason: error.message ?? "\(error)")
        }
    }
}
