import Alerting
import Foundation
import Incidents
import Testing
import TimeSeries

/// Incidents kept in line with the alert groups, level-based: what fires opens or joins, what
/// stopped firing is recorded resolved, silenced alerts neither open nor resolve, and
/// acknowledgements follow the groups both ways.
@Suite struct IncidentReconcileTests {
    static let start: Int64 = 1_782_864_000_000
    static let minute: Int64 = 60_000

    static func alert(_ name: String, slot: String = "1", suppressed: Bool = false) -> IncidentBook.Alert {
        IncidentBook.Alert(
            fingerprint: "\(name)-\(slot)",
            labels: Labels(["alertname": name, "severity": "critical", "component": "clinic", "slot": slot]),
            groupKey: "g-\(name)", summary: "s", suppressed: suppressed)
    }

    @Test func firingOpensStoppingResolvesAndARepeatChangesNothing() throws {
        var book = IncidentBook()
        let policies = IncidentPolicy.defaults
        let groups = [IncidentBook.Group(groupKey: "g-CoverageGap", alerts: [Self.alert("CoverageGap")])]
        let opened = book.reconcile(groups, policies: policies, now: Self.start)
        #expect(opened.map(\.id) == ["INC-1"])
        #expect(book.reconcile(groups, policies: policies, now: Self.start + Self.minute).isEmpty, "nothing new")

        // A silenced alert opens nothing, and a silenced alert already on the incident is not resolved.
        let silenced = IncidentBook.Group(
            groupKey: "g-CoverageGap", alerts: [Self.alert("CoverageGap", suppressed: true)])
        #expect(book.reconcile([silenced], policies: policies, now: Self.start + 2 * Self.minute).isEmpty)
        var quiet = IncidentBook()
        #expect(quiet.reconcile([silenced], policies: policies, now: Self.start).isEmpty)

        let gone = book.reconcile([], policies: policies, now: Self.start + 3 * Self.minute)
        #expect(gone.map(\.id) == ["INC-1"])
        let entry = try #require(gone.first?.timeline.last)
        #expect(entry.kind == .alertResolved)
        #expect(entry.text == "CoverageGap resolved")
        #expect(gone.first?.hasFiringAlerts == false)
        #expect(gone.first?.isOpen == true, "resolving the incident is the method's step, not the alert's")
    }

