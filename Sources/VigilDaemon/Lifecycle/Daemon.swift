import Alerting
import Foundation
import Logging
import Notify
import Prometheus
import Resilience
import Rules
import Schedule
import Server
import ServiceLifecycle
import Storage
import Synchronization
import TimeSeries
import UnixSignals
import VigilCore

/// The assembled daemon: configuration, storage, secrets and the services that run on them.
///
/// `init` does everything that can fail before serving (a bad config, a refused database, a
/// short secret) so `vigil run` fails fast with one clear message. `run()` then runs the HTTP
/// server, the evaluation ticker, the scrapers and the SIGHUP listener in one `ServiceGroup` until SIGTERM or
/// SIGINT (or ``shutdown()``), lets in-flight work finish, and closes the database.
public final class Daemon: Sendable {
    public let state: DaemonState
    public let database: VigilDatabase
    /// Held while the daemon runs: a second daemon or `vigil admin restore` on the same file refuses.
    let lock: DatabaseLock
    /// Where `POST /api/v1/admin/backup` writes (`<data directory>/backups`).
    let backupDirectory: String
    public let registry: PrometheusCollectorRegistry
    public let secrets: Secrets
    let options: DaemonOptions
    let listen: ListenAddress
    let metrics: DaemonMetrics
    /// The schedule file and pushed snapshots.
    let scheduleSource: ScheduleSource
    /// Runs the resilience engine on every tick and exports its samples.
    let resilience: ResilienceRunner
    let scheduleControl: DaemonScheduleControl
    /// Every series rules and the query API read: the engine's samples, scrapes, recording rules.
    public let seriesStore: SeriesStore
    /// The rule groups, each ticking on its own interval.
    public let rules: RuleManager
    let seriesMetrics: SeriesMetrics
    /// Vigil's own `/metrics`, ingested with `job="vigil"` every tick.
    let selfScrape: SelfScrape
    /// Routing, grouping, silences and the delivery of notifications.
    public let alerting: AlertingService
    /// Incidents: opened from the alert groups, worked through the method's phases over the API.
    public let incidents: IncidentService
    /// What systemd hears: ready, reloading, stopping, the status line, the watchdog.
    let supervision: Supervision
    private let initialRuleFiles: [RuleFile]
    private let group = Mutex<ServiceGroup?>(nil)

