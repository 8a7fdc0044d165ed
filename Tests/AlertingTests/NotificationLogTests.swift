import Alerting
import Testing

private let minute: Int64 = 60_000
/// "Now" in these tests: any instant well after the epoch.
private let now: Int64 = 1_700_000_000_000

private let key = NotificationLogKey(receiver: "team", integration: "webhook[0]", groupKey: "{}:{}")

/// One case of Alertmanager's TestDedupStageNeedsUpdate.
private struct NeedsUpdateCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// Firing, resolved and timestamp of the last notification, or nil when there was none.
    var entry: (firing: Set<UInt64>, resolved: Set<UInt64>, timestamp: Int64)?
    var firing: Set<UInt64> = []
    var resolved: Set<UInt64> = []
    var repeatInterval: Int64 = 0
    var sendResolved = false
    var expected: Bool

    var testDescription: String { name }

    var logEntry: NotificationLogEntry? {
        entry.map {
            NotificationLogEntry(
                key: key, firing: $0.firing, resolved: $0.resolved, timestamp: $0.timestamp,
                expiresAt: now + 60 * minute)
        }
    }
}

/// Alertmanager's notification log and its dedup rule (notify_test.go TestDedupStageNeedsUpdate).
@Suite struct NotificationLogTests {
    private static let cases: [NeedsUpdateCase] = [
        NeedsUpdateCase(name: "no entry, alerts firing: notify", entry: nil, firing: [2, 3, 4], expected: true),
        NeedsUpdateCase(
            name: "no entry, nothing firing: nothing to say", entry: nil, resolved: [2, 3, 4], expected: false),
        NeedsUpdateCase(
            name: "a firing alert not notified before", entry: ([1, 2, 3], [], now), firing: [2, 3, 4], expected: true),
        NeedsUpdateCase(
            name: "an entry from the epoch (zero timestamp)", entry: ([1, 2, 3], [], 0), firing: [1, 2, 3],
            expected: true),
        NeedsUpdateCase(
            name: "the same firing alerts before repeat_interval", entry: ([1, 2, 3], [], now - 9 * minute),
            firing: [1, 2, 3], repeatInterval: 10 * minute, expected: false),
        NeedsUpdateCase(
            name: "the same firing alerts after repeat_interval", entry: ([1, 2, 3], [], now - 11 * minute),
            firing: [1, 2, 3], repeatInterval: 10 * minute, expected: true),
        NeedsUpdateCase(
            name: "other resolved alerts and nothing firing, after repeat_interval",
            entry: ([], [1, 2, 3], now - 11 * minute), resolved: [3, 4, 5], repeatInterval: 10 * minute,
            sendResolved: true, expected: false),
        NeedsUpdateCase(
            name: "a newly resolved alert without send_resolved", entry: ([1, 2], [3], now - 9 * minute), firing: [1],
            resolved: [2, 3], repeatInterval: 10 * minute, sendResolved: false, expected: false),
        NeedsUpdateCase(
            name: "a newly resolved alert with send_resolved", entry: ([1, 2], [3], now - 9 * minute), firing: [1],
            resolved: [2, 3], repeatInterval: 10 * minute, sendResolved: true, expected: true),
        NeedsUpdateCase(
            name: "everything resolved without send_resolved", entry: ([1, 2], [3], now - 9 * minute),
            resolved: [1, 2, 3], repeatInterval: 10 * minute, sendResolved: false, expected: true),
        NeedsUpdateCase(
            name: "everything resolved with send_resolved", entry: ([1, 2], [3], now - 9 * minute),
            resolved: [1, 2, 3], repeatInterval: 10 * minute, sendResolved: true, expected: true),
        // Beyond Alertmanager's table.
        NeedsUpdateCase(
            name: "exactly repeat_interval after the last notification", entry: ([1], [], now - 10 * minute),
            firing: [1], repeatInterval: 10 * minute, expected: false),
        NeedsUpdateCase(
            name: "one of the notified alerts stopped firing (it left the group)", entry: ([1, 2], [], now - minute),
            firing: [1], repeatInterval: 10 * minute, sendResolved: true, expected: false),
        NeedsUpdateCase(
            name: "the resolve was already notified", entry: ([], [1, 2], now - minute), resolved: [1, 2],
            repeatInterval: 10 * minute, sendResolved: true, expected: false),
    ]

    @Test(arguments: cases)
    fileprivate func needsUpdateFollowsAlertmanagersDedupStage(_ testCase: NeedsUpdateCase) {
        let result = NotificationLog.needsUpdate(
            entry: testCase.logEntry, firing: testCase.firing, resolved: testCase.resolved,
            sendResolved: testCase.sendResolved, repeatInterval: testCase.repeatInterval, now: now)
        #expect(result == testCase.expected)
    }

    @Test func recordingReplacesTheEntryOfTheSameKey() {
        var log = NotificationLog()
        #expect(log[key] == nil)
        log.record(NotificationLogEntry(key: key, firing: [1], resolved: [], timestamp: 10, expiresAt: 100))
        log.record(NotificationLogEntry(key: key, firing: [1, 2], resolved: [3], timestamp: 20, expiresAt: 200))
        #expect(log.entries.count == 1)
        #expect(log[key]?.firing == [1, 2])
        #expect(log[key]?.resolved == [3])
        #expect(log[key]?.timestamp == 20)
    }

    @Test func keysTellReceiversIntegrationsAndGroupsApart() {
        let other = [
            NotificationLogKey(receiver: "team", integration: "webhook[1]", groupKey: "{}:{}"),
            NotificationLogKey(receiver: "other", integration: "webhook[0]", groupKey: "{}:{}"),
            NotificationLogKey(receiver: "team", integration: "webhook[0]", groupKey: #"{}:{alertname="A"}"#),
        ]
        let log = NotificationLog(
            ([key] + other).enumerated().map { index, key in
                NotificationLogEntry(key: key, firing: [UInt64(index)], resolved: [], timestamp: 0, expiresAt: 1)
            })
        #expect(log.entries.count == 4)
        #expect(log[key]?.firing == [0])
        #expect(log[other[1]]?.firing == [2])
        #expect((([key] + other).sorted()).map(\.receiver) == ["other", "team", "team", "team"])
    }

    @Test func garbageCollectionForgetsEntriesAtTheirExpiry() {
        let expiring = NotificationLogKey(receiver: "team", integration: "email[0]", groupKey: "{}:{}")
        let expired = NotificationLogKey(receiver: "team", integration: "file[0]", groupKey: "{}:{}")
        var log = NotificationLog([
            NotificationLogEntry(key: key, firing: [1], resolved: [], timestamp: 0, expiresAt: now + 1),
            NotificationLogEntry(key: expiring, firing: [1], resolved: [], timestamp: 0, expiresAt: now),
            NotificationLogEntry(key: expired, firing: [1], resolved: [], timestamp: 0, expiresAt: now - 1),
        ])
        #expect(Set(log.collectGarbage(now: now)) == [expiring, expired])
        #expect(Array(log.entries.keys) == [key])
        #expect(log.collectGarbage(now: now).isEmpty)
    }
}
