import Foundation
import Logging
import Server
import Storage
import TestSupport
import Testing
import Transport
import VigilCore

@testable import VigilDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon run in process as systemd runs it: what the notify socket hears and when, the lock
/// that keeps a second daemon off its database, the online backup route and the build info route.
@Suite("The daemon as a service, in process")
struct DaemonServiceTests {
    /// One daemon running in process on `directory`'s `etc/vigil.yml` and `data/`.
    struct Running: Sendable {
        let daemon: Daemon
        let task: Task<Void, any Error>
        let base: String

        func stop() async throws {
            await daemon.shutdown()
            try await task.value
        }

        func request(
            _ method: String, _ path: String, headers: [(name: String, value: String)] = []
        ) async throws -> Transport.HTTPResponse {
            try await CurlTransport().perform(.init(method: method, url: base + path, headers: headers))
        }
    }

    /// Writes the configuration (the base test program as its schedule) unless it is there.
    static func prepare(_ directory: TestDirectory) throws {
        guard !FileManager.default.fileExists(atPath: directory.file("etc/vigil.yml")) else { return }
        try directory.write("etc/vigil.yml", ScheduleTestDaemon.config())
        try directory.write("etc/program.json", TestPrograms.base)
    }

    /// A daemon on `directory` (not started), telling `ports` the port it listens on once it runs.
    static func daemon(
        in directory: TestDirectory, environment: [String: String] = [:], ports: AsyncStream<Int>.Continuation? = nil
    ) throws(DaemonError) -> Daemon {
        var logger = Logger(label: "daemon-service-test")
        logger.logLevel = .warning
        return try Daemon(
            options: DaemonOptions(
                configPath: directory.file("etc/vigil.yml"),
                overrides: ConfigOverrides(dataDirectory: directory.file("data"), listenAddress: "127.0.0.1:0"),
                workingDirectory: directory.path, environment: environment, clock: ManualClock(), logger: logger,
                onListening: { ports?.yield($0) }))
    }

