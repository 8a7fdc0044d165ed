import Alerting
import Logging
import Notify
import Prometheus
import Storage
import VigilCore

/// The alerting pipeline's figures on `/metrics`: notifications by outcome, fired → delivered latency,
/// the outbox backlog, dead letters, silences by state and alerts received.
struct AlertingMetrics: DeliveryMetrics {
    let registry: PrometheusCollectorRegistry
    /// Dead letters are written to the audit log: a page that never arrived must leave a trace.
    let auditLog: AuditLog?
    let clock: (any VigilClock)?
    let logger: Logger?
    private let latency: DurationHistogram
    private let pending: Gauge
    private let deadLetters: Counter

    init(
        registry: PrometheusCollectorRegistry, auditLog: AuditLog? = nil, clock: (any VigilClock)? = nil,
        logger: Logger? = nil
    ) {
        self.registry = registry
        self.auditLog = auditLog
        self.clock = clock
        self.logger = logger
        latency = registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "vigil", metricName: "notification_latency", unitName: "seconds",
                helpText: "Time from an alert firing to the delivery of its first notification."),
            buckets: [
                .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
                .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(300), .seconds(900), .seconds(3600),
            ])
        pending = registry.makeGauge(
            descriptor: .init(
                namespace: "vigil", metricName: "outbox_pending", unitName: "",
                helpText: "Notifications waiting in the outbox for delivery."))
        deadLetters = registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "notifications_dead_letter", unitName: "total",
                helpText: "Notifications given up on (too old or refused for good)."))
        for state in SilenceState.allCases { silences(state).set(to: 0) }
        for status in ["firing", "resolved", "invalid"] { _ = received(status) }
        for via in ["api", "cli", "webhook", "link"] { recordAcks(action: "ack", via: via, count: 0) }
    }

    private func notifications(_ message: OutboxMessage, _ outcome: String) -> Counter {
        registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "notifications", unitName: "total",
                helpText: "Delivery attempts by receiver, integration and outcome (delivered, failed, dead)."),
            labels: [("receiver", message.receiver), ("integration", message.kind), ("outcome", outcome)])
    }

    private func silences(_ state: SilenceState) -> Gauge {
        registry.makeGauge(
            descriptor: .init(namespace: "vigil", metricName: "silences", unitName: "", helpText: "Silences by state."),
            labels: [("state", state.rawValue)])
    }

    private func received(_ status: String) -> Counter {
        registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "alerts_received", unitName: "total",
                helpText: "Alerts received by the pipeline (from rules and the API) by status."),
            labels: [("status", status)])
    }

    func delivered(_ message: OutboxMessage, at time: Int64) {
        notifications(message, "delivered").increment()
        if let fired = message.firstFiredAt {
            latency.recordNanoseconds(max(0, time - fired) * 1_000_000)
        }
    }

    func failedAttempt(_ message: OutboxMessage, error: String) {
        notifications(message, "failed").increment()
    }

    func deadLettered(_ message: OutboxMessage, error: String) {
        notifications(message, "dead").increment()
        deadLetters.increment()
        guard let auditLog, let clock else { return }
        do {
            try auditLog.append(
                AuditEntry(
                    at: clock.now(), actor: "daemon", action: "notification.dead_letter",
                    details: [
                        "id": message.id, "receiver": message.receiver, "integration": message.integration,
                        "group_key": message.groupKey, "attempts": "\(message.attempts + 1)", "error": error,
                    ]))
        } catch {
            logger?.error(
                "cannot write the audit log", metadata: ["action": "notification.dead_letter", "error": "\(error)"])
        }
    }

    func recordOutbox(pending count: Int) {
        pending.set(to: Double(count))
    }

    func recordSilences(_ counts: [SilenceState: Int]) {
        for (state, count) in counts { silences(state).set(to: Double(count)) }
    }

    /// Adds escalation steps taken since the last call.
    func recordSteps(policy: String, step: String, count: Int) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "escalation_steps", unitName: "total",
                helpText: "Escalation steps taken, by policy and step (3r1: the first repeat of step 3)."),
            labels: [("policy", policy), ("step", step)]
        ).increment(by: Int64(count))
    }

    /// Adds acknowledgement actions since the last call.
    func recordAcks(action: String, via: String, count: Int) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "vigil", metricName: "acks", unitName: "total",
                helpText: "Acknowledgement actions on alert groups, by action and path (api, cli, webhook, link)."),
            labels: [("action", action), ("via", via)]
        ).increment(by: Int64(count))
    }

    /// Adds what the pipeline counted since the last call.
    func recordReceived(firing: Int, resolved: Int, invalid: Int) {
        if firing > 0 { received("firing").increment(by: Int64(firing)) }
        if resolved > 0 { received("resolved").increment(by: Int64(resolved)) }
        if invalid > 0 { received("invalid").increment(by: Int64(invalid)) }
    }
}