    public init(options: DaemonOptions) throws(DaemonError) {
        self.options = options
        let logger = options.logger
        let source = options.configSource
        let config: VigilConfig
        do {
            config = try source.load(overrides: options.overrides)
        } catch {
            throw .config(error)
        }
        guard let listen = ListenAddress(parsing: config.web.listenAddress) else {
            throw .invalidListenAddress(config.web.listenAddress)
        }
        self.listen = listen
        logger.info("configuration loaded", metadata: ["source": "\(source)"])
        if !listen.isLoopback, config.web.security.isOpen {
            logger.warning(
                "listening beyond loopback with neither TLS nor basic auth: anyone who can reach the port can read the program's data; set web.config_file (tls_server_config, basic_auth_users)",
                metadata: ["address": "\(listen)"])
        }

        do {
            lock = try DatabaseLock(databasePath: config.storage.path)
        } catch {
            throw .storage(error)
        }
        do {
            database = try VigilDatabase(path: config.storage.path)
        } catch {
            lock.release()
            throw .storage(error)
        }
        logger.info("storage open", metadata: ["path": "\(database.path)"])

        let dataDirectory =
            options.overrides.dataDirectory ?? (config.storage.path as NSString).deletingLastPathComponent
        let loaded: (secrets: Secrets, generated: [String])
        do {
            loaded = try SecretsLoader(dataDirectory: dataDirectory, environment: options.environment, logger: logger)
                .load()
        } catch {
            try? database.close()
            lock.release()
            throw .secrets(error)
        }
        secrets = loaded.secrets
        backupDirectory = (dataDirectory as NSString).appendingPathComponent("backups")

        let ruleFiles: [RuleFile]
        do {
            ruleFiles = try RuleFileSet.load(patterns: config.ruleFiles)
        } catch {
            try? database.close()
            lock.release()
            throw .rules(error)
        }

        let escalation: EscalationConfig
        do {
            escalation = try EscalationFileSet.load(for: config)
        } catch {
            try? database.close()
            lock.release()
            throw .escalation(error)
        }

        registry = PrometheusCollectorRegistry()
        let now = options.clock.now()
        metrics = DaemonMetrics(registry: registry, startTime: now)
        seriesStore = SeriesStore(
            retention: SeriesRetention.milliseconds(
                configured: config.storage.seriesRetention?.milliseconds, longestRuleWindow: 0))
        seriesMetrics = SeriesMetrics(registry: registry)
        rules = RuleManager(
            store: seriesStore, clock: options.clock, logger: logger, metrics: RuleMetrics(registry: registry),
            persistence: AlertStatePersistence(store: AlertStateStore(database: database)))
        self.initialRuleFiles = ruleFiles
        alerting = AlertingService(
            config: config, escalation: escalation, database: database,
            notificationsFile: (dataDirectory as NSString).appendingPathComponent("notifications.jsonl"),
            webhookSecret: Array(loaded.secrets.webhookSecret.utf8), timeZone: TimeZone(identifier: "UTC") ?? .current,
            metrics: AlertingMetrics(
                registry: registry, auditLog: AuditLog(database: database), clock: options.clock, logger: logger),
            clock: options.clock, logger: logger)
        let auditLog = AuditLog(database: database)
        supervision = Supervision(
            notifier: SystemdNotifier(environment: options.environment), clock: options.clock, logger: logger)
        state = DaemonState(
            config: config, source: source, overrides: options.overrides, metrics: metrics, auditLog: auditLog,
            clock: options.clock, logger: logger, rules: rules, alerting: alerting, escalation: escalation,
            supervision: supervision)
        let audit: AuditWriter = { [state] actor, action, time, details in
            await state.audit(actor: actor, action: action, at: time, details: details)
        }
        scheduleSource = ScheduleSource(
            path: config.schedule.path, snapshots: ScheduleSnapshotStore(database: database),
            versions: ScheduleVersionStore(database: database), metrics: ScheduleMetrics(registry: registry),
            audit: audit, logger: logger)
        let engineSink = SeriesStoreSink(store: seriesStore)
        selfScrape = SelfScrape(
            registry: registry, store: seriesStore, instance: listen.description,
            excluded: { [names = engineSink.names] in names.current })
        resilience = ResilienceRunner(
            source: scheduleSource,
            sinks: [ResilienceMetricsExporter(registry: registry), engineSink],
            metrics: ResilienceRunMetrics(registry: registry), stateStore: ResilienceStateStore(database: database),
            changes: ScheduleChangeStore(database: database),
            audit: audit, logger: logger)
        scheduleControl = DaemonScheduleControl(
            source: scheduleSource, runner: resilience, state: state, clock: options.clock)
        incidents = IncidentService(
            store: IncidentRepository(database: database), pipeline: alerting.pipeline,
            policies: { [state] in await state.escalation.incidentPolicies },
            timeZone: { [scheduleSource] in
                await scheduleSource.current?.program.timezone.flatMap(TimeZone.init(identifier:)) ?? .gmt
            },
            acknowledgeGroup: { [alerting, logger] key, by in
                do {
                    _ = try await alerting.acknowledge(.ack, target: .group(key), by: by, via: "incident", source: "")
                } catch {
                    logger.warning(
                        "cannot acknowledge an incident's alert group",
                        metadata: ["group": "\(key)", "error": "\(error)"])
                }
            },
            unacknowledgeGroup: { [alerting, logger] key in
                do {
                    _ = try await alerting.acknowledge(
                        .unack, target: .group(key), by: "vigil", via: "incident", source: "")
                } catch {
                    logger.warning(
                        "cannot resume an incident's alert group", metadata: ["group": "\(key)", "error": "\(error)"])
                }
            },
            verificationHold: { [state] in await state.escalation.incidentVerificationHold },
            audit: { [state, clock = options.clock] actor, action, details in
                await state.audit(actor: actor, action: action, at: clock.now(), details: details)
            }, clock: options.clock, logger: logger, metrics: IncidentMetrics(registry: registry),
            observation: {
                [
                    source = IncidentObservationSource(
                        resilience: resilience, schedule: scheduleSource, alerting: alerting, series: seriesStore,
                        changes: ScheduleChangeStore(database: database))
                ] now in
                await source.input(now: now)
            },
            actuator: DaemonIncidentActuator(
                runner: resilience, schedule: scheduleSource, state: state, database: database,
                backups: backupDirectory, registry: registry, clock: options.clock),
            deliveries: { [outbox = alerting.outbox, logger] keys, since in
                do {
                    return try IncidentDeliveries.read(outbox, groupKeys: keys, since: since)
                } catch {
                    logger.warning("cannot read notifications for incidents", metadata: ["error": "\(error)"])
                    return [:]
                }
            })
        for path in loaded.generated {
            do {
                _ = try auditLog.append(
                    AuditEntry(at: now, actor: "daemon", action: "secrets.generated", details: ["path": path]))
            } catch {
                logger.error(
                    "cannot write the audit log", metadata: ["action": "secrets.generated", "error": "\(error)"])
            }
        }
    }

