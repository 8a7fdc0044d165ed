import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

/// Alerts saved per rule group in SQLite: replaced whole per group, read back exactly (NaN included).
@Suite struct AlertStateStoreTests {
    func alert(_ name: String, value: Double = 1, state: String = "firing") -> StoredAlert {
        StoredAlert(
            rule: "rules/r.yml;g/\(name){}#0", labels: [["alertname", name], ["severity", "page"]],
            annotations: [["summary", "a \"quoted\" ☃ text"]], state: state, value: value, activeAt: 1_000,
            firedAt: state == "firing" ? 2_000 : nil, resolvedAt: nil, keepFiringSince: state == "firing" ? 3_000 : nil,
            savedAt: 4_000)
    }

    @Test func alertsRoundTripIncludingNaNAndInfinity() throws {
        let directory = TestDirectory()
        let database = try VigilDatabase(path: directory.file("vigil.db"))
        let store = AlertStateStore(database: database)
        let saved = [alert("A", value: .nan), alert("B", value: -.infinity, state: "pending"), alert("C", value: 0.85)]
        try store.replaceAlerts(ofGroup: "r.yml;g", with: saved)
        let loaded = try store.loadAlerts()
        #expect(loaded == ["r.yml;g": saved])
        #expect(loaded["r.yml;g"]?[0].value.isNaN == true)
        try database.close()

        let reopened = try VigilDatabase(path: directory.file("vigil.db"))
        #expect(try AlertStateStore(database: reopened).loadAlerts()["r.yml;g"]?.count == 3)
        try reopened.close()
    }

    @Test func replacingOneGroupLeavesTheOthersAndRemovedGroupsAreForgotten() throws {
        let directory = TestDirectory()
        let database = try VigilDatabase(path: directory.file("vigil.db"))
        let store = AlertStateStore(database: database)
        try store.replaceAlerts(ofGroup: "a", with: [alert("A1"), alert("A2")])
        try store.replaceAlerts(ofGroup: "b", with: [alert("B1")])
        try store.replaceAlerts(ofGroup: "a", with: [alert("A3")])
        #expect(try store.loadAlerts().mapValues { $0.map(\.labels[0][1]) } == ["a": ["A3"], "b": ["B1"]])
        try store.removeGroups(notIn: ["a"])
        #expect(try store.loadAlerts().keys.sorted() == ["a"])
        try store.replaceAlerts(ofGroup: "a", with: [])
        #expect(try store.loadAlerts().isEmpty)
        try database.close()
    }

    @Test func changesReplaceAndRemoveSingleAlertsAndTheHeartbeatDatesTheWholeGroup() throws {
        let directory = TestDirectory()
        let database = try VigilDatabase(path: directory.file("vigil.db"))
        let store = AlertStateStore(database: database)
        try store.replaceAlerts(ofGroup: "a", with: [alert("A1"), alert("A2"), alert("A3")])
        var changed = alert("A2", value: 5, state: "pending")
        changed.savedAt = 9_000
        try store.applyChanges(
            ofGroup: "a", upserts: [changed, alert("A4")],
            removals: [(rule: "rules/r.yml;g/A3{}#0", labels: [["alertname", "A3"], ["severity", "page"]])],
            savedAt: 20_000)
        let loaded = try #require(try store.loadAlerts()["a"])
        #expect(loaded.map(\.labels[0][1]).sorted() == ["A1", "A2", "A4"])
        #expect(loaded.first { $0.labels[0][1] == "A2" }?.state == "pending")
        // Unchanged alerts were not rewritten, yet they are known up to the heartbeat's time.
        #expect(loaded.allSatisfy { $0.savedAt == 20_000 })
        // A group replaced whole drops its heartbeat with its rows.
        try store.replaceAlerts(ofGroup: "a", with: [alert("A1")])
        #expect(try store.loadAlerts()["a"]?.map(\.savedAt) == [4_000])
        try database.close()
    }

    @Test func aCorruptStoredValueIsAnErrorNotZero() throws {
        let directory = TestDirectory()
        let database = try VigilDatabase(path: directory.file("vigil.db"))
        let store = AlertStateStore(database: database)
        try store.replaceAlerts(ofGroup: "a", with: [alert("A1", value: 0.5)])
        try database.write { db in try db.execute(sql: "UPDATE alert_state SET value = 'not-hex'") }
        #expect(throws: StorageError.self) { try store.loadAlerts() }
        try database.close()
    }
}
