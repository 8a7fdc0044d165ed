import Alerting
import Foundation
import Incidents
import Testing
import TimeSeries

/// The method's lifecycle as the engine enforces it: critical alerts open an incident and later
/// alerts with the same key join it, phases follow the checklist (never skipped silently, back
/// where the method says, early resolution with a reason), refusals list what is allowed and
/// change nothing, and acknowledgements pass between an incident and its alert groups.
@Suite struct IncidentLifecycleTests {
    static let minute: Int64 = 60_000
    static let start: Int64 = 1_782_864_000_000

    static func alert(
        _ name: String, severity: String = "critical", component: String? = "clinic", slot: String = "1",
        group: String = "{}:{alertname=\"CoverageGap\"}"
    ) -> IncidentBook.Alert {
        var labels = ["alertname": name, "severity": severity, "slot": slot]
        if let component { labels["component"] = component }
        return IncidentBook.Alert(
            fingerprint: "\(name)-\(slot)-\(component ?? "")", labels: Labels(labels), groupKey: group,
            summary: "Clinic uncovered")
    }

    @Test func aCriticalAlertOpensAP1AndAlertsWithTheSameKeyJoinIt() throws {
        var book = IncidentBook()
        let policies = IncidentPolicy.defaults
        let openedResult = book.alertFired(Self.alert("CoverageGap"), policies: policies, now: Self.start)
        let opened = try #require(openedResult)
        #expect(opened.id == "INC-1")
        #expect(opened.key == "component=clinic")
        #expect(opened.severity == .p1)
        #expect(opened.phase == .detected)
        #expect(opened.title == "CoverageGap: Clinic uncovered")
        #expect(opened.timeline.map(\.kind) == [.opened, .alertFired])

        // Same component: joins. Re-sent: nothing new.
        let joinedResult = book.alertFired(
            Self.alert("SupervisionRatio", group: "{}:{alertname=\"SupervisionRatio\"}"), policies: policies,
            now: Self.start + Self.minute)
        let joined = try #require(joinedResult)
        #expect(joined.id == "INC-1")
        #expect(joined.groupKeys.count == 2)
        #expect(
            book.alertFired(Self.alert("CoverageGap"), policies: policies, now: Self.start + 2 * Self.minute) == nil)

