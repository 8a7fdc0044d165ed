import Alerting
import Foundation
import Testing
import TimeSeries

@testable import Incidents

/// The post-mortem written from a real record: the program's template filled with the incident's
/// own times, timeline, impact and leading hypothesis; what went well and wrong derived from the
/// record; blameless throughout.
@Suite struct PostMortemTests {
    static let minute: Int64 = 60_000
    /// 2026-07-06 08:00 in Chicago (CDT, UTC-5).
    static let start: Int64 = 1_783_342_800_000
    static let chicago = TimeZone(identifier: "America/Chicago") ?? .gmt

    static func worked() throws -> Incident {
        var book = IncidentBook()
        let alert = IncidentBook.Alert(
            fingerprint: "a1", labels: .init(["alertname": "CriticalCoverageGap", "severity": "critical"]),
            groupKey: "g1", summary: "Clinic uncovered", runbookURL: "runbooks/CriticalCoverageGap.md")
        let fired = book.alertFired(alert, policies: IncidentPolicy.defaults, now: start)
        let id = try #require(fired).id
        let observation = Observation(
            at: start,
            schedule: .init(
                program: "Demo", from: "2026-07-06", days: 28, defenseLevel: "RED", drivers: [], utilization: 0.91,
                utilizationLevel: "RED", coverage: 0.82, gapSlots: 4,
                gaps: [
                    .init(date: "2026-07-07", session: "AM", rotation: "clinic", need: 1, coverage: 0, absent: ["f1"])
                ],
                facultyTotal: 12, facultyOnLeave: 4, n1Compliant: true, singlePointsOfFailure: [], n2Compliant: nil,
                fatalPairs: [], acgmeCritical: 1,
                acgmeViolations: [
                    .init(
                        rule: "supervision", severity: "critical", person: "clinic", people: ["r1"],
                        message: "r1 unsupervised")
                ],
                sheddingLevel: 0, recommendedSheddingLevel: 2, activeFallback: nil),
            firingAlerts: ["CriticalCoverageGap{}"], slotsChangedLastDay: nil,
            failedDeliveries: [.init(receiver: "pager", integration: "webhook", error: "HTTP 503", at: start)],
            scrapeFailures: [])
        _ = try book.observed(
            id, observation: observation,
            orientation: Orienter.orient(observation, alertNames: ["CriticalCoverageGap"]),
            now: start)
        _ = book.reconcile(
            [.init(groupKey: "g1", alerts: [alert], escalation: ("critical", "2"))], policies: IncidentPolicy.defaults,
            now: start + 15 * minute)
        _ = try book.acknowledge(id, by: "dr.adams", now: start + 20 * minute)
        for phase in [IncidentPhase.deciding, .acting, .verifying] {
            _ = try book.move(id, to: phase, by: "dr.adams", now: start + 30 * minute)
        }
        _ = try book.move(id, to: .deciding, by: "dr.adams", reason: "coverage still 0.85", now: start + 50 * minute)
        for phase in [IncidentPhase.acting, .verifying, .resolved] {
            _ = try book.move(id, to: phase, by: "dr.adams", now: start + 83 * minute)
        }
        return try #require(book.incidents[id])
    }

    @Test func theTemplateIsFilledFromTheRecord() throws {
        let incident = try Self.worked()
        let text = PostMortem.markdown(incident, timeZone: Self.chicago)
        #expect(text.hasPrefix("# Post-mortem: INC-1 — CriticalCoverageGap: Clinic uncovered\n"))
        #expect(text.contains("| Date | 2026-07-06 (America/Chicago) |"))
        #expect(text.contains("| Severity | P1 (respond within 15 minutes) |"))
        #expect(text.contains("| Detected | 2026-07-06 08:00 CDT |"))
        #expect(text.contains("by dr.adams, 20m after detection (target 15 minutes: missed)"))
        #expect(text.contains("| Duration | 1h 23m (detection to resolution) |"))
        #expect(text.contains("- People affected: f1, r1"))
        #expect(text.contains("- Rotations disrupted: clinic"))
        #expect(text.contains("- ACGME violations at detection: 1 (1 critical)"))
        #expect(text.contains("- Data lost: none"))
        // Every timeline event is a row, in order.
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("| 2026-07-06") }
        #expect(rows.count == incident.timeline.count)
        #expect(rows.first?.contains("incident opened by CriticalCoverageGap") == true)
        #expect(text.contains("Leading hypothesis: **mass_absence**"), "\(text)")
        #expect(text.contains("1. Why did the alert fire? Because "))
        #expect(text.contains("[CriticalCoverageGap](runbooks/CriticalCoverageGap.md)"))
        // Derived from the record.
        #expect(text.contains("- Acknowledged in 20m, beyond the 15 minutes target."))
        #expect(text.contains("- The escalation needed 1 step(s) beyond the first before anyone acknowledged."))
        #expect(text.contains("- 1 notification deliveries had failed in the 30 minutes before detection."))
        #expect(text.contains("- 1 action(s) did not recover the program on verification."))
        #expect(text.contains("- Vigil observed and oriented at detection"))
        #expect(text.contains("| Review backup coverage for absences in the affected rotations | | |"))
        #expect(text.contains("- [ ] Review this post-mortem with the team by 2026-07-08 09:23 CDT"))
        // Blameless: no word of fault.
        for word in ["blame ", "fault", "negligen", "careless"] {
            #expect(!text.lowercased().contains(word), "\(word)")
        }
    }

    @Test func anOpenIncidentWithoutEvidenceStillGetsAScaffold() throws {
        var book = IncidentBook()
        let incident = try book.open(title: "Pager | test", severity: .p3, by: "coordinator", now: Self.start)
        let text = PostMortem.markdown(incident, timeZone: Self.chicago)
        #expect(text.contains("| Resolved | still open (detected) |"))
        #expect(text.contains("| Acknowledged | not acknowledged |"))
        #expect(text.contains("Pager \\| test"), "pipes escaped in table cells")
        #expect(text.contains("Vigil found no failure mode in the evidence."))
        #expect(text.contains("- Never acknowledged."))
    }
}
