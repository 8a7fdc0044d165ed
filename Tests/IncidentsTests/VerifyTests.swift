import Alerting
import Foundation
import Incidents
import Resilience
import Schedule
import TestSupport
import Testing
import TimeSeries

/// The method's "verify": recovered means defense at most ORANGE, coverage at least 95% and no
/// critical ACGME violation; a failure goes back to deciding with the acknowledgement taken back,
/// recovery resolves once it has held and the alerts have resolved.
@Suite struct VerifyTests {
    static let minute: Int64 = 60_000

    @Test func theVerdictReadsTheEngineReport() throws {
        let (report, project) = try DecideAndActTests.context()
        let broken = Verifier.check(report)
        #expect(!broken.recovered)
        #expect(broken.findings.contains { $0.hasPrefix("coverage 33%") }, "\(broken.findings)")
        #expect(Verifier.check(nil).findings == ["no schedule is loaded to verify against"])
        // f1 back at work: every slot covered, nobody unsupervised.
        let program = try ScheduleLoader.parse(bytes: Array(IncidentPrograms.healthy.utf8), file: "healed.json")
        let healed = ResilienceEngine().evaluate(program: program, window: report.window)
        let verdict = Verifier.check(healed)
        #expect(verdict.recovered, "\(verdict.findings)")
        #expect(verdict.findings.contains("coverage 100% (at least 95%)"), "\(verdict.findings)")
        _ = project
    }

    static func verifying(acknowledged: Bool, firing: Bool) throws -> (IncidentBook, String) {
        var book = IncidentBook()
        let alert = IncidentBook.Alert(
            fingerprint: "a1", labels: Labels(["alertname": "CoverageGap", "severity": "critical"]), groupKey: "g1")
        let opened = book.alertFired(alert, policies: IncidentPolicy.defaults, now: 0)
        let id = try #require(opened).id
        if acknowledged { _ = try book.acknowledge(id, by: "dr.adams", now: 1) }
        for phase in [IncidentPhase.observing, .orienting, .deciding, .acting, .verifying] {
            _ = try book.move(id, to: phase, by: "dr.adams", now: 2)
        }
        if !firing { _ = book.alertResolved(fingerprint: "a1", name: "CoverageGap", now: 3) }
        return (book, id)
    }

    @Test func aFailedVerificationGoesBackToDecidingAndTheEscalationContinues() throws {
        var (book, id) = try Self.verifying(acknowledged: true, firing: true)
        let failed = Verifier.Verdict(recovered: false, findings: ["coverage 82% (at least 95%)"])
        let verified = book.verify(id, verdict: failed, hold: 15 * Self.minute, now: 10)
        let result = try #require(verified)
        #expect(result.outcome == .failed)
        #expect(result.incident.phase == .deciding)
        #expect(result.incident.phases.last?.by == TimelineEntry.daemon)
        #expect(result.incident.phases.last?.reason == "coverage 82% (at least 95%)")
        #expect(result.incident.acknowledgement == nil, "the escalation continues")
        #expect(result.incident.timeline.contains { $0.kind == .verification && $0.text.hasPrefix("not recovered") })
        #expect(book.verify(id, verdict: failed, hold: 0, now: 11) == nil, "only a verifying incident is verified")
    }

    @Test func recoveryResolvesOnceItHeldAndTheAlertsResolved() throws {
        let recovered = Verifier.Verdict(recovered: true, findings: ["coverage 97% (at least 95%)"])
        var (book, id) = try Self.verifying(acknowledged: false, firing: false)
        #expect(book.verify(id, verdict: recovered, hold: 15 * Self.minute, now: 0)?.outcome == .holding)
        #expect(book.verify(id, verdict: recovered, hold: 15 * Self.minute, now: 14 * Self.minute)?.outcome == .holding)
        let held = book.verify(id, verdict: recovered, hold: 15 * Self.minute, now: 15 * Self.minute)
        let resolved = try #require(held)
        #expect(resolved.outcome == .resolved)
        #expect(resolved.incident.phase == .resolved)
        #expect(resolved.incident.resolvedAt == 15 * Self.minute)

        // An alert still firing keeps it verifying, however long recovery holds.
        var (firingBook, firingID) = try Self.verifying(acknowledged: false, firing: true)
        _ = firingBook.verify(firingID, verdict: recovered, hold: 0, now: 0)
        #expect(firingBook.verify(firingID, verdict: recovered, hold: 0, now: 60 * Self.minute)?.outcome == .holding)
        // A relapse restarts the clock: back to deciding.
        let relapse = Verifier.Verdict(recovered: false, findings: ["defense level RED (at most ORANGE)"])
        #expect(firingBook.verify(firingID, verdict: relapse, hold: 0, now: 61 * Self.minute)?.outcome == .failed)
    }
}
