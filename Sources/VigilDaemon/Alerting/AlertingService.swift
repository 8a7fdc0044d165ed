import Alerting
import Foundation
import Logging
import Notify
import Rules
import ServiceLifecycle
import Storage
import Synchronization
import Transport
import VigilCore

/// Runs the alerting pipeline in the daemon: flushes groups when they are due (woken early when alerts
/// arrive), collects garbage every 30 seconds, keeps the metrics current, and runs the delivery
/// worker beside it. Only wiring: the decisions live in `Alerting`, the delivery in `Notify`.
public final class AlertingService: Service, Sendable {
    public let pipeline: AlertPipeline
    public let worker: DeliveryWorker
    public let outbox: OutboxRepository
    public let receivers: ReceiverDirectory
    let metrics: AlertingMetrics
    let clock: any VigilClock
    let logger: Logger
    private let wake = WakeSignal()
    private let settings: LiveSettings
    private let reported = Mutex<(firing: Int, resolved: Int, invalid: Int)>((0, 0, 0))
    private let reportedSteps = Mutex<[StepCounterKey: Int]>([:])
    private let lastOutboxCount = Mutex<Int64>(0)
    private let reportedAcks = Mutex<[AckCounterKey: Int]>([:])

    init(
        config: VigilConfig, escalation: EscalationConfig, database: VigilDatabase, notificationsFile: String,
        webhookSecret: [UInt8], timeZone: TimeZone, metrics: AlertingMetrics, clock: any VigilClock, logger: Logger
    ) {
        let receivers = ReceiverDirectory(config.receivers)
        let settings = LiveSettings(
            externalURL: Self.externalURL(of: config), smtp: Self.smtpDefaults(config.global), timeZone: timeZone,
            ackLinkExpiry: config.global.ackLinkExpiry.milliseconds, templates: escalation.templates)
        let outbox = OutboxRepository(database: database)
        let store = AlertingStore(database: database)
        let senders: [String: any MessageSender] = [
            "webhook": WebhookSender(
                directory: receivers,
                transport: CurlTransport(userAgent: "Vigil/\(BuildInfo.version)", maxConcurrentTransfers: 64),
                secret: webhookSecret, userAgent: "Vigil/\(BuildInfo.version)"),
            "pagerduty": PagerDutySender(
                directory: receivers,
                transport: CurlTransport(userAgent: "Vigil/\(BuildInfo.version)", maxConcurrentTransfers: 16),
                userAgent: "Vigil/\(BuildInfo.version)"),
            "slack": SlackSender(
                directory: receivers,
                transport: CurlTransport(userAgent: "Vigil/\(BuildInfo.version)", maxConcurrentTransfers: 16),
                userAgent: "Vigil/\(BuildInfo.version)", clock: clock),
            "msteams": TeamsSender(
                directory: receivers,
                transport: CurlTransport(userAgent: "Vigil/\(BuildInfo.version)", maxConcurrentTransfers: 16),
                userAgent: "Vigil/\(BuildInfo.version)"),
            "sms": SMSSender(
                directory: receivers,
                transport: CurlTransport(userAgent: "Vigil/\(BuildInfo.version)", maxConcurrentTransfers: 16),
                userAgent: "Vigil/\(BuildInfo.version)"),
            "file": FileSender(path: notificationsFile),
            "email": EmailSender(directory: receivers) { settings.state.withLock { $0.smtp } },
        ]
        let worker = DeliveryWorker(
            store: outbox, senders: senders, clock: clock, logger: logger, metrics: metrics, perReceiverLimit: 64,
            totalLimit: 128)
        let recorder = OutboxRecorder(
            store: store,
            renderer: {
                let (externalURL, expiry, templates) = settings.state.withLock {
                    ($0.externalURL, $0.ackLinkExpiry, $0.templates)
                }
                return MessageRenderer(
                    externalURL: externalURL, receivers: receivers,
                    ackLinks: AckLinks(secret: webhookSecret, lifetime: expiry), templates: templates)
            },
            deliver: { worker.deliver($0) })
        pipeline = AlertPipeline(
            config: Self.pipelineConfig(config, escalation: escalation, timeZone: timeZone), store: store,
            recorder: recorder,
            logger: logger)
        self.worker = worker
        self.settings = settings
        self.outbox = outbox
        self.receivers = receivers
        self.metrics = metrics
        self.clock = clock
        self.logger = logger
    }

    /// Swaps in a reloaded configuration and escalation tree.
    public func apply(_ config: VigilConfig, escalation: EscalationConfig) async {
        receivers.update(config.receivers)
        let zone = settings.state.withLock { state in
            state.externalURL = Self.externalURL(of: config)
            state.smtp = Self.smtpDefaults(config.global)
            state.ackLinkExpiry = config.global.ackLinkExpiry.milliseconds
            state.templates = escalation.templates
            return state.timeZone
        }
        await pipeline.apply(
            Self.pipelineConfig(config, escalation: escalation, timeZone: zone), now: clock.now().unixMilliseconds)
    }

    /// The program's time zone (from the schedule), which time intervals without a `location` use.
    public func setTimeZone(_ zone: TimeZone) async {
        settings.state.withLock { $0.timeZone = zone }
        var config = await pipeline.config
        config.planner.timeZone = zone
        await pipeline.apply(config, now: clock.now().unixMilliseconds)
    }

