import Alerting
import Foundation
import Logging
import Prometheus
import Server
import Storage
import TestSupport
import Testing
import VigilCore

@testable import VigilDaemon

@Suite("Configuration reload")
struct DaemonStateReloadTests {
    static func config(interval: String) -> String {
        """
        global:
          evaluation_interval: \(interval)
        storage:
          path: data/vigil.db
        receivers:
          - name: on_call_admin
        """
    }

    struct Fixture {
        let directory = TestDirectory()
        let registry = PrometheusCollectorRegistry()
        let clock = ManualClock()
        let configPath: String
        let state: DaemonState
        let database: VigilDatabase

        init() throws {
            configPath = try directory.write("vigil.yml", DaemonStateReloadTests.config(interval: "15s"))
            let source = ConfigSource.file(configPath)
            let config = try source.load(overrides: .init())
            database = try VigilDatabase(path: config.storage.path)
            state = DaemonState(
                config: config, source: source, overrides: .init(),
                metrics: DaemonMetrics(registry: registry, startTime: clock.now()),
                auditLog: AuditLog(database: database),
                clock: clock, logger: Logger(label: "reload-test"))
        }
    }

    @Test func aValidFileIsSwappedInAndRecorded() async throws {
        let fixture = try Fixture()
        try fixture.directory.write("vigil.yml", Self.config(interval: "1m"))
        fixture.clock.advance(by: 60)

        let outcome = await fixture.state.reload(actor: "sighup")
        #expect(outcome == .reloaded)
        #expect(await fixture.state.config.global.evaluationInterval == PromDuration(milliseconds: 60_000))
        let metrics = fixture.registry.emitToString()
        #expect(metrics.contains("vigil_config_last_reload_successful 1"))
        #expect(
            metrics.contains(
                "vigil_config_last_reload_success_timestamp_seconds \(fixture.clock.now().timeIntervalSince1970)"))
        let entries = try AuditLog(database: fixture.database).recent(action: "config.reload")
        #expect(entries.first?.actor == "sighup")
        #expect(entries.first?.details["changed"] == "true")
    }

    @Test func aBrokenFileKeepsTheRunningConfigAndSaysWhy() async throws {
        let fixture = try Fixture()
        let before = await fixture.state.config
        try fixture.directory.write("vigil.yml", "global:\n  evaluation_interval: 15x\n  no_such_key: 1\n")

        let outcome = await fixture.state.reload(actor: "api")
        guard case .kept(reason: let reason) = outcome else {
            Issue.record("expected the old config to be kept, got \(outcome)")
            return
        }
        #expect(reason.contains("\(fixture.configPath):2:24"))
        #expect(reason.contains("no_such_key"))
        #expect(await fixture.state.config == before)
        #expect(fixture.registry.emitToString().contains("vigil_config_last_reload_successful 0"))
        let failed = try AuditLog(database: fixture.database).recent(action: "config.reload_failed")
        #expect(failed.count == 1)
        #expect(failed.first?.actor == "api")

        // Fixing the file recovers, and the metric says so.
        try fixture.directory.write("vigil.yml", Self.config(interval: "30s"))
        #expect(await fixture.state.reload(actor: "api") == .reloaded)
        #expect(fixture.registry.emitToString().contains("vigil_config_last_reload_successful 1"))
    }

    @Test func aDeletedFileKeepsTheRunningConfig() async throws {
        let fixture = try Fixture()
        try FileManager.default.removeItem(atPath: fixture.configPath)
        guard case .kept(reason: _) = await fixture.state.reload(actor: "api") else {
            Issue.record("a missing file must not be swapped in")
            return
        }
        #expect(await fixture.state.config.global.evaluationInterval == PromDuration(milliseconds: 15_000))
    }

    @Test func startOnlySettingsKeepTheirRunningValues() async throws {
        let fixture = try Fixture()
        try fixture.directory.write(
            "vigil.yml", Self.config(interval: "15s") + "\nweb:\n  listen_address: 127.0.0.1:9999\n")
        #expect(await fixture.state.reload(actor: "api") == .reloaded)
        #expect(await fixture.state.config.web.listenAddress == "127.0.0.1:9095")
        let entry = try AuditLog(database: fixture.database).recent(action: "config.reload").first
        #expect(entry?.details["restart_required"] == "web.listen_address")
    }

    @Test func aBrokenEscalationFileKeepsTheRunningRouteTree() async throws {
        let fixture = try Fixture()
        let withEscalation =
            Self.config(interval: "15s") + "\n  - name: admin_team\nescalation_files: [\"escalation.yml\"]\n"
        try fixture.directory.write("vigil.yml", withEscalation)
        try fixture.directory.write(
            "escalation.yml",
            "route:\n  receiver: admin_team\n  routes:\n    - matchers: ['severity=\"critical\"']\n      receiver: on_call_admin\n"
        )
        #expect(await fixture.state.reload(actor: "test") == .reloaded)
        #expect(await fixture.state.escalation.route.routes.map(\.options.receiver) == ["on_call_admin"])

        // A receiver that does not exist: the reload fails at its line and column, the tree stays.
        try fixture.directory.write(
            "escalation.yml",
            "route:\n  receiver: admin_team\n  routes:\n    - matchers: ['severity=\"critical\"']\n      receiver: nobody\n"
        )
        guard case .kept(let reason) = await fixture.state.reload(actor: "test") else {
            Issue.record("a broken escalation file was accepted")
            return
        }
        #expect(
            reason.contains("escalation.yml:5:17: route.routes[0].receiver: undefined receiver \"nobody\""), "\(reason)"
        )
        #expect(await fixture.state.escalation.route.routes.map(\.options.receiver) == ["on_call_admin"])
        #expect(fixture.registry.emitToString().contains("vigil_config_last_reload_successful 0"))
    }
}