        // Another component opens another; a warning opens none; no component: keyed by alert name.
        #expect(
            book.alertFired(Self.alert("CoverageGap", component: "inpatient"), policies: policies, now: Self.start)?.id
                == "INC-2")
        #expect(
            book.alertFired(Self.alert("DutyHours", severity: "warning"), policies: policies, now: Self.start) == nil)
        #expect(
            book.alertFired(Self.alert("ACGMEViolation", component: nil), policies: policies, now: Self.start)?.key
                == "alertname=ACGMEViolation")

        // Resolved alerts are recorded on the incident.
        let resolved = book.alertResolved(
            fingerprint: "CoverageGap-1-clinic", name: "CoverageGap", now: Self.start + 9 * Self.minute)
        #expect(resolved.map(\.id) == ["INC-1"])
        #expect(resolved.first?.hasFiringAlerts == true, "SupervisionRatio still fires")
        #expect(resolved.first?.timeline.last?.kind == .alertResolved)
    }

    @Test func aHigherSeverityAlertRaisesTheIncidentsSeverity() throws {
        let critical = try LabelMatcher("severity", .equal, "critical")
        let warning = try LabelMatcher("severity", .equal, "warning")
        let policies = [
            IncidentPolicy(matchers: [critical], severity: .p1), IncidentPolicy(matchers: [warning], severity: .p3),
        ]
        var book = IncidentBook()
        #expect(
            book.alertFired(Self.alert("DutyHours", severity: "warning"), policies: policies, now: Self.start)?.severity
                == .p3)
        let raisedResult = book.alertFired(Self.alert("CoverageGap"), policies: policies, now: Self.start + 1)
        let raised = try #require(raisedResult)
        #expect(raised.severity == .p1)
        #expect(raised.timeline.contains { $0.kind == .severity && $0.text.contains("P3 to P1") })
    }

    @Test func phasesFollowTheChecklistAndRefusalsListWhatIsAllowed() throws {
        var book = IncidentBook()
        let incidentResult = book.alertFired(
            Self.alert("CoverageGap"), policies: IncidentPolicy.defaults, now: Self.start)
        let incident = try #require(incidentResult)
        let id = incident.id
        // Skipping ahead is refused, with the moves allowed, and changes nothing.
        #expect(
            throws: IncidentError.invalidTransition(
                id: id, from: .detected, to: .deciding, allowed: [.observing, .resolved])
        ) {
            try book.move(id, to: .deciding, by: "dr.adams", now: Self.start)
        }
        #expect(book.incidents[id] == incident)
        #expect(
            "\(IncidentError.invalidTransition(id: id, from: .detected, to: .deciding, allowed: [.observing, .resolved]))"
                == "incident INC-1 is detected and cannot move to deciding; from detected it may move to: observing, resolved"
        )
        #expect(
            IncidentError.unknownPhase("fixing").description
                == "unknown phase \"fixing\": one of detected, observing, orienting, deciding, acting, verifying, resolved, reviewed"
        )
        #expect(throws: IncidentError.actorRequired) { try book.move(id, to: .observing, by: " ", now: Self.start) }

        var now = Self.start
        for phase in [IncidentPhase.observing, .orienting, .deciding, .acting, .verifying] {
            now += Self.minute
            #expect(try book.move(id, to: phase, by: "dr.adams", now: now).phase == phase)
        }
        // Verification failed: back to deciding needs a reason, and gets one.
        #expect(throws: IncidentError.reasonRequired(id: id, from: .verifying, to: .deciding)) {
            try book.move(id, to: .deciding, by: "dr.adams", now: now)
        }
        let back = try book.move(id, to: .deciding, by: "dr.adams", reason: "coverage still 0.82", now: now + 1)
        #expect(back.phases.last?.reason == "coverage still 0.82")
        #expect(back.timeline.last?.text == "verifying → deciding: coverage still 0.82")
        for phase in [IncidentPhase.acting, .verifying, .resolved] {
            now += Self.minute
            _ = try book.move(id, to: phase, by: "dr.adams", now: now)
        }
        let resolvedResult = book.incidents[id]
        let resolved = try #require(resolvedResult)
        #expect(resolved.resolvedAt == now)
        #expect(!resolved.isOpen)
        #expect(throws: IncidentError.self) { try book.move(id, to: .acting, by: "dr.adams", now: now) }
        let reviewed = try book.move(id, to: .reviewed, by: "dr.baker", now: now + Self.minute)
        #expect(reviewed.phase == .reviewed)
        #expect(book.incidents[id] == nil, "a reviewed incident leaves the book")
        #expect(throws: IncidentError.notFound(id)) { try book.note(id, text: "late", by: "x", now: now) }
    }

    @Test func aFalseAlarmIsClosedWithItsReasonOnTheRecord() throws {
        var book = IncidentBook()
        let id = try book.open(title: "Pager test", severity: .p3, by: "coordinator", now: Self.start).id
        #expect(throws: IncidentError.reasonRequired(id: id, from: .detected, to: .resolved)) {
            try book.move(id, to: .resolved, by: "coordinator", falseAlarm: true, now: Self.start)
        }
        let closed = try book.move(
            id, to: .resolved, by: "coordinator", reason: "a drill", falseAlarm: true, now: Self.start + Self.minute)
        #expect(closed.falseAlarm == "a drill")
        #expect(closed.timeline.last?.text == "detected → resolved as a false alarm: a drill")
        #expect(closed.timeline.last?.details["false_alarm"] == "true")
    }

    @Test func acknowledgementsPassBetweenTheIncidentAndItsGroups() throws {
        var book = IncidentBook()
        let policies = IncidentPolicy.defaults
        let incidentResult = book.alertFired(
            Self.alert("CoverageGap", group: "g1"), policies: policies, now: Self.start)
        let incident = try #require(incidentResult)
        _ = book.alertFired(Self.alert("SupervisionRatio", group: "g2"), policies: policies, now: Self.start)
        let acked = try book.acknowledge(incident.id, by: "dr.adams", now: Self.start + Self.minute)
        #expect(acked.groupKeys == ["g1", "g2"], "both groups' escalations stop")
        #expect(
            acked.incident.acknowledgement == Incident.Acknowledgement(by: "dr.adams", at: Self.start + Self.minute))
        #expect(try book.acknowledge(incident.id, by: "dr.baker", now: Self.start + 2 * Self.minute).groupKeys.isEmpty)

        // A new alert reopened a group: the incident is no longer acknowledged.
        let reopened = book.groupUnacknowledged(
            "g2", by: TimelineEntry.daemon, reason: "a new alert joined", now: Self.start + 3 * Self.minute)
        #expect(reopened.map(\.id) == [incident.id])
        #expect(book.incidents[incident.id]?.acknowledgement == nil)
        // The reverse: a group acknowledged by link acknowledges the incident.
        let byLink = book.groupAcknowledged("g1", by: "dr.chen", now: Self.start + 4 * Self.minute)
        #expect(byLink.first?.acknowledgement?.by == "dr.chen")
        #expect(book.groupAcknowledged("g1", by: "dr.chen", now: Self.start + 5 * Self.minute).isEmpty)
        #expect(book.groupAcknowledged("elsewhere", by: "dr.chen", now: Self.start).isEmpty)
    }

    @Test func aRestartedBookNumbersOnAndKeepsWorking() throws {
        var book = IncidentBook()
        let first = try book.open(title: "One", severity: .p2, by: "a", now: Self.start)
        let second = try book.open(title: "Two", severity: .p2, by: "a", now: Self.start)
        _ = try book.move(second.id, to: .resolved, by: "a", reason: "dup", now: Self.start)
        _ = try book.move(second.id, to: .reviewed, by: "a", now: Self.start)
        // Only unreviewed incidents come back, but the highest number ever given is remembered.
        var restarted = IncidentBook(incidents: [book.incidents[first.id]].compactMap { $0 }, lastNumber: 2)
        #expect(try restarted.open(title: "Three", severity: .p4, by: "a", now: Self.start).id == "INC-3")
        #expect(
            try restarted.note(first.id, text: "still here", by: "a", now: Self.start).timeline.last?.text
                == "still here")
        #expect(throws: IncidentError.emptyNote) { try restarted.note(first.id, text: "  ", by: "a", now: Self.start) }
    }

    @Test func responseTargetsFollowSeverity() {
        let chicago = TimeZone(identifier: "America/Chicago") ?? .gmt
        #expect(
            ResponseTarget.deadline(.p1, detectedAt: Self.start, timeZone: chicago) == Self.start + 15 * Self.minute)
        #expect(
            ResponseTarget.deadline(.p2, detectedAt: Self.start, timeZone: chicago) == Self.start + 60 * Self.minute)
        #expect(
            ResponseTarget.deadline(.p3, detectedAt: Self.start, timeZone: chicago) == Self.start + 240 * Self.minute)
        // Friday 2026-07-03 10:00 in Chicago → Monday 2026-07-06 17:00 (CDT, UTC-5) = 22:00Z.
        let friday = Int64(ISO8601DateFormatter().date(from: "2026-07-03T15:00:00Z")!.timeIntervalSince1970 * 1000)
        let monday = Int64(ISO8601DateFormatter().date(from: "2026-07-06T22:00:00Z")!.timeIntervalSince1970 * 1000)
        #expect(ResponseTarget.deadline(.p4, detectedAt: friday, timeZone: chicago) == monday)
        // Tuesday → Wednesday.
        let tuesday = friday + 4 * 24 * 60 * Self.minute
        #expect(
            ResponseTarget.deadline(.p4, detectedAt: tuesday, timeZone: chicago) == monday + 2 * 24 * 60 * Self.minute)
    }
}