    @Test func acknowledgementsFollowTheGroupsBothWays() throws {
        var book = IncidentBook()
        let policies = IncidentPolicy.defaults
        var group = IncidentBook.Group(groupKey: "g-CoverageGap", alerts: [Self.alert("CoverageGap")])
        _ = book.reconcile([group], policies: policies, now: Self.start)

        group.acknowledgement = Acknowledgement(by: "dr.adams", at: Self.start + Self.minute, via: "link")
        let acked = book.reconcile([group], policies: policies, now: Self.start + Self.minute)
        #expect(acked.first?.acknowledgement?.by == "dr.adams")
        #expect(acked.first?.acknowledgedGroups == ["g-CoverageGap"])

        // A new alert took the group's acknowledgement back: the incident's goes too.
        group.acknowledgement = nil
        group.alerts.append(Self.alert("CoverageGap", slot: "2"))
        let taken = book.reconcile([group], policies: policies, now: Self.start + 2 * Self.minute)
        let incident = try #require(taken.first)
        #expect(incident.acknowledgement == nil)
        #expect(incident.timeline.last?.kind == .unacknowledged)
        #expect(incident.alerts.count == 2)

        // Acknowledged as an incident (the daemon acknowledges the groups): once the group shows
        // it, the group is remembered, and taking it back is noticed.
        _ = try book.acknowledge(incident.id, by: "dr.baker", now: Self.start + 3 * Self.minute)
        group.acknowledgement = Acknowledgement(by: "dr.baker", at: Self.start + 3 * Self.minute, via: "incident")
        #expect(
            book.reconcile([group], policies: policies, now: Self.start + 4 * Self.minute).first?.acknowledgedGroups
                == ["g-CoverageGap"])
        group.acknowledgement = nil
        #expect(
            book.reconcile([group], policies: policies, now: Self.start + 5 * Self.minute).first?.acknowledgement
                == nil)
    }

    @Test func eachEscalationStepIsOnTheTimelineOnce() throws {
        var book = IncidentBook()
        var group = IncidentBook.Group(
            groupKey: "g-CoverageGap", alerts: [Self.alert("CoverageGap")], escalation: ("critical", "1"))
        _ = book.reconcile([group], policies: IncidentPolicy.defaults, now: Self.start)
        #expect(book.reconcile([group], policies: IncidentPolicy.defaults, now: Self.start + Self.minute).isEmpty)
        group.escalation = ("critical", "2")
        let stepped = book.reconcile([group], policies: IncidentPolicy.defaults, now: Self.start + 15 * Self.minute)
        let steps = try #require(stepped.first).timeline.filter { $0.kind == .escalation }
        #expect(
            steps.map(\.text) == ["escalation policy critical took step 1", "escalation policy critical took step 2"])
        #expect(steps.last?.at == Self.start + 15 * Self.minute)
    }

    @Test func deliveryOutcomesLandOnTheTimelineOnceEach() throws {
        var book = IncidentBook()
        let group = IncidentBook.Group(groupKey: "g-CoverageGap", alerts: [Self.alert("CoverageGap")])
        _ = book.reconcile([group], policies: IncidentPolicy.defaults, now: Self.start)
        let watch = try #require(book.deliveryWatch)
        #expect(watch.groupKeys == ["g-CoverageGap"])
        #expect(watch.since == Self.start - IncidentBook.deliveryLookback)

        func delivery(_ id: String, _ outcome: IncidentBook.Delivery.Outcome, created: Int64 = Self.start)
            -> IncidentBook.Delivery
        {
            IncidentBook.Delivery(
                id: id, receiver: "pager", integration: "webhook[0]", status: "firing", createdAt: created,
                outcome: outcome)
        }
        // Not attempted yet, or from long before the incident: nothing to record.
        #expect(
            book.delivered(
                ["g-CoverageGap": [delivery("m1", .pending), delivery("old", .delivered, created: 0)]],
                now: Self.start
            ).isEmpty)
        var changed = book.delivered(
            [
                "g-CoverageGap": [delivery("m1", .failed(attempts: 1, error: "HTTP 503"))],
                "g-other": [
                    delivery("m9", .delivered)
                ],
            ], now: Self.start + 1)
        var incident = try #require(changed.first)
        #expect(incident.timeline.last?.kind == .notificationFailed)
        #expect(incident.timeline.last?.details["error"] == "HTTP 503")
        #expect(
            incident.timeline.last?.text
                == "firing notification to pager (webhook[0]) failed (attempt 1): HTTP 503; it stays queued and is retried"
        )
        #expect(!incident.timeline.contains { $0.details["message"] == "m9" }, "another group's message")
        // The same outcome again: nothing new. The next attempt failing, then a delivery: one each.
        #expect(
            book.delivered(
                ["g-CoverageGap": [delivery("m1", .failed(attempts: 1, error: "HTTP 503"))]], now: Self.start + 2
            )
            .isEmpty)
        changed = book.delivered(
            ["g-CoverageGap": [delivery("m1", .failed(attempts: 2, error: "HTTP 503"))]], now: Self.start + 3)
        #expect(changed.first?.timeline.last?.details["attempts"] == "2")
        changed = book.delivered(["g-CoverageGap": [delivery("m1", .delivered)]], now: Self.start + 4)
        incident = try #require(changed.first)
        #expect(incident.timeline.last?.kind == .notificationSent)
        #expect(incident.timeline.filter { $0.details["message"] == "m1" }.count == 3)
        changed = book.delivered(["g-CoverageGap": [delivery("m2", .dead(attempts: 9, error: "HTTP 422"))]], now: 5)
        #expect(changed.first?.timeline.last?.details["dead"] == "true")
        #expect(changed.first?.timeline.last?.text.contains("given up after 9 attempts") == true)
    }

    @Test func anIncidentSavedBeforeNewerFieldsExistedStillReads() throws {
        let stored = """
            {"id":"INC-1","key":"component=clinic","title":"t","severity":"P1",
             "phases":[{"phase":"detected","at":1,"by":"vigil"}],"groupKeys":["g"],"alerts":{"a":true},
             "timeline":[]}
            """
        let incident = try JSONDecoder().decode(Incident.self, from: Data(stored.utf8))
        #expect(incident.id == "INC-1")
        #expect(incident.proposals.isEmpty && incident.deliveries.isEmpty && incident.runbooks.isEmpty)
        #expect(incident.acknowledgedGroups.isEmpty && incident.escalationSteps.isEmpty)
        let again = try JSONDecoder().decode(Incident.self, from: try JSONEncoder().encode(incident))
        #expect(again == incident)
    }
}
