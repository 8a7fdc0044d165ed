import Alerting
import Foundation
import Rules
import TestSupport
import Testing
import TimeSeries

private let minute: Int64 = 60_000
private let hour: Int64 = 3_600_000
private let start: Int64 = 1_789_000_000_000

/// Keeps nothing: the test reads what `flush` returns.
private struct Discard: NotificationRecorder {
    func record(_ notifications: [GroupNotification]) throws {}
}

/// The shipped `rules/escalation.yml` on a manual clock: each policy of the program's matrix pages
/// the people it names at the times it names, and nobody else; an acknowledgement stops each.
@Suite struct ShippedEscalationTests {
    static var shippedFile: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules/escalation.yml").path
    }

    static let receivers = [
        "on_call_admin", "admin_team", "admin_email", "program_director", "hospital_admin", "acgme_contact",
    ]

    static func pipeline() throws -> AlertPipeline {
        let escalation = try EscalationFileParser.load(
            paths: [shippedFile], receivers: Set(receivers), fallbackReceiver: "admin_team")
        let integration = ReceiverIntegration(kind: "file", index: 0, sendResolved: true)
        return AlertPipeline(
            config: AlertPipelineConfig(
                escalation: escalation,
                planner: NotificationPlanner(
                    receivers: Dictionary(uniqueKeysWithValues: receivers.map { ($0, [integration]) }),
                    timeIntervals: escalation.timeIntervals, timeZone: TimeZone(identifier: "UTC") ?? .current)),
            store: nil, recorder: Discard(), logger: CapturingLogHandler.logger(CapturingLogHandler.Lines()))
    }

    /// Who is paged first, minutes after the alert fired, over `hours` (repeats of the route aside).
    static func firstPages(_ labels: [String: String], hours: Int64, ackAt: Int64? = nil) async throws -> [String:
        Int64]
    {
        let pipeline = try pipeline()
        await pipeline.receive(
            [PipelineAlert(labels: Labels(labels), startsAt: start, endsAt: start + 100 * hour, updatedAt: start)],
            now: start, persist: false)
        var first: [String: Int64] = [:]
        var acked = false
        while let next = await pipeline.nextFlushTime, next <= start + hours * hour {
            if let ackAt, !acked, next >= start + ackAt {
                let key = try #require(await pipeline.groupViews(now: next).first?.groupKey)
                try await pipeline.acknowledge(
                    .ack, target: .group(key), by: "dr.adams", via: "api", source: "", now: start + ackAt)
                acked = true
            }
            for notification in await pipeline.flush(now: next) where first[notification.receiver] == nil {
                first[notification.receiver] = (next - start) / minute
            }
        }
        return first
    }

    @Test func criticalPagesTheAdminAndDirectorThenTheHospitalThenTheACGME() async throws {
        let pages = try await Self.firstPages(["alertname": "CoverageGap", "severity": "critical"], hours: 3)
        // group_wait 10 s: the escalation starts at the first flush (minute 0).
        #expect(pages == ["on_call_admin": 0, "program_director": 0, "hospital_admin": 15, "acgme_contact": 60])
    }

    @Test func highPagesTheAdminThenTheDirectorAfterAnHour() async throws {
        let pages = try await Self.firstPages(["alertname": "X", "severity": "high"], hours: 3)
        // The root route: group_wait 1m.
        #expect(pages == ["on_call_admin": 1, "program_director": 61])
    }

    @Test func mediumWarningsReachTheAdminTeamThenTheOnCallAdminAfterFourHours() async throws {
        let pages = try await Self.firstPages(["alertname": "HighUtilization", "severity": "warning"], hours: 6)
        // The warning route: group_wait 2m.
        #expect(pages == ["admin_team": 2, "on_call_admin": 242])
    }

    @Test func informationalAlertsFollowTheRouteAlone() async throws {
        // Thursday 00:26 UTC: held until office hours (07:00), then by email to the admin team only.
        let pages = try await Self.firstPages(["alertname": "Digest", "severity": "info"], hours: 48)
        #expect(pages == ["admin_email": 395])
    }

    @Test func aPageEscalatesAsTheCriticalMatrixWhateverItsSeverity() async throws {
        let pages = try await Self.firstPages(["alertname": "X", "severity": "warning", "page": "true"], hours: 2)
        #expect(pages == ["on_call_admin": 0, "program_director": 0, "hospital_admin": 15, "acgme_contact": 60])
    }

    @Test func anAcknowledgementStopsEachPolicyBeforeItsSecondStep() async throws {
        for severity in ["critical", "high", "warning"] {
            let pages = try await Self.firstPages(
                ["alertname": "X", "severity": severity], hours: 6, ackAt: 5 * minute)
            #expect(pages.count == (severity == "critical" ? 2 : 1), "\(severity): \(pages)")
        }
    }
}
