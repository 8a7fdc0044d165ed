import Dispatch
import Foundation
import GRDB
import Synchronization
import TestSupport
import Testing

@testable import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// Online backups taken while the daemon writes, restores that refuse what they must, the health
/// check `vigil admin check` prints, and the lock that keeps one daemon per database.
@Suite("Backup, restore, check and the database lock")
struct DatabaseBackupTests {
    /// 2026-07-01T01:01:01Z.
    static let restoreTime = Date(timeIntervalSince1970: 1_782_867_661)

    // MARK: Backup

    @Test func aBackupTakenDuringABurstOfWritesHoldsExactlyAPrefixOfTheCommittedRows() throws {
        let directory = TestDirectory()
        let database = try VigilDatabase(path: directory.file("data/vigil.db"))
        let log = AuditLog(database: database)
        let burst = AuditBurst(log: log)
        try #require(burst.waitUntilWritten(200), "the burst never got going: \(burst.failure ?? "no error")")

        let committedBefore = try log.count()
        let backup = directory.file("backups/during-burst.db")
        let check = try DatabaseBackup.backup(database, to: backup)
        let ids = try Self.auditIDs(backup)
        // The writes go on past the snapshot: the backup was taken under load, not after it.
        let continued = burst.waitUntilWritten(ids.count + 100)
        burst.stop()
        #expect(burst.failure == nil)
        #expect(continued, "the burst stopped writing during the backup")

        #expect(check.path == backup)
        #expect(check.integrity == ["ok"])
        #expect(check.isHealthy)
        #expect(ids.count >= committedBefore, "the backup lost rows committed before it started")
        #expect(ids == Array(1...Int64(ids.count)), "the backup is not a prefix of the log")
        #expect(check.rows["audit_log"] == ids.count)
        #expect(try log.count() > ids.count)
        // One self-contained, private file: no WAL, no partial copy beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("backups")) == ["during-burst.db"])
        #expect(try Self.mode(backup) == 0o600)
        #expect(try Self.journalMode(backup) == "delete")

        let restored = directory.file("elsewhere/vigil.db")
        let outcome = try DatabaseBackup.restore(from: backup, to: restored, at: Self.restoreTime)
        #expect(outcome.previous == nil)
        #expect(outcome.check.rows["audit_log"] == ids.count)
        #expect(try Self.mode(restored) == 0o600)
        let reopened = try VigilDatabase(path: restored)
        #expect(try AuditLog(database: reopened).count() == ids.count)
        #expect(try reopened.appliedMigrations() == VigilDatabase.knownMigrations)
        try reopened.close()
        try database.close()
    }

