import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

@Suite("Audit log")
struct AuditLogTests {
    @Test func appendsAndReadsNewestFirstWithDetails() throws {
        let directory = TestDirectory()
        let database = try VigilDatabase(path: directory.file("vigil.db"))
        let log = AuditLog(database: database)
        try log.append(AuditEntry(at: Date(timeIntervalSince1970: 100), actor: "sighup", action: "config.reload"))
        try log.append(
            AuditEntry(
                at: Date(timeIntervalSince1970: 200), actor: "dr.ames", action: "alert.ack",
                details: ["alert": "CriticalUtilization", "note": "covering \"Friday\" clinic"]))
        let entries = try log.recent()
        #expect(entries.map(\.action) == ["alert.ack", "config.reload"])
        #expect(entries[0].actor == "dr.ames")
        #expect(entries[0].details == ["alert": "CriticalUtilization", "note": "covering \"Friday\" clinic"])
        #expect(entries[0].at == Date(timeIntervalSince1970: 200))
        #expect(try log.recent(action: "config.reload").count == 1)
        #expect(try log.count() == 2)
        try database.close()
    }

    @Test func storesDetailsAsValidJSON() throws {
        let directory = TestDirectory()
        let database = try VigilDatabase(path: directory.file("vigil.db"))
        try AuditLog(database: database).append(
            AuditEntry(at: Date(timeIntervalSince1970: 1), actor: "a", action: "b", details: ["k": "v/1"]))
        let stored = try database.pool.read { db in try String.fetchOne(db, sql: "SELECT details FROM audit_log") }
        #expect(stored == #"{"k":"v/1"}"#)
        // The schema itself refuses details that are not JSON.
        #expect(throws: (any Error).self) {
            try database.pool.write { db in
                try db.execute(
                    sql: "INSERT INTO audit_log (at, actor, action, details) VALUES (1, 'a', 'b', 'not json')")
            }
        }
        try database.close()
    }
}