    /// Runs until SIGTERM/SIGINT or ``shutdown()``, then closes the database.
    public func run() async throws {
        let logger = options.logger
        let clock = options.clock
        let state = self.state
        let metrics = self.metrics
        let resilience = self.resilience
        let seriesStore = self.seriesStore
        let scrapes = ScrapeManager(store: seriesStore, clock: clock, logger: logger)
        // The schedule is read (and evaluated) before the server listens, so /metrics and the
        // summary are complete from the first request; a bad schedule is logged, never fatal.
        await scheduleSource.start(at: clock.now())
        await resilience.refresh(at: clock.now(), config: await state.config)
        await rules.apply(initialRuleFiles, config: await state.config)
        let alerting = self.alerting
        let incidents = self.incidents
        if let zone = await scheduleSource.current?.program.timezone.flatMap(TimeZone.init(identifier:)) {
            await alerting.setTimeZone(zone)
        }
        await rules.sendAlerts { alerts, time in
            await alerting.pipeline.receive(alerts, now: time, persist: false)
        }
        let rules = self.rules
        let seriesMetrics = self.seriesMetrics
        let selfScrape = self.selfScrape
        let startConfig = await state.config
        let supervision = self.supervision
        let onListening = options.onListening
        let status: @Sendable () async -> Void = {
            let level = await resilience.latestReport.map { "defense level \($0.defense.level)" } ?? "no schedule"
            supervision.status("\(level), \(await rules.firingAlerts) alerts firing")
        }
        await status()
        let server = try HTTPServer.makeApplication(
            HTTPServerSettings(
                listen: listen, apiToken: BearerToken(secrets.apiToken), security: state.security,
                registry: registry, clock: clock,
                control: state, schedule: scheduleControl,
                query: QueryAPISettings(
                    store: seriesStore,
                    options: startConfig.query.options(evaluationInterval: startConfig.global.evaluationInterval),
                    gate: QueryGate(limit: startConfig.query.maxConcurrency, registry: registry)),
                rules: RulesAPISettings(
                    groups: { await rules.groups },
                    acknowledgements: { [pipeline = alerting.pipeline] in
                        AlertAcknowledgements(
                            externalLabels: Labels(await state.config.global.externalLabels),
                            byFingerprint: await pipeline.acknowledgements())
                    }),
                alertmanager: AlertmanagerAPISettings(
                    pipeline: alerting.pipeline,
                    receivers: { await state.config.receivers.map(\.name) },
                    originalConfig: {
                        let config = await state.config
                        return AlertmanagerConfigText.render(
                            await state.escalation, receivers: config.receivers.map(\.name),
                            resolveTimeout: config.global.resolveTimeout.milliseconds)
                    },
                    startedAt: clock.now().unixMilliseconds, version: BuildInfo.version,
                    notifications: OutboxView(outbox: alerting.outbox, worker: alerting.worker),
                    audit: { actor, action, details in
                        await state.audit(actor: actor, action: action, at: clock.now(), details: details)
                    },
                    webhookSecret: Array(secrets.webhookSecret.utf8), ackRequests: AckRequestStore(database: database)),
                incidents: incidents,
                admin: AdminSettings { [database, backupDirectory] in
                    let name =
                        "\(DatabaseBackup.stamp(clock.now()))-\(String(UInt32.random(in: .min ... .max), radix: 16))"
                    let check = try DatabaseBackup.backup(
                        database, to: (backupDirectory as NSString).appendingPathComponent(name + ".db"))
                    await state.audit(
                        actor: "api", action: "admin.backup", at: clock.now(),
                        details: ["path": check.path, "bytes": "\(check.fileBytes)"])
                    return [
                        "name": name, "path": check.path, "bytes": "\(check.fileBytes)",
                        "integrity": check.integrity.joined(separator: "; "),
                        "schema": check.appliedMigrations.last ?? "",
                    ]
                },
                status: DaemonStatus(
                    state: state, scrapes: scrapes, source: options.configSource, listen: listen.description,
                    extraFlags: options.flags),
                pages: DaemonPages(
                    resilience: resilience, schedule: scheduleSource, alerting: alerting, incidents: incidents,
                    rules: rules,
                    audit: { actor, action, details in
                        await state.audit(actor: actor, action: action, at: clock.now(), details: details)
                    },
                    runbookFolders: DaemonPages.runbookFolders(
                        config: startConfig.sourcePath, workingDirectory: options.workingDirectory), clock: clock),
                logger: logger,
                onListening: { port in
                    await onListening(port)
                    if await state.isReady() { supervision.ready() }
                }))
        let ticker = EvaluationTicker(
            clock: clock, logger: logger,
            interval: { await state.config.global.evaluationInterval },
            tick: { _ in
                metrics.recordTick()
                let config = await state.config
                supervision.heartbeat(allowedSilence: max(60, 3 * config.global.evaluationInterval.seconds))
                await resilience.tick(at: clock.now(), config: config)
                selfScrape.run(at: SeriesTime.milliseconds(clock.now()))
                await scrapes.sync(configs: config.scrapeConfigs, global: config.global)
                seriesStore.compact(now: SeriesTime.milliseconds(clock.now()))
                seriesMetrics.record(seriesStore.seriesCountBySource)
                await status()
            })
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: server),
                    .init(service: ticker),
                    .init(service: ReloadSignalService(control: state, logger: logger)),
                    .init(
                        service: ScrapeService(manager: scrapes) {
                            let config = await state.config
                            return (config.scrapeConfigs, config.global)
                        }),
                    .init(service: RuleService(manager: rules)),
                    .init(service: alerting),
                    .init(service: incidents),
                    // Last, so it hears of a shutdown first and says STOPPING=1 at once.
                    .init(service: supervision),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        self.group.withLock { $0 = group }

        await state.audit(
            actor: "daemon", action: "daemon.start", at: clock.now(), details: ["version": BuildInfo.version])
        await state.setReady(true)
        defer { self.group.withLock { $0 = nil } }
        do {
            try await group.run()
        } catch {
            await finish(reason: "error: \(error)")
            if let failure = ListenFailure(error, address: listen) { throw DaemonError.listen(failure) }
            throw error
        }
        await finish(reason: "shutdown")
    }

    /// Starts a graceful shutdown, as SIGTERM does.
    public func shutdown() async {
        let group = self.group.withLock { $0 }
        await group?.triggerGracefulShutdown()
    }

    private func finish(reason: String) async {
        await state.setReady(false)
        await state.audit(actor: "daemon", action: "daemon.stop", at: options.clock.now(), details: ["reason": reason])
        do {
            try database.close()
            options.logger.info("stopped; database closed", metadata: ["reason": "\(reason)"])
        } catch {
            options.logger.error("closing the database failed", metadata: ["error": "\(error)"])
        }
        lock.release()
    }
}
