import Foundation
import GRDB

/// Online backups of the database, and restoring one, without stopping anything that writes.
///
/// A backup is SQLite's online backup API (through GRDB) run inside one read transaction, so it is
/// a consistent snapshot of every committed transaction while the daemon keeps writing; the copy
/// is written beside its destination, checked with `PRAGMA integrity_check`, and only then renamed
/// into place (mode 0600), so a half-written backup never carries the final name.
public enum DatabaseBackup {
    /// Copies the live database `database` to `destination`.
    public static func backup(_ database: VigilDatabase, to destination: String) throws(StorageError)
        -> DatabaseCheck
    {
        try write(destination) { (partial: DatabaseQueue) throws(StorageError) in
            do {
                try database.pool.backup(to: partial)
            } catch {
                throw VigilDatabase.classify(error, path: database.path)
            }
        }
    }

    /// Copies the database file at `source` (a daemon may be running on it) to `destination`.
    public static func backup(file source: String, to destination: String) throws(StorageError) -> DatabaseCheck {
        guard FileManager.default.fileExists(atPath: source) else {
            throw .unreadable(path: source, reason: "no such file")
        }
        let reader = try DatabaseCheck.openReadOnly(source)
        defer { try? reader.close() }
        let isVigil: Bool
        do {
            isVigil = try reader.read { db in try db.tableExists("grdb_migrations") }
        } catch {
            throw VigilDatabase.classify(error, path: source)
        }
        guard isVigil else { throw .notVigil(path: source) }
        return try write(destination) { (partial: DatabaseQueue) throws(StorageError) in
            do {
                try reader.backup(to: partial)
            } catch {
                throw VigilDatabase.classify(error, path: source)
            }
        }
    }

    /// Replaces the database at `databasePath` with the backup at `backup`, after checking that the
    /// backup is sound and not from a newer Vigil. Refuses while a daemon holds the database. The
    /// replaced database (with its WAL) is kept as `<database>.before-restore-<time>`; that name is
    /// returned with the backup's check.
    public static func restore(from backup: String, to databasePath: String, at now: Date) throws(StorageError)
        -> (check: DatabaseCheck, previous: String?)
    {
        let lock = try DatabaseLock(databasePath: databasePath)
        defer { lock.release() }
        let check = try DatabaseCheck.inspect(backup)
        guard check.integrity == ["ok"] else {
            throw .corrupt(path: backup, reason: check.integrity.joined(separator: "; "))
        }
        if !check.unknownMigrations.isEmpty {
            throw .newerSchema(path: backup, unknownMigrations: check.unknownMigrations)
        }
        let files = FileManager.default
        var previous: String?
        if files.fileExists(atPath: databasePath) {
            let aside = databasePath + ".before-restore-" + stamp(now)
            for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: databasePath + suffix) {
                do {
                    try files.moveItem(atPath: databasePath + suffix, toPath: aside + suffix)
                } catch {
                    throw .failed(path: databasePath + suffix, reason: "cannot move it aside: \(error)")
                }
            }
            previous = aside
        }
        let partial = databasePath + ".restore-partial"
        try? files.removeItem(atPath: partial)
        do {
            try files.copyItem(atPath: backup, toPath: partial)
            try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: partial)
            try sync(partial)
            try files.moveItem(atPath: partial, toPath: databasePath)
        } catch {
            throw .failed(path: databasePath, reason: "cannot put the backup in place: \(error)")
        }
        return (check, previous)
    }

    /// `20261205T051000Z`: the UTC time in a file name.
    public static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    private static func write(_ destination: String, copy: (DatabaseQueue) throws(StorageError) -> Void)
        throws(StorageError) -> DatabaseCheck
    {
        let files = FileManager.default
        guard !files.fileExists(atPath: destination) else { throw .alreadyExists(path: destination) }
        let directory = (destination as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreateDirectory(path: directory, reason: error.localizedDescription)
            }
        }
        let partial = destination + ".partial"
        try? files.removeItem(atPath: partial)
        _ = files.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600])
        do throws(StorageError) {
            let queue: DatabaseQueue
            do {
                queue = try DatabaseQueue(path: partial)
            } catch {
                throw VigilDatabase.classify(error, path: partial)
            }
            try copy(queue)
            do {
                // One self-contained file: no WAL beside it to lose when it is copied elsewhere.
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
                try queue.close()
            } catch {
                throw VigilDatabase.classify(error, path: partial)
            }
            let check = try DatabaseCheck.inspect(partial)
            guard check.integrity == ["ok"] else {
                throw StorageError.corrupt(path: partial, reason: check.integrity.joined(separator: "; "))
            }
            do {
                try sync(partial)
                try files.moveItem(atPath: partial, toPath: destination)
            } catch {
                throw StorageError.failed(path: destination, reason: "\(error)")
            }
            var renamed = check
            renamed.path = destination
            return renamed
        } catch {
            try? files.removeItem(atPath: partial)
            throw error
        }
    }

    private static func sync(_ path: String) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.synchronize()
    }
}
