import Alerting
import Foundation
import Incidents
import Logging
import Rules
import Server
import ServiceLifecycle
import Storage
import TimeSeries
import VigilCore

/// Runs incidents in the daemon: every few seconds brings them in line with the alert groups
/// (``IncidentBook/reconcile(_:policies:now:)``), saves each change before it counts, and answers
/// the API's moves. Wiring only: the method lives in `Incidents`, the records in `Storage`.
///
/// A change is made on a copy of the book and taken only once SQLite has it: a failed save
/// changes nothing and the request is told so (level-based reconciling retries at the next turn).
public actor IncidentService: Service, IncidentControl {
    private var book = IncidentBook()
    private let store: IncidentRepository
    private let pipeline: AlertPipeline
    private let policies: @Sendable () async -> [IncidentPolicy]
    private let zone: @Sendable () async -> TimeZone
    /// Acknowledges an alert group on the incident's behalf (so its escalation stops).
    private let acknowledgeGroup: @Sendable (String, String) async -> Void
    /// Takes a group's acknowledgement back (a failed verification: the escalation continues).
    private let unacknowledgeGroup: @Sendable (String) async -> Void
    /// How long recovery must hold before an incident resolves (ms).
    private let verificationHold: @Sendable () async -> Int64
    private let audit: @Sendable (String, String, [String: String]) async -> Void
    private let clock: any VigilClock
    private let logger: Logger
    private let metrics: IncidentMetrics?
    /// What the "observe" step reads when an incident opens; nil observes nothing (unit tests).
    private let observation: (@Sendable (Int64) async -> Observer.Input)?
    /// Carries out proposals; nil proposes and acts on nothing (unit tests).
    private let actuator: (any IncidentActuator)?
    /// The outbox's notifications of these groups queued since then, by group key (for the
    /// timeline's `notification_sent` / `notification_failed`); nil records none.
    private let deliveries: (@Sendable (Set<String>, Int64) async -> [String: [IncidentBook.Delivery]])?
    /// How often incidents are brought in line with the alert groups (ms).
    let interval: Int64
    private var restored = false

    init(
        store: IncidentRepository, pipeline: AlertPipeline, policies: @escaping @Sendable () async -> [IncidentPolicy],
        timeZone: @escaping @Sendable () async -> TimeZone,
        acknowledgeGroup: @escaping @Sendable (String, String) async -> Void,
        unacknowledgeGroup: @escaping @Sendable (String) async -> Void = { _ in },
        verificationHold: @escaping @Sendable () async -> Int64 = { 15 * 60_000 },
        audit: @escaping @Sendable (String, String, [String: String]) async -> Void, clock: any VigilClock,
        logger: Logger, metrics: IncidentMetrics? = nil,
        observation: (@Sendable (Int64) async -> Observer.Input)? = nil, actuator: (any IncidentActuator)? = nil,
        deliveries: (@Sendable (Set<String>, Int64) async -> [String: [IncidentBook.Delivery]])? = nil,
        interval: Int64 = 5_000
    ) {
        self.actuator = actuator
        self.deliveries = deliveries
        self.metrics = metrics
        self.observation = observation
        self.store = store
        self.pipeline = pipeline
        self.policies = policies
        self.zone = timeZone
        self.acknowledgeGroup = acknowledgeGroup
        self.unacknowledgeGroup = unacknowledgeGroup
        self.verificationHold = verificationHold
        self.audit = audit
        self.clock = clock
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        restore()
        let clock = self.clock
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            await sync()
            await verifyAll()
            let deadline = clock.now().addingTimeInterval(Double(interval) / 1000)
            do {
                try await cancelWhenGracefulShutdown { try await clock.sleep(until: deadline) }
            } catch {
                return
            }
        }
    }

    /// Reads the incidents not yet reviewed back into the book (once).
    func restore() {
        guard !restored else { return }
        do {
            book = IncidentBook(incidents: try store.loadUnreviewed(), lastNumber: try store.highestNumber())
            restored = true
            metrics?.record(phases: book.incidents.values.map(\.phase))
        } catch {
            logger.error("cannot read saved incidents", metadata: ["error": "\(error)"])
        }
    }

    /// Brings the incidents in line with the alert groups as they stand now.
    func sync() async {
        restore()
        let now = clock.now().unixMilliseconds
        let groups = await pipeline.groupViews(now: now).map { view in
            IncidentBook.Group(
                groupKey: view.groupKey,
                alerts: view.alerts.filter { !$0.isResolved }.map { alert in
                    IncidentBook.Alert(
                        fingerprint: alert.alert.fingerprint.description, labels: alert.alert.labels,
                        groupKey: view.groupKey,
                        summary: alert.alert.annotations["summary"] ?? alert.alert.annotations["description"] ?? "",
                        suppressed: alert.state == "suppressed", runbookURL: alert.alert.annotations["runbook_url"])
                }, acknowledgement: view.escalation?.acknowledgement,
                escalation: view.escalation.flatMap { escalation in
                    guard let policy = escalation.policy, let step = escalation.step else { return nil }
                    return (policy, step)
                })
        }
        var next = book
        let before = Set(book.incidents.keys)
        var changed = next.reconcile(groups, policies: await policies(), now: now)
        if let deliveries, let watch = next.deliveryWatch {
            let found = await deliveries(watch.groupKeys, watch.since)
            let more = next.delivered(found, now: now)
            if !more.isEmpty {
                let ids = Set(more.map(\.id))
                changed = (changed.filter { !ids.contains($0.id) } + more).sorted { $0.id < $1.id }
            }
        }
        guard !changed.isEmpty else { return }
        do {
            try store.save(changed)
        } catch {
            logger.error("cannot save incidents; trying again shortly", metadata: ["error": "\(error)"])
            return
        }
        let previous = book
        book = next
        taken(changed, previous: previous)
        for incident in changed where !before.contains(incident.id) {
            await observe(incident.id, alertNames: incident.alerts.isEmpty ? [] : Self.alertNames(incident))
            logger.warning(
                "incident opened",
                metadata: [
                    "incident": "\(incident.id)", "severity": "\(incident.severity.rawValue)", "key": "\(incident.key)",
                ])
            await audit(
                TimelineEntry.daemon, "incident.open",
                ["incident": incident.id, "severity": incident.severity.rawValue, "title": incident.title])
        }
    }

    /// The method's "verify" for every incident in verifying: resolved once recovery held with its
    /// alerts resolved; back to deciding (with new proposals, its groups' escalation resumed) when
    /// the program has not recovered.
    func verifyAll() async {
        let verifying = book.incidents.values.filter { $0.phase == .verifying }.map(\.id).sorted()
        guard !verifying.isEmpty, let actuator else { return }
        let verdict = Verifier.check(await actuator.decisionContext()?.report)
        let hold = await verificationHold()
        for id in verifying {
            let now = clock.now().unixMilliseconds
            var next = book
            guard let result = next.verify(id, verdict: verdict, hold: hold, now: now),
                result.incident != book.incidents[id] || result.outcome != .holding
            else { continue }
            do {
                try store.save([result.incident])
            } catch {
                logger.error(
                    "cannot save an incident's verification", metadata: ["incident": "\(id)", "error": "\(error)"])
                continue
            }
            let previous = book
            book = next
            taken([result.incident], previous: previous)
            await audit(
                TimelineEntry.daemon, "incident.verify",
                ["incident": id, "outcome": "\(result.outcome)", "findings": verdict.findings.joined(separator: "; ")])
            if result.outcome == .failed {
                for key in result.incident.groupKeys { await unacknowledgeGroup(key) }
                _ = try? await propose(id)
            }
        }
    }

    /// Applies `change` to a copy of the book, saves what it returns, then keeps the copy.
    private func commit(
        _ action: String, by actor: String, details: [String: String],
        _ change: (inout IncidentBook) throws -> Incident
    ) async throws -> Incident {
        restore()
        var next = book
        let incident = try change(&next)
        try store.save([incident])
        let previous = book
        book = next
        taken([incident], previous: previous)
        await audit(actor, action, details.merging(["incident": incident.id]) { _, new in new })
        return incident
    }

    /// The machine's part of the method for a new incident: observe, orient, record both.
    private func observe(_ id: String, alertNames: [String]) async {
        guard let observation else { return }
        let now = clock.now().unixMilliseconds
        let seen = Observer.observe(await observation(now), now: now)
        let orientation = Orienter.orient(seen, alertNames: alertNames)
        do {
            _ = try await commit("incident.observe", by: TimelineEntry.daemon, details: [:]) {
                try $0.observed(id, observation: seen, orientation: orientation, now: now)
            }
        } catch {
            logger.error(
                "cannot record an incident's observation", metadata: ["incident": "\(id)", "error": "\(error)"])
        }
    }

    /// The names of the alerts on an incident, from its timeline.
    static func alertNames(_ incident: Incident) -> [String] {
        Array(Set(incident.timeline.compactMap { $0.kind == .alertFired ? $0.details["alertname"] : nil })).sorted()
    }

    /// Brings the metrics up to date with changes just taken.
    private func taken(_ changed: [Incident], previous: IncidentBook) {
        guard let metrics else { return }
        for incident in changed { metrics.observe(before: previous.incidents[incident.id], after: incident) }
        metrics.record(phases: book.incidents.values.map(\.phase))
    }

    // MARK: IncidentControl

    public func list(state: String?, since: Int64?) async throws -> [Incident] {
        try store.list(state: state, since: since)
    }

    public func incident(id: String) async throws -> Incident? {
        if let incident = book.incidents[id] { return incident }
        return try store.incident(id: id)
    }

    public func open(title: String, severity: IncidentSeverity, key: String?, by actor: String) async throws
        -> Incident
    {
        let now = clock.now().unixMilliseconds
        let opened = try await commit(
            "incident.open", by: actor, details: ["severity": severity.rawValue, "title": title]
        ) {
            try $0.open(title: title, severity: severity, key: key, by: actor, now: now)
        }
        await observe(opened.id, alertNames: [])
        return book.incidents[opened.id] ?? opened
    }

    public func move(_ id: String, to phase: IncidentPhase, by actor: String, reason: String?, falseAlarm: Bool)
        async throws -> Incident
    {
        let now = clock.now().unixMilliseconds
        var details = ["phase": phase.rawValue]
        if let reason { details["reason"] = reason }
        if falseAlarm { details["false_alarm"] = "true" }
        let moved = try await commit("incident.phase", by: actor, details: details) {
            try $0.move(id, to: phase, by: actor, reason: reason, falseAlarm: falseAlarm, now: now)
        }
        if phase == .deciding { return try await propose(id) }
        return moved
    }

    /// The method's "decide", done by the machine: proposals from the decision tree with the
    /// engine's projected effect, strategies already tried left out.
    private func propose(_ id: String) async throws -> Incident {
        let context = await actuator?.decisionContext()
        let orientation = book.incidents[id]?.orientation
        let proposals = Decider.propose(
            orientation: orientation, report: context?.report, firstNumber: book.nextProposalNumber(id),
            tried: book.triedStrategies(id), project: { state in context.map { $0.project($0.program, state) } },
            program: context?.program, projectProgram: { program, state in context?.project(program, state) })
        let now = clock.now().unixMilliseconds
        return try await commit("incident.propose", by: TimelineEntry.daemon, details: ["count": "\(proposals.count)"])
        {
            try $0.proposed(id, proposals: proposals, now: now)
        }
    }

    public func approve(_ id: String, proposal number: Int, by actor: String) async throws -> Incident {
        let now = clock.now().unixMilliseconds
        return try await commit("incident.approve", by: actor, details: ["proposal": "\(number)"]) {
            try $0.approve(id, proposal: number, by: actor, now: now)
        }
    }

    /// Acts on a cleared proposal: the incident moves to acting, a recovery point is taken, the
    /// change is put in force, and the figures before and after (or the failure) go on the record.
    public func act(_ id: String, proposal number: Int, by actor: String) async throws -> Incident {
        let now = clock.now().unixMilliseconds
        var proposal: Proposal?
        _ = try await commit("incident.act", by: actor, details: ["proposal": "\(number)"]) { book in
            let result = try book.act(id, proposal: number, by: actor, now: now)
            proposal = result.proposal
            return result.incident
        }
        guard let proposal else { throw IncidentError.unknownProposal(id: id, number: number) }
        var text: String
        var details = ["proposal": "\(number)", "strategy": proposal.strategy.rawValue]
        if proposal.strategy == .investigate {
            text = "investigating: no change made to the schedule"
        } else if let actuator {
            do {
                let point = try await actuator.recoveryPoint(incident: id, proposal: number)
                details["recovery_point"] = point
                let effect = try await actuator.apply(proposal, incident: id, by: actor)
                text = "\(proposal.summary): \(effect); recovery point \(point)"
            } catch {
                text = "\(proposal.summary) could not be carried out: \(error)"
                details["failed"] = "true"
            }
        } else {
            text = "\(proposal.summary): nothing carries out actions here"
            details["failed"] = "true"
        }
        let at = clock.now().unixMilliseconds
        return try await commit("incident.action", by: actor, details: details) {
            try $0.recordAction(id, text: text, details: details, by: actor, now: at)
        }
    }

    public func note(_ id: String, text: String, by actor: String) async throws -> Incident {
        let now = clock.now().unixMilliseconds
        return try await commit("incident.note", by: actor, details: [:]) {
            try $0.note(id, text: text, by: actor, now: now)
        }
    }

    public func acknowledge(_ id: String, by actor: String) async throws -> Incident {
        let now = clock.now().unixMilliseconds
        var groups: [String] = []
        let incident = try await commit("incident.ack", by: actor, details: [:]) { book in
            let result = try book.acknowledge(id, by: actor, now: now)
            groups = result.groupKeys
            return result.incident
        }
        // Its alert groups' escalations stop too.
        for key in groups { await acknowledgeGroup(key, actor) }
        return incident
    }

    /// Back to normal operations (no load shedding, no fallback), as an explicit step on the
    /// incident's record with the figures before and after.
    public func undo(_ id: String, by actor: String) async throws -> Incident {
        guard book.incidents[id] != nil else { throw IncidentError.notFound(id) }
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else { throw IncidentError.actorRequired }
        var details = ["undo": "true"]
        let text: String
        do {
            guard let actuator else { throw ActionError("nothing carries out actions here") }
            let effect = try await actuator.restoreNormal(incident: id, by: actor)
            text = "back to normal operations (no load shedding, no fallback): \(effect)"
        } catch {
            text = "back to normal operations failed: \(error)"
            details["failed"] = "true"
        }
        let now = clock.now().unixMilliseconds
        return try await commit("incident.undo", by: actor, details: details) {
            try $0.recordAction(id, text: text, details: details, by: actor, now: now)
        }
    }

    public func timeZone() async -> TimeZone {
        await zone()
    }
}
