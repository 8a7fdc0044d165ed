import Foundation
import TestSupport
import Testing
import Transport

/// The built binary, exercised the way the README tells a newcomer to use it.
@Suite("vigil as a process", .serialized)
struct VigilProcessTests {
    static let goodConfig = """
        global:
          evaluation_interval: 15s
        storage:
          path: data/vigil.db
        receivers:
          - name: on_call_admin
        """

    /// Starts `vigil run` on `config` in `directory` with an ephemeral port; returns it once it listens.
    static func startDaemon(config: String, in directory: TestDirectory) async throws -> (VigilProcess, base: String) {
        let vigil = try VigilProcess(
            arguments: ["run", "--config", config, "--data", directory.file("data"), "--listen", "127.0.0.1:0"],
            directory: directory.path)
        let listening = try await vigil.waitForLine("the listening log line") {
            $0.contains("listening") && $0.contains("address=")
        }
        let port = try #require(
            listening.split(separator: "address=127.0.0.1:").last.flatMap { Int($0.prefix { $0.isNumber }) })
        return (vigil, "http://127.0.0.1:\(port)")
    }

    @Test func reloadsOnSIGHUPKeepsServingOnABrokenFileAndExitsZeroOnSIGTERM() async throws {
        let directory = TestDirectory()
        let config = try directory.write("vigil.yml", Self.goodConfig)
        let (vigil, base) = try await Self.startDaemon(config: config, in: directory)
        let http = CurlTransport()
        #expect(try await http.perform(.init(url: base + "/-/ready")).status == 200)

        vigil.send(SIGHUP)
        _ = try await vigil.waitForLine("a successful reload") { $0.contains("configuration reloaded") }

        try directory.write("vigil.yml", "global:\n  evaluation_interval: soon\n")
        vigil.send(SIGHUP)
        let failure = try await vigil.waitForLine("a failed reload") { $0.contains("configuration reload failed") }
        #expect(failure.contains("\(config):2:24"))
        #expect(try await http.perform(.init(url: base + "/-/healthy")).status == 200)
        let metrics = try await http.perform(.init(url: base + "/metrics")).bodyText
        #expect(metrics.contains("vigil_config_last_reload_successful 0"))
        if let promtool = Self.promtool {
            let verdict = try Self.run(promtool, ["check", "metrics"], input: metrics)
            #expect(verdict.status == 0, "promtool check metrics rejected /metrics:\n\(verdict.output)")
        }

        let stopAsked = ContinuousClock.now
        vigil.send(SIGTERM)
        let status = await vigil.waitForExit(timeout: .seconds(5))
        #expect(status == 0, "vigil must exit 0 within 5 s of SIGTERM; output:\n\(vigil.everything)")
        #expect(ContinuousClock.now - stopAsked < .seconds(5))
        _ = try? await vigil.waitForLine("the shutdown log line", timeout: .seconds(5)) {
            $0.contains("database closed")
        }
        #expect(vigil.everything.contains("database closed"))
    }

    @Test func interruptStopsGracefullyToo() async throws {
        let directory = TestDirectory()
        let config = try directory.write("vigil.yml", Self.goodConfig)
        let (vigil, _) = try await Self.startDaemon(config: config, in: directory)
        vigil.send(SIGINT)
        let status = await vigil.waitForExit(timeout: .seconds(5))
        #expect(status == 0, "vigil must exit 0 within 5 s of SIGINT; output:\n\(vigil.everything)")
    }

    @Test func aBusyPortIsReportedPlainlyWithExitOne() async throws {
        let directory = TestDirectory()
        let config = try directory.write("vigil.yml", Self.goodConfig)
        let (first, base) = try await Self.startDaemon(config: config, in: directory)
        let address = String(base.dropFirst("http://".count))
        let second = try await VigilProcess.runToCompletion(
            ["run", "--config", config, "--data", directory.file("other"), "--listen", address],
            directory: directory.path)
        #expect(second.status == 1)
        #expect(second.output.contains("vigil: cannot listen on \(address): the address is already in use"))
        first.send(SIGTERM)
        #expect(await first.waitForExit(timeout: .seconds(5)) == 0)
    }

    /// `promtool` from Debian's `prometheus` package, which `make test` and CI install.
    static var promtool: String? {
        ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ tool: String, _ arguments: [String], input: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] != nil || promtool != nil))
    func promtoolIsInstalledWhereTheSuiteMustProveMetricsAreValid() {
        #expect(Self.promtool != nil, "install Debian's prometheus package: make test-deps")
    }

    @Test func startingWithAnInvalidConfigExitsOneAndNamesTheProblem() async throws {
        let directory = TestDirectory()
        let config = try directory.write("vigil.yml", "web:\n  listen_adress: 127.0.0.1:9095\n")
        let result = try await VigilProcess.runToCompletion(["run", "--config", config], directory: directory.path)
        #expect(result.status == 1)
        #expect(result.output.contains("\(config):2:3"))
        #expect(result.output.contains("listen_adress"))
    }

    @Test func checkConfigPrintsSuccessForAValidFile() async throws {
        let directory = TestDirectory()
        let config = try directory.write("vigil.yml", Self.goodConfig)
        let result = try await VigilProcess.runToCompletion(["check", "config", config], directory: directory.path)
        #expect(result.status == 0)
        #expect(result.output.contains("SUCCESS"))
    }

    @Test func checkConfigListsEveryErrorWithFileLineAndColumn() async throws {
        let directory = TestDirectory()
        let config = try directory.write(
            "vigil.yml",
            """
            global:
              evaluation_interval: 15x
            web:
              listen_address: nowhere
            """)
        let result = try await VigilProcess.runToCompletion(["check", "config", config], directory: directory.path)
        #expect(result.status == 1)
        #expect(result.output.contains("FAILED"))
        #expect(result.output.contains("\(config):2:24: global.evaluation_interval"))
        #expect(result.output.contains("\(config):4:19: web.listen_address"))
    }

    @Test func aWrongCommandLineExitsTwo() async throws {
        let directory = TestDirectory()
        let missing = try await VigilProcess.runToCompletion(["check", "config"], directory: directory.path)
        #expect(missing.status == 2)
        let unknown = try await VigilProcess.runToCompletion(["run", "--no-such-flag"], directory: directory.path)
        #expect(unknown.status == 2)
    }
}
