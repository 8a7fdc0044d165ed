import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

@Suite("Opening and migrating the database")
struct VigilDatabaseTests {
    @Test func migratesAnEmptyDirectoryToTheCurrentSchema() throws {
        let directory = TestDirectory()
        let path = directory.file("nested/vigil.db")
        let database = try VigilDatabase(path: path)
        #expect(try database.appliedMigrations() == VigilDatabase.knownMigrations)
        #expect(FileManager.default.fileExists(atPath: path))
        let journal = try database.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        try database.close()
    }

    @Test func reopeningKeepsDataAndDoesNotReapplyMigrations() throws {
        let directory = TestDirectory()
        let path = directory.file("vigil.db")
        let first = try VigilDatabase(path: path)
        try AuditLog(database: first).append(AuditEntry(at: Date(timeIntervalSince1970: 10), actor: "t", action: "a"))
        try first.close()
        let second = try VigilDatabase(path: path)
        #expect(try AuditLog(database: second).count() == 1)
        #expect(try second.appliedMigrations() == VigilDatabase.knownMigrations)
        try second.close()
    }

    @Test func refusesADatabaseWrittenByANewerSchema() throws {
        let directory = TestDirectory()
        let path = directory.file("vigil.db")
        let database = try VigilDatabase(path: path)
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99_from_the_future')")
        }
        try database.close()

        #expect(throws: StorageError.newerSchema(path: path, unknownMigrations: ["v99_from_the_future"])) {
            try VigilDatabase(path: path)
        }
        // Nothing was migrated "back": the file still holds exactly what the newer Vigil wrote.
        let untouched = try DatabaseQueue(path: path)
        let identifiers = try untouched.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(identifiers == (VigilDatabase.knownMigrations + ["v99_from_the_future"]).sorted())
        try untouched.close()
        let message = StorageError.newerSchema(path: path, unknownMigrations: ["v99_from_the_future"]).description
        #expect(message.contains("newer version of Vigil"))
        #expect(message.contains("v99_from_the_future"))
    }

    @Test func refusesAFileThatIsNotSQLiteAndLeavesItUntouched() throws {
        let directory = TestDirectory()
        let path = directory.file("vigil.db")
        let content = Data("this is a coordinator's spreadsheet, not a database\n".utf8)
        try content.write(to: URL(fileURLWithPath: path))

        #expect(throws: StorageError.notADatabase(path: path)) {
            try VigilDatabase(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func reportsACorruptDatabaseWithoutOverwritingIt() throws {
        let directory = TestDirectory()
        let path = directory.file("vigil.db")
        let database = try VigilDatabase(path: path)
        for index in 0..<200 {
            try AuditLog(database: database).append(
                AuditEntry(
                    at: Date(timeIntervalSince1970: Double(index)), actor: "t", action: "a", details: ["i": "\(index)"])
            )
        }
        _ = try database.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try database.close()
        // Keep SQLite's header but scribble over the pages after it.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for index in 100..<bytes.count { bytes[index] = 0xA5 }
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        #expect {
            try VigilDatabase(path: path)
        } throws: { error in
            guard let error = error as? StorageError else { return false }
            switch error {
            case .corrupt, .notADatabase: return true
            default: return false
            }
        }
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
    }

    @Test func reportsAnUnreadableFile() throws {
        guard getuid() != 0 else { return }  // root reads everything; nothing to test
        let directory = TestDirectory()
        let path = directory.file("vigil.db")
        try Data().write(to: URL(fileURLWithPath: path))
        chmod(path, 0)
        #expect(throws: StorageError.self) { try VigilDatabase(path: path) }
    }

    @Test func theDatabaseAndItsWALAreReadableByTheOwnerOnly() throws {
        let directory = TestDirectory()
        let path = directory.file("data/vigil.db")
        let database = try VigilDatabase(path: path)
        try AuditLog(database: database).append(
            AuditEntry(at: Date(timeIntervalSince1970: 1), actor: "test", action: "write"))
        for suffix in ["", "-wal"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path + suffix)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(suffix)")
        }
        try database.close()
    }
}
