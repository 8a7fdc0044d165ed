import Alerting
import Foundation
import Logging
import Rules
import Server
import Storage
import VigilCore

/// The daemon's live configuration and readiness: the one place a reload swaps state.
///
/// A reload re-reads the same source, validates all of it, and swaps it in atomically — or keeps
/// the running configuration, says why (log, `vigil_config_last_reload_successful 0`, audit log)
/// and changes nothing else. Rule files are part of "all of it": one invalid rule file keeps the
/// running configuration and rules. Settings that only take effect at start (`web.listen_address`,
/// `storage.path`) are kept at their running values and the log says a restart is needed.
public actor DaemonState: DaemonControl {
    public private(set) var config: VigilConfig
    public let source: ConfigSource
    public let overrides: ConfigOverrides
    private let metrics: DaemonMetrics
    private let auditLog: AuditLog
    private let clock: any VigilClock
    private let logger: Logger
    private let rules: RuleManager?
    private let alerting: AlertingService?
    private let supervision: Supervision?
    /// The HTTP surface's TLS, users and headers, replaced here on reload.
    public nonisolated let security: WebSecurityState
    /// The escalation files in force (route tree, inhibit rules, time intervals).
    public private(set) var escalation: EscalationConfig
    private var ready = false

    public init(
        config: VigilConfig, source: ConfigSource, overrides: ConfigOverrides, metrics: DaemonMetrics,
        auditLog: AuditLog, clock: any VigilClock, logger: Logger, rules: RuleManager? = nil,
        alerting: AlertingService? = nil, escalation: EscalationConfig = .fallback(receiver: "default"),
        supervision: Supervision? = nil
    ) {
        self.supervision = supervision
        self.security = WebSecurityState(config.web.security)
        self.rules = rules
        self.alerting = alerting
        self.escalation = escalation
        self.config = config
        self.source = source
        self.overrides = overrides
        self.metrics = metrics
        self.auditLog = auditLog
        self.clock = clock
        self.logger = logger
        metrics.recordReload(success: true, at: clock.now())
    }

    public func isReady() -> Bool { ready }

    /// Marks storage and configuration as up (or, at shutdown, as going away).
    public func setReady(_ value: Bool) { ready = value }

    public func reload(actor: String) async -> ReloadOutcome {
        let now = clock.now()
        supervision?.reloading()
        defer { supervision?.reloaded() }
        let next: VigilConfig
        let ruleFiles: [RuleFile]
        let nextEscalation: EscalationConfig
        do {
            next = try source.load(overrides: overrides)
            ruleFiles = try RuleFileSet.load(patterns: next.ruleFiles)
            nextEscalation = try EscalationFileSet.load(for: next)
        } catch {
            metrics.recordReload(success: false, at: now)
            logger.error(
                "configuration reload failed; the running configuration is kept",
                metadata: ["source": "\(source)", "actor": "\(actor)", "errors": "\(error)"])
            audit(
                actor: actor, action: "config.reload_failed", at: now,
                details: ["source": "\(source)", "error": "\(error)"])
            return .kept(reason: "\(error)")
        }
        var accepted = next
        var needsRestart: [String] = []
        if accepted.web.listenAddress != config.web.listenAddress {
            needsRestart.append("web.listen_address")
            accepted.web.listenAddress = config.web.listenAddress
        }
        if (accepted.web.security.tls == nil) != (config.web.security.tls == nil) {
            // The listener is plain HTTP or HTTPS from the start; certificates alone change live.
            needsRestart.append("web tls_server_config (turning TLS on or off)")
            accepted.web.security.tls = config.web.security.tls
        }
        if accepted.query != config.query {
            needsRestart.append("query")
            accepted.query = config.query
        }
        if accepted.storage.path != config.storage.path {
            needsRestart.append("storage.path")
            accepted.storage.path = config.storage.path
        }
        if !needsRestart.isEmpty {
            logger.warning(
                "changed settings take effect only after a restart",
                metadata: ["settings": "\(needsRestart.joined(separator: ", "))"])
        }
        let changed = accepted != config
        config = accepted
        security.update(accepted.web.security)
        await rules?.apply(ruleFiles, config: accepted)
        escalation = nextEscalation
        await alerting?.apply(accepted, escalation: nextEscalation)
        metrics.recordReload(success: true, at: now)
        logger.info(
            "configuration reloaded", metadata: ["source": "\(source)", "actor": "\(actor)", "changed": "\(changed)"])
        audit(
            actor: actor, action: "config.reload", at: now,
            details: [
                "source": "\(source)", "changed": "\(changed)",
                "restart_required": needsRestart.joined(separator: ","),
            ])
        return .reloaded
    }

    /// Writes an audit entry; a failing database is logged, never fatal to the caller.
    public func audit(actor: String, action: String, at time: Date, details: [String: String] = [:]) {
        do {
            try auditLog.append(AuditEntry(at: time, actor: actor, action: action, details: details))
        } catch {
            logger.error("cannot write the audit log", metadata: ["action": "\(action)", "error": "\(error)"])
        }
    }
}