    static func smtpDefaults(_ global: GlobalConfig) -> EmailSender.Defaults {
        EmailSender.Defaults(
            smarthost: global.smtpSmarthost, from: global.smtpFrom, hello: global.smtpHello,
            username: global.smtpAuthUsername, password: global.smtpAuthPassword,
            passwordFile: global.smtpAuthPasswordFile, requireTLS: global.smtpRequireTLS)
    }

    static func externalURL(of config: VigilConfig) -> String {
        config.global.externalURL ?? "http://\(config.web.listenAddress)"
    }

    static func pipelineConfig(
        _ config: VigilConfig, escalation: EscalationConfig, timeZone: TimeZone
    ) -> AlertPipelineConfig {
        AlertPipelineConfig(
            escalation: escalation,
            planner: NotificationPlanner(
                receivers: ReceiverDirectory.integrations(of: config.receivers),
                timeIntervals: escalation.timeIntervals,
                timeZone: timeZone),
            resolveTimeout: config.global.resolveTimeout.milliseconds)
    }

    public func run() async throws {
        let wake = self.wake
        await pipeline.onWakeUp { wake.signal() }
        await pipeline.restore(now: clock.now().unixMilliseconds)
        let worker = self.worker
        let delivery = Task { await worker.run() }
        defer { delivery.cancel() }
        var lastGarbage: Int64?
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let now = clock.now().unixMilliseconds
            await pipeline.flush(now: now)
            if lastGarbage.map({ now - $0 >= 30_000 }) ?? true {
                await pipeline.collectGarbage(now: now)
                try? outbox.removeDelivered(before: now - 24 * 3_600_000)
                lastGarbage = now
            }
            await recordMetrics(now: now)
            let next = min(await pipeline.nextFlushTime ?? .max, now + AlertPipeline.longestSleep)
            await cancelWhenGracefulShutdownOrCancelled {
                await wake.wait(until: Date(unixMilliseconds: max(next, now + 1)), clock: self.clock)
            }
        }
        delivery.cancel()
        await delivery.value
    }

    private func recordMetrics(now: Int64) async {
        // Counting the outbox is a query: once a second is enough, however often the loop wakes.
        let countOutbox = lastOutboxCount.withLock { last in
            guard now - last >= 1_000 else { return false }
            last = now
            return true
        }
        if countOutbox { metrics.recordOutbox(pending: (try? outbox.pendingCount()) ?? 0) }
        metrics.recordSilences(await pipeline.silences.counts(at: now))
        let total = await pipeline.receivedTotal
        let delta = reported.withLock { last in
            defer { last = total }
            return (total.firing - last.firing, total.resolved - last.resolved, total.invalid - last.invalid)
        }
        metrics.recordReceived(firing: delta.0, resolved: delta.1, invalid: delta.2)
        let steps = await pipeline.stepsTotal
        for (key, count) in reportedSteps.withLock({ Self.deltas(steps, since: &$0) }) {
            metrics.recordSteps(policy: key.policy, step: key.step, count: count)
        }
        await recordAckMetrics()
    }

    /// What grew in `totals` since `last`, which becomes `totals`.
    static func deltas<Key: Hashable>(_ totals: [Key: Int], since last: inout [Key: Int]) -> [(Key, Int)] {
        defer { last = totals }
        return totals.compactMap { key, total in
            let delta = total - (last[key] ?? 0)
            return delta > 0 ? (key, delta) : nil
        }
    }

    /// Acknowledges or un-acknowledges groups and brings `vigil_acks_total` up to date at once (the
    /// other counters follow at the loop's next turn).
    public func acknowledge(
        _ action: AckRecord.Action, target: AckTarget, by: String, via: String, source: String
    ) async throws(AckError) -> [AckRecord] {
        let now = clock.now().unixMilliseconds
        let records = try await pipeline.acknowledge(action, target: target, by: by, via: via, source: source, now: now)
        if !records.isEmpty { await recordAckMetrics() }
        return records
    }

    private func recordAckMetrics() async {
        let acks = await pipeline.acksTotal
        for (key, count) in reportedAcks.withLock({ Self.deltas(acks, since: &$0) }) {
            metrics.recordAcks(action: key.action, via: key.via, count: count)
        }
    }
}

/// The settings senders and the renderer read at each use, swapped on reload.
final class LiveSettings: Sendable {
    struct State {
        var externalURL: String
        var smtp: EmailSender.Defaults
        var timeZone: TimeZone
        /// ms.
        var ackLinkExpiry: Int64
        var templates: TemplateLibrary
    }

    let state: Mutex<State>

    init(
        externalURL: String, smtp: EmailSender.Defaults, timeZone: TimeZone, ackLinkExpiry: Int64,
        templates: TemplateLibrary
    ) {
        state = Mutex(
            State(
                externalURL: externalURL, smtp: smtp, timeZone: timeZone, ackLinkExpiry: ackLinkExpiry,
                templates: templates))
    }
}

/// Runs `body` until it returns, the task is cancelled or a graceful shutdown starts.
func cancelWhenGracefulShutdownOrCancelled(_ body: @escaping @Sendable () async -> Void) async {
    await cancelWhenGracefulShutdown {
        await body()
    }
}