    @Test func backupRefusesAnExistingDestinationAndLeavesNoPartialFile() throws {
        let directory = TestDirectory()
        let database = try VigilDatabase(path: directory.file("vigil.db"))
        try Self.append(3, to: database)
        let destination = try directory.write("backups/taken.db", "an earlier backup someone keeps\n")

        #expect(throws: StorageError.alreadyExists(path: destination)) {
            try DatabaseBackup.backup(database, to: destination)
        }
        #expect(throws: StorageError.alreadyExists(path: destination)) {
            try DatabaseBackup.backup(file: database.path, to: destination)
        }
        #expect(try String(contentsOfFile: destination, encoding: .utf8) == "an earlier backup someone keeps\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("backups")) == ["taken.db"])

        // A copy that fails its check is removed too: nothing carries the final name or `.partial`.
        let foreign = try Self.foreignSQLite(directory.file("foreign.db"))
        let refused = directory.file("backups/foreign-copy.db")
        #expect(throws: StorageError.self) { try DatabaseBackup.backup(file: foreign, to: refused) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("backups")) == ["taken.db"])
        try database.close()
    }

    @Test func aBackupOfTheFileWhileADatabaseHasItOpenHoldsItsCommittedRows() throws {
        let directory = TestDirectory()
        let path = directory.file("data/vigil.db")
        let database = try VigilDatabase(path: path)
        try Self.append(25, to: database)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"), "the rows should still be in the WAL")

        let backup = directory.file("backups/offline.db")
        let check = try DatabaseBackup.backup(file: path, to: backup)
        #expect(check.isHealthy)
        #expect(check.rows["audit_log"] == 25)
        #expect(try Self.auditIDs(backup) == Array(1...25))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("backups")) == ["offline.db"])
        // The live database goes on as before.
        try Self.append(1, to: database)
        #expect(try AuditLog(database: database).count() == 26)
        try database.close()
    }

    @Test func theStampIsTheUTCTimeInAFileName() {
        #expect(DatabaseBackup.stamp(Self.restoreTime) == "20260701T010101Z")
    }

    // MARK: Restore

    @Test func restoreMovesTheReplacedDatabaseAndItsWriteAheadLogAside() throws {
        let directory = TestDirectory()
        let source = try VigilDatabase(path: directory.file("source/vigil.db"))
        try Self.append(3, to: source)
        let backup = directory.file("backup.db")
        _ = try DatabaseBackup.backup(source, to: backup)
        try source.close()

        // The target as a killed daemon leaves it: five rows, still in the write-ahead log.
        let target = directory.file("data/vigil.db")
        let crashed = try VigilDatabase(path: directory.file("crashed/vigil.db"))
        try Self.append(5, to: crashed)
        try FileManager.default.createDirectory(atPath: directory.file("data"), withIntermediateDirectories: true)
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: crashed.path + suffix, toPath: target + suffix)
        }
        try crashed.close()
        try #require(try Self.size(target + "-wal") > 0)

        let outcome = try DatabaseBackup.restore(from: backup, to: target, at: Self.restoreTime)
        let aside = target + ".before-restore-20260701T010101Z"
        #expect(outcome.previous == aside)
        #expect(outcome.check.path == backup)
        #expect(FileManager.default.fileExists(atPath: aside))
        #expect(FileManager.default.fileExists(atPath: aside + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: target + "-wal"))

        let restored = try VigilDatabase(path: target)
        #expect(try AuditLog(database: restored).count() == 3)
        try restored.close()
        // The replaced database, with its log, still holds everything it had.
        let previous = try VigilDatabase(path: aside)
        #expect(try AuditLog(database: previous).count() == 5)
        try previous.close()
    }

    @Test func restoreRefusesWhileADaemonHoldsTheDatabase() throws {
        let directory = TestDirectory()
        let (backup, target) = try Self.backupAndTarget(in: directory)
        let before = try Self.snapshot(of: target)
        let lock = try DatabaseLock(databasePath: target)

        #expect(throws: StorageError.inUse(path: target, holder: "pid \(getpid())")) {
            try DatabaseBackup.restore(from: backup, to: target, at: Self.restoreTime)
        }
        #expect(try Self.snapshot(of: target) == before)
        lock.release()
        // Once the daemon is gone the same restore goes through.
        let outcome = try DatabaseBackup.restore(from: backup, to: target, at: Self.restoreTime)
        #expect(outcome.previous != nil)
    }

    @Test func restoreRefusesABackupWrittenByANewerVigil() throws {
        let directory = TestDirectory()
        let (backup, target) = try Self.backupAndTarget(in: directory)
        let newer = try DatabaseQueue(path: backup)
        try newer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99_from_the_future')")
        }
        try newer.close()
        let before = try Self.snapshot(of: target)

        #expect(throws: StorageError.newerSchema(path: backup, unknownMigrations: ["v99_from_the_future"])) {
            try DatabaseBackup.restore(from: backup, to: target, at: Self.restoreTime)
        }
        #expect(try Self.snapshot(of: target) == before)
        let check = try DatabaseCheck.inspect(backup)
        #expect(!check.isHealthy)
        #expect(check.text.contains("written by a newer Vigil: v99_from_the_future"))
    }

    /// Files that are not a sound Vigil backup.
    enum Impostor: String, CaseIterable, Sendable {
        case foreignSQLite, corrupt, notSQLite
    }

    @Test(arguments: Impostor.allCases)
    func restoreRefusesAFileThatIsNotASoundVigilBackup(_ impostor: Impostor) throws {
        let directory = TestDirectory()
        let (backup, target) = try Self.backupAndTarget(in: directory)
        let file: String
        switch impostor {
        case .foreignSQLite:
            file = try Self.foreignSQLite(directory.file("foreign.db"))
        case .notSQLite:
            file = try directory.write("notes.db", "rota notes, not a database\n")
        case .corrupt:
            file = try Self.corrupted(backup)
        }
        let before = try Self.snapshot(of: target)

        #expect {
            try DatabaseBackup.restore(from: file, to: target, at: Self.restoreTime)
        } throws: { error in
            switch (impostor, error as? StorageError) {
            case (.foreignSQLite, .notVigil(let path)?): return path == file
            case (.corrupt, .corrupt(let path, _)?): return path == file
            case (.notSQLite, .notADatabase(let path)?): return path == file
            default: return false
            }
        }
        #expect(try Self.snapshot(of: target) == before)
    }

    // MARK: Check

    @Test func checkCountsTheOutboxByStateAndTheRowsOfEachTable() throws {
        let directory = TestDirectory()
        let database = try VigilDatabase(path: directory.file("vigil.db"))
        try Self.append(4, to: database)
        try database.pool.write { db in
            for (index, state) in ["pending", "pending", "delivered", "dead", "dead", "dead"].enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO outbox (id, receiver, integration, group_key, body, status, alert_count,
                            created_at, attempts, next_attempt_at, state)
                        VALUES (?, 'pager', 'webhook', '{}:{}', x'7b7d', 'firing', 1, 0, 0, 0, ?)
                        """,
                    arguments: ["message-\(index)", state])
            }
        }

        let check = try DatabaseCheck.inspect(database.path)
        #expect(check.integrity == ["ok"])
        #expect(check.isHealthy)
        #expect(check.outbox == ["pending": 2, "delivered": 1, "dead": 3])
        #expect(check.rows["outbox"] == 6)
        #expect(check.rows["audit_log"] == 4)
        #expect(check.rows["silence"] == 0)
        #expect(check.rows["grdb_migrations"] == nil)
        #expect(check.appliedMigrations == VigilDatabase.knownMigrations)
        #expect(check.unknownMigrations.isEmpty)
        #expect(check.pendingMigrations.isEmpty)
        #expect(check.fileBytes > 0)
        #expect(check.text.contains("outbox:     2 pending, 1 delivered, 3 dead"))
        #expect(check.text.contains("audit log:  4 entries"))
        #expect(check.text.contains("integrity:  ok"))
        try database.close()
    }

    @Test func checkRefusesAMissingFileAndOneThatIsNotVigils() throws {
        let directory = TestDirectory()
        let missing = directory.file("missing.db")
        #expect(throws: StorageError.unreadable(path: missing, reason: "no such file")) {
            try DatabaseCheck.inspect(missing)
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let foreign = try Self.foreignSQLite(directory.file("foreign.db"))
        #expect(throws: StorageError.notVigil(path: foreign)) { try DatabaseCheck.inspect(foreign) }
    }

    // MARK: Lock

    @Test func aSecondLockOnTheSameDatabaseFailsUntilTheFirstIsReleased() throws {
        let directory = TestDirectory()
        let database = directory.file("data/vigil.db")
        let first = try DatabaseLock(databasePath: database)
        #expect(first.path == database + ".lock")
        #expect(try String(contentsOfFile: first.path, encoding: .utf8) == "pid \(getpid())\n")

        #expect(throws: StorageError.inUse(path: database, holder: "pid \(getpid())")) {
            try DatabaseLock(databasePath: database)
        }
        #expect(StorageError.inUse(path: database, holder: "pid 7").description.contains("(pid 7); stop it first"))
        first.release()
        first.release()  // twice is harmless

        let second = try DatabaseLock(databasePath: database)
        second.release()
        // A lock nobody releases goes with its owner.
        do { _ = try DatabaseLock(databasePath: database) }
        let third = try DatabaseLock(databasePath: database)
        third.release()
    }

    // MARK: Helpers

    static func append(_ count: Int, to database: VigilDatabase) throws {
        let log = AuditLog(database: database)
        for index in 0..<count {
            try log.append(
                AuditEntry(at: Date(timeIntervalSince1970: Double(index)), actor: "test", action: "t.\(index)"))
        }
    }

    /// A healthy backup with two rows, and a live-looking target database with one.
    static func backupAndTarget(in directory: TestDirectory) throws -> (backup: String, target: String) {
        let source = try VigilDatabase(path: directory.file("source/vigil.db"))
        try append(2, to: source)
        let backup = directory.file("backup.db")
        _ = try DatabaseBackup.backup(source, to: backup)
        try source.close()
        let target = try VigilDatabase(path: directory.file("data/vigil.db"))
        try append(1, to: target)
        try target.close()
        return (backup, target.path)
    }

    /// The files beside `database` (the lock file aside, which restore takes) and the database's bytes.
    static func snapshot(of database: String) throws -> [String: Data] {
        let folder = (database as NSString).deletingLastPathComponent
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasSuffix(".lock") {
            files[name] = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
        }
        return files
    }

    static func auditIDs(_ path: String) throws -> [Int64] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM audit_log ORDER BY id") }
    }

    static func journalMode(_ path: String) throws -> String? {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }

    /// An SQLite database of someone else's.
    static func foreignSQLite(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE rota (day TEXT, person TEXT); INSERT INTO rota VALUES ('mon', 'a')")
        }
        try queue.close()
        return path
    }

    /// A copy of `backup` with its first page (header and schema) intact and every other page garbage.
    static func corrupted(_ backup: String) throws -> String {
        var bytes = try #require(FileManager.default.contents(atPath: backup))
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        try #require(bytes.count > 2 * pageSize)
        for index in pageSize..<bytes.count { bytes[index] = UInt8(truncatingIfNeeded: index * 31 + 7) }
        let path = backup + ".corrupt"
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func size(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }
}

/// Appends audit entries, one transaction after another, on a thread of its own until stopped:
/// the daemon's writes while a backup is taken.
final class AuditBurst: Sendable {
    private struct State {
        var written = 0
        var stopping = false
        var failure: String?
        var waiter: (count: Int, semaphore: DispatchSemaphore)?
    }

    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)

    init(log: AuditLog) {
        Thread { self.run(log) }.start()
    }

    var failure: String? { state.withLock { $0.failure } }

    /// Waits (at most 30 s) until `count` entries are committed; false when that never happened.
    func waitUntilWritten(_ count: Int) -> Bool {
        let semaphore = DispatchSemaphore(value: 0)
        let done = state.withLock { state in
            if state.written >= count || state.failure != nil || state.stopping { return true }
            state.waiter = (count, semaphore)
            return false
        }
        if !done { _ = semaphore.wait(timeout: .now() + 30) }
        return state.withLock { $0.written >= count }
    }

    /// Stops writing and waits (at most 30 s) for the thread to finish.
    func stop() {
        state.withLock { $0.stopping = true }
        _ = finished.wait(timeout: .now() + 30)
    }

    private func run(_ log: AuditLog) {
        var index = 0
        while !state.withLock({ $0.stopping }) {
            index += 1
            var failed: String?
            do {
                try log.append(
                    AuditEntry(at: Date(timeIntervalSince1970: Double(index)), actor: "burst", action: "test.burst"))
            } catch {
                failed = "\(error)"
            }
            let wake = state.withLock { state -> DispatchSemaphore? in
                if let failed { state.failure = failed } else { state.written += 1 }
                guard let waiter = state.waiter, state.written >= waiter.count || failed != nil else { return nil }
                state.waiter = nil
                return waiter.semaphore
            }
            wake?.signal()
            if failed != nil { break }
        }
        finished.signal()
    }
}