    /// Starts a daemon and returns once it listens.
    static func start(in directory: TestDirectory, environment: [String: String] = [:]) async throws -> Running {
        try prepare(directory)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let daemon = try Self.daemon(in: directory, environment: environment, ports: continuation)
        let task = Task { try await daemon.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return Running(daemon: daemon, task: task, base: "http://127.0.0.1:\(port)")
    }

    // MARK: systemd

    @Test func theNotifySocketHearsReadyAfterListeningReloadingAroundAReloadAndStopping() async throws {
        let directory = TestDirectory()
        let socket = try NotifySocket(address: directory.file("notify.sock"))
        socket.startCollecting()
        defer { socket.stop() }
        let running = try await Self.start(in: directory, environment: ["NOTIFY_SOCKET": socket.address])

        let ready = try await waitUntil("READY=1") { socket.messages.first { $0.hasPrefix("READY=1") } }
        #expect(ready == "READY=1\nSTATUS=defense level GREEN, 0 alerts firing")
        #expect(try await running.request("GET", "/-/ready").status == 200, "READY=1 before the daemon serves")

        let before = SupervisionTests.clockMonotonicMicroseconds()
        #expect(await running.daemon.state.reload(actor: "test") == .reloaded)
        let after = SupervisionTests.clockMonotonicMicroseconds()
        let reload = try await waitUntil("READY=1 after the reload") {
            let lifecycle = Self.lifecycle(socket.messages)
            return lifecycle.count >= 3 ? Array(lifecycle[1...2]) : nil
        }
        let reloading = reload[0].split(separator: "\n")
        #expect(reloading.first == "RELOADING=1")
        #expect(reloading.count == 2)
        let microseconds = try #require(reloading.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
        #expect(reloading.last?.hasPrefix("MONOTONIC_USEC=") == true)
        #expect(before <= microseconds && microseconds <= after)
        #expect(reload[1] == ready)

        try await running.stop()
        _ = try await waitUntil("STOPPING=1") { socket.messages.contains("STOPPING=1") ? true : nil }
        let lifecycle = Self.lifecycle(socket.messages)
        #expect(lifecycle == [ready, reload[0], ready, "STOPPING=1"], "\(socket.messages)")
    }

    /// The messages that mark the daemon's life (status-only updates left out).
    static func lifecycle(_ messages: [String]) -> [String] {
        messages.filter { !$0.hasPrefix("STATUS=") }
    }

    // MARK: One daemon per database

    @Test func aSecondDaemonOnTheSameDataDirectoryRefusesToStartUntilTheFirstStops() async throws {
        let directory = TestDirectory()
        let first = try await Self.start(in: directory)

        let refused = #expect(throws: DaemonError.self) { try Self.daemon(in: directory) }
        guard case .storage(.inUse(let path, let holder))? = refused else {
            Issue.record("expected the database to be in use, got \(String(describing: refused))")
            return
        }
        #expect(path == directory.file("data/vigil.db"))
        #expect(holder == "pid \(getpid())")
        #expect(refused?.description.contains("in use by a running Vigil (pid \(getpid())); stop it first") == true)
        #expect(try await first.request("GET", "/-/ready").status == 200, "the refused start disturbed the first")

        try await first.stop()
        let second = try await Self.start(in: directory)
        #expect(try await second.request("GET", "/-/ready").status == 200)
        try await second.stop()
    }

    // MARK: Routes

    @Test func anOnlineBackupNeedsTheTokenAndWritesACheckedFileUnderBackups() async throws {
        let directory = TestDirectory()
        let running = try await Self.start(in: directory)
        let backups = directory.file("data/backups")

        let refused = try await running.request("POST", "/api/v1/admin/backup")
        #expect(refused.status == 401)
        let wrong = try await running.request(
            "POST", "/api/v1/admin/backup", headers: [("Authorization", "Bearer " + String(repeating: "x", count: 40))])
        #expect(wrong.status == 401)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: backups)) ?? []).isEmpty)

        let response = try await running.request(
            "POST", "/api/v1/admin/backup", headers: [("Authorization", "Bearer \(running.daemon.secrets.apiToken)")])
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(try JSONBody.object(response)["status"] as? String == "success")
        let data = try JSONBody.data(response)
        let name = try #require(data["name"] as? String)
        let path = try #require(data["path"] as? String)
        #expect(path == (backups as NSString).appendingPathComponent(name + ".db"))
        #expect(data["integrity"] as? String == "ok")
        #expect(data["schema"] as? String == VigilDatabase.knownMigrations.last)
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups) == [name + ".db"])
        let check = try DatabaseCheck.inspect(path)
        #expect(check.isHealthy)
        #expect(data["bytes"] as? String == "\(check.fileBytes)")
        #expect((check.rows["audit_log"] ?? 0) >= 1, "the daemon's own start is in the backup")

        let audit = try AuditLog(database: running.daemon.database).recent(action: "admin.backup")
        #expect(audit.count == 1)
        #expect(audit.first?.actor == "api")
        #expect(audit.first?.details["path"] == path)
        try await running.stop()
    }

    @Test func buildInfoAnswersInPrometheusShape() async throws {
        let directory = TestDirectory()
        let running = try await Self.start(in: directory)
        let response = try await running.request("GET", "/api/v1/status/buildinfo")
        try await running.stop()

        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        let object = try JSONBody.object(response)
        #expect(object["status"] as? String == "success")
        let data = try #require(object["data"] as? [String: String], "\(response.bodyText)")
        #expect(Set(data.keys) == ["version", "revision", "branch", "buildUser", "buildDate", "swiftVersion"])
        #expect(data["version"] == BuildInfo.version)
        #expect(data["revision"] == BuildInfo.revision)
        #expect(data["swiftVersion"]?.isEmpty == false)
    }
}
