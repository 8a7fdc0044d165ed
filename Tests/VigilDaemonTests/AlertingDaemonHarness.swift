import Foundation
import TestSupport
import Testing
import Transport

/// `vigil run` with the Alertmanager API and the notification outbox, as a child process on a data
/// directory that outlives each run: a test can stop it (SIGTERM) or crash it (SIGKILL) and start it
/// again on the same state. The secrets are set through the environment, so a test knows them.
final class AlertingDaemonHarness: Sendable {
    let directory = TestDirectory()
    /// `VIGIL_API_TOKEN`: the bearer token writes need.
    let token = "api-token-" + UUID().uuidString
    /// `VIGIL_WEBHOOK_SECRET`: the key of the `X-Vigil-Signature` HMAC.
    let webhookSecret = "webhook-secret-" + UUID().uuidString
    let configPath: String

    /// Writes `vigil.yml` (storage in `data/`, the escalation file, `receivers`) and `escalation.yml`.
    init(escalation: String, receivers: String) throws {
        try directory.write("escalation.yml", escalation)
        configPath = try directory.write(
            "vigil.yml",
            """
            storage:
              path: data/vigil.db
            escalation_files: [escalation.yml]
            receivers:
            \(receivers)
            """)
    }

    var dataDirectory: String { directory.file("data") }

    /// Starts the daemon on an ephemeral port and returns it once it listens.
    func start() async throws -> RunningDaemon {
        let process = try VigilProcess(
            arguments: ["run", "--config", configPath, "--data", dataDirectory, "--listen", "127.0.0.1:0"],
            environment: ["VIGIL_API_TOKEN": token, "VIGIL_WEBHOOK_SECRET": webhookSecret],
            directory: directory.path)
        let listening = try await process.waitForLine("the listening log line") {
            $0.contains("listening") && $0.contains("address=")
        }
        let port = try #require(
            listening.split(separator: "address=127.0.0.1:").last.flatMap { Int($0.prefix { $0.isNumber }) })
        return RunningDaemon(process: process, base: "http://127.0.0.1:\(port)", token: token)
    }
}

/// One run of the daemon and the HTTP calls the tests make to it.
struct RunningDaemon: Sendable {
    let process: VigilProcess
    /// `http://127.0.0.1:<port>`.
    let base: String
    let token: String

    private var http: CurlTransport { CurlTransport() }

    /// SIGTERM; the exit status, or nil when it did not exit within 10 seconds.
    func stop() async -> Int32? {
        process.send(SIGTERM)
        return await process.waitForExit(timeout: .seconds(10))
    }

    /// SIGKILL, as a power cut or the OOM killer would: nothing gets to run. Returns once it is gone.
    func crash() async throws {
        process.send(SIGKILL)
        let status = await process.waitForExit(timeout: .seconds(10))
        try #require(status != nil, "vigil did not die within 10 s of SIGKILL")
    }

    func get(_ path: String) async throws -> HTTPResponse {
        try await http.perform(HTTPRequest(url: base + path))
    }

    /// A POST with the bearer token (or without any when `authorized` is false).
    func post(_ path: String, body: [UInt8] = [], authorized: Bool = true) async throws -> HTTPResponse {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
        if authorized { headers.append(("Authorization", "Bearer \(token)")) }
        return try await http.perform(HTTPRequest(method: "POST", url: base + path, headers: headers, body: body))
    }

    /// `POST /api/v2/alerts` with the bearer token; `alerts` are label sets, each with a summary.
    func postAlerts(_ alerts: [[String: String]], summary: String = "posted by the test") async throws {
        let body = try JSONSerialization.data(
            withJSONObject: alerts.map { ["labels": $0, "annotations": ["summary": summary]] })
        let response = try await post("/api/v2/alerts", body: Array(body))
        try #require(response.status == 200, "POST /api/v2/alerts answered \(response.status): \(response.bodyText)")
    }

