import Foundation
import Logging
import Storage
import TestSupport
import Testing
import Transport
import VigilCore

@testable import VigilDaemon

@Suite("The assembled daemon, in process")
struct DaemonInProcessTests {
    @Test func servesTicksReloadsAndStopsGracefully() async throws {
        let directory = TestDirectory()
        let configPath = try directory.write(
            "etc/vigil.yml", "global:\n  evaluation_interval: 30s\nreceivers:\n  - name: on_call_admin\n")
        let clock = ManualClock()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "daemon-test")
        logger.logLevel = .warning
        let daemon = try Daemon(
            options: DaemonOptions(
                configPath: configPath,
                overrides: ConfigOverrides(dataDirectory: directory.file("data"), listenAddress: "127.0.0.1:0"),
                workingDirectory: directory.path, environment: [:], clock: clock, logger: logger,
                onListening: { portContinuation.yield($0) }))
        let running = Task { try await daemon.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let base = "http://127.0.0.1:\(port)"
        let http = CurlTransport()

        #expect(try await http.perform(.init(url: base + "/-/ready")).status == 200)
        let atRest = 1 + ScheduleTestDaemon.alertingSleepers
        await clock.waitForSleepers(count: atRest)
        clock.advance(by: 30)
        await clock.waitForSleepers(count: atRest)
        clock.advance(by: 30)
        await clock.waitForSleepers(count: atRest)
        let metrics = try await http.perform(.init(url: base + "/metrics")).bodyText
        #expect(metrics.contains("vigil_evaluation_ticks_total 2"))
        #expect(metrics.contains(#"vigil_build_info{version="\#(BuildInfo.version)""#))

        let token = try String(contentsOfFile: directory.file("data/secrets/api_token"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token == daemon.secrets.apiToken)
        let reload = try await http.perform(
            .init(method: "POST", url: base + "/-/reload", headers: [("Authorization", "Bearer \(token)")]))
        #expect(reload.status == 200)

        await daemon.shutdown()
        try await running.value

        let reopened = try VigilDatabase(path: directory.file("data/vigil.db"))
        let actions = try AuditLog(database: reopened).recent().map(\.action)
        #expect(actions.first == "daemon.stop")
        #expect(actions.contains("daemon.start"))
        #expect(actions.contains("config.reload"))
        #expect(actions.filter { $0 == "secrets.generated" }.count == 2)
        try reopened.close()
    }

    @Test func anInvalidConfigurationStopsStartUpWithTheErrors() throws {
        let directory = TestDirectory()
        let configPath = try directory.write("vigil.yml", "web:\n  listen_adress: 127.0.0.1:9095\n")
        #expect {
            try Daemon(
                options: DaemonOptions(configPath: configPath, workingDirectory: directory.path, environment: [:]))
        } throws: { error in
            "\(error)".contains("\(configPath):2:3")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("var")))
    }

    @Test func aRelativeDataDirectoryIsTakenFromTheWorkingDirectory() throws {
        let directory = TestDirectory()
        let options = DaemonOptions(
            overrides: ConfigOverrides(dataDirectory: "state"), workingDirectory: directory.path, environment: [:])
        let config = try options.configSource.load(overrides: options.overrides)
        #expect(config.storage.path == directory.file("state/vigil.db"))
    }

    @Test func withoutAConfigFileItRunsOnEmbeddedDefaultsRelativeToTheWorkingDirectory() throws {
        let directory = TestDirectory()
        let options = DaemonOptions(workingDirectory: directory.path, environment: [:])
        #expect(options.configSource == .embeddedDefaults(baseDirectory: directory.path))
        let config = try options.configSource.load(overrides: .init())
        #expect(config.web.listenAddress == "127.0.0.1:9095")
        #expect(config.storage.path == directory.file("var/vigil.db"))
        #expect(config.ruleFiles == [directory.file("rules/alerts/*.yml")])

        try directory.write("etc/vigil.yml", "global:\n  evaluation_interval: 1m\n")
        #expect(options.configSource == .file(directory.file("etc/vigil.yml")))
    }
}