    /// `GET /api/v1/notifications`, all states when `state` is nil.
    func notifications(_ state: String? = nil) async throws -> [OutboxEntry] {
        let response = try await get("/api/v1/notifications" + (state.map { "?state=\($0)" } ?? ""))
        try #require(response.status == 200, "GET /api/v1/notifications answered \(response.status)")
        return try JSONDecoder().decode(OutboxListing.self, from: Data(response.body)).data
    }

    /// The value of the `/metrics` sample written exactly as `series` (name and labels), if present.
    func metric(_ series: String) async throws -> Double? {
        let page = try await get("/metrics").bodyText
        for line in page.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1).prefix { $0 != " " })
        }
        return nil
    }
}

/// One message of the outbox as `GET /api/v1/notifications` lists it.
struct OutboxEntry: Decodable, Sendable {
    let id: String
    let receiver: String
    let integration: String
    let groupKey: String
    let status: String
    let state: String
    let alerts: Int
    let attempts: Int
    let lastError: String?
}

private struct OutboxListing: Decodable {
    let status: String
    let data: [OutboxEntry]
}

/// What an external tool printed and how it exited.
struct ToolOutput: Sendable, CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    /// The non-empty lines of standard output, trailing blanks trimmed.
    var lines: [String] {
        stdout.split(separator: "\n").compactMap { line in line.lastIndex { $0 != " " }.map { String(line[...$0]) } }
    }

    var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
}

/// Runs external tools (amtool, openssl) to completion with a deadline, their output captured in files
/// so no pipe can fill up and block them.
enum ExternalTool {
    struct Timeout: Error, CustomStringConvertible {
        let command: String
        var description: String { "\(command) did not finish within its deadline" }
    }

    static func run(
        _ executable: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String],
        in directory: TestDirectory, timeout: Duration = .seconds(30)
    ) async throws -> ToolOutput {
        let stem = directory.file("tool-\(UUID().uuidString)")
        for suffix in [".in", ".out", ".err"] {
            _ = FileManager.default.createFile(atPath: stem + suffix, contents: suffix == ".in" ? Data(input) : nil)
        }
        defer {
            for suffix in [".in", ".out", ".err"] { try? FileManager.default.removeItem(atPath: stem + suffix) }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        let stdin = try FileHandle(forReadingFrom: URL(fileURLWithPath: stem + ".in"))
        let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: stem + ".out"))
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: stem + ".err"))
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let (exits, continuation) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { process in
            continuation.yield(process.terminationStatus)
            continuation.finish()
        }
        try process.run()
        let status = await firstResult(within: timeout) { () -> Int32? in
            for await status in exits { return status }
            return nil
        }
        guard let status else {
            process.terminate()
            throw Timeout(command: ([executable] + arguments).joined(separator: " "))
        }
        let read = { (suffix: String) in
            String(decoding: FileManager.default.contents(atPath: stem + suffix) ?? Data(), as: UTF8.self)
        }
        return ToolOutput(status: status, stdout: read(".out"), stderr: read(".err"))
    }
}

/// Polls `probe` until it yields a value and returns it. The deadline is a safety net against a hung
/// daemon, never a timing assumption: a test waits for the event, however long it takes up to then.
func waitUntil<T: Sendable>(
    _ what: String, within timeout: Duration = .seconds(60), every interval: Duration = .milliseconds(50),
    _ probe: @Sendable () async throws -> T?
) async throws -> T {
    let deadline = ContinuousClock.now + timeout
    var lastError: (any Error)?
    while ContinuousClock.now < deadline {
        do {
            if let value = try await probe() { return value }
        } catch {
            lastError = error
        }
        try await Task.sleep(for: interval)
    }
    throw WaitTimeout(what: what, lastError: lastError.map { "\($0)" })
}

struct WaitTimeout: Error, CustomStringConvertible {
    let what: String
    let lastError: String?
    var description: String { "timed out waiting for \(what)" + (lastError.map { " (last error: \($0))" } ?? "") }
}
