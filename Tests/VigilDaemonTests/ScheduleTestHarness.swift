import Foundation
import Logging
import TestSupport
import Transport
import VigilCore

@testable import VigilDaemon

/// Small schedules whose engine figures are derived by hand in the comments, so tests can assert
/// exact values.
///
/// `base`: faculty f1 and f2 (weekly cap 10 sessions each), residents r1 (PGY-1) and r2 (PGY-2),
/// one supervised continuity clinic needing 1 faculty. f2 is on vacation on 2026-07-06. The
/// window is the ISO week 2026-07-06 (Monday) + 7 days.
/// - Slots: 07-06 AM (r1, f1) and 07-07 AM (r2, f1): need 1 each (min_faculty 1; supervision
///   ceil(2/4) = 1 and ceil(1/4) = 1), coverage 1 each → coverage rate 1, no gap.
/// - Utilization: required 2; capacity f1 min(10, 14) + f2 min(10, 12) = 20 → rate 0.1 (GREEN),
///   buffer (0.8·20 − 2) / 20 = 0.7.
/// - Faculty on 07-06: total 2, on leave 1 (f2), on duty 1.
/// - N-1: without f1, 07-07 is refilled by f2 but 07-06 cannot be (f2 is away) → f1 is the one
///   single point of failure; N-2 finds no pair of non-single-points → 0 fatal pairs.
/// - Defense: only N-1 scores (1 ≥ breakpoint 1): 0.15 weighted → GREEN (level 1).
enum TestPrograms {
    static let people = """
        {"id": "f1", "name": "Dr One", "role": "faculty", "max_sessions_per_week": 10},
        {"id": "f2", "name": "Dr Two", "role": "faculty", "max_sessions_per_week": 10},
        {"id": "r1", "name": "Res One", "role": "resident", "pgy": 1},
        {"id": "r2", "name": "Res Two", "role": "resident", "pgy": 2}
        """
    static let rotations = """
        [{"id": "clinic", "name": "Continuity clinic", "category": "continuity_of_care",
          "min_faculty": 1, "supervision": true}]
        """
    static let baseAssignments = """
        {"person": "r1", "date": "2026-07-06", "session": "AM", "rotation": "clinic"},
        {"person": "f1", "date": "2026-07-06", "session": "AM", "rotation": "clinic"},
        {"person": "r2", "date": "2026-07-07", "session": "AM", "rotation": "clinic"},
        {"person": "f1", "date": "2026-07-07", "session": "AM", "rotation": "clinic"}
        """
    static let f2Vacation = #"[{"person": "f2", "start": "2026-07-06", "end": "2026-07-06", "type": "vacation"}]"#

    static func program(
        name: String = "Test Program", people: String = people, assignments: String = baseAssignments,
        absences: String = f2Vacation
    ) -> String {
        """
        {"program": "\(name)", "timezone": "America/Chicago",
         "people": [\(people)],
         "rotations": \(rotations),
         "assignments": [\(assignments)],
         "absences": \(absences)}
        """
    }

    static let base = program()

    /// `base` plus r1 alone in clinic on 07-08 AM: a third slot needing 1 with nobody → 1 gap slot,
    /// coverage rate 2/3, and one supervision violation (a PGY-1 needs ceil(2/4) = 1 faculty).
    static let withUnsupervisedSlot = program(
        assignments: baseAssignments
            + #", {"person": "r1", "date": "2026-07-08", "session": "AM", "rotation": "clinic"}"#)

    /// `base` without r2 (and r2's clinic, so 07-07 AM has f1 alone: still need 1, coverage 1).
    static let withoutR2 = program(
        people: """
            {"id": "f1", "name": "Dr One", "role": "faculty", "max_sessions_per_week": 10},
            {"id": "f2", "name": "Dr Two", "role": "faculty", "max_sessions_per_week": 10},
            {"id": "r1", "name": "Res One", "role": "resident", "pgy": 1}
            """,
        assignments: """
            {"person": "r1", "date": "2026-07-06", "session": "AM", "rotation": "clinic"},
            {"person": "f1", "date": "2026-07-06", "session": "AM", "rotation": "clinic"},
            {"person": "f1", "date": "2026-07-07", "session": "AM", "rotation": "clinic"}
            """)

    /// `base` without f2's vacation, named "Pushed Program": without f1, f2 can refill both slots,
    /// so nobody is a single point of failure (N-1 compliant), on leave 0, on duty 2; losing both
    /// leaves 2 slots unfillable → 1 fatal pair.
    static let pushed = program(name: "Pushed Program", absences: "[]")

    /// Two reference errors: an unknown person and an unknown rotation.
    static let brokenReferences = program(
        assignments: """
            {"person": "r9", "date": "2026-07-06", "session": "AM", "rotation": "clinic"},
            {"person": "f1", "date": "2026-07-06", "session": "AM", "rotation": "surgery"}
            """)
}

/// The daemon run in process on a loopback port with a ManualClock, a real SQLite database in a
/// temporary directory, and the schedule file `etc/program.json` next to `etc/vigil.yml`.
final class ScheduleTestDaemon: Sendable {
    static let interval: TimeInterval = 15

    let directory: TestDirectory
    let clock: ManualClock
    let daemon: Daemon
    let base: String
    let token: String
    let logs: CapturingLogHandler.Lines
    private let running: Task<Void, any Error>

    /// `horizon: 7d`, `as_of: 2026-07-06`, `evaluation_interval: 15s`.
    static func config(extra: String = "") -> String {
        """
        global:
          evaluation_interval: 15s
        schedule:
          path: program.json
          horizon: 7d
          as_of: 2026-07-06
        receivers:
          - name: on_call_admin
        \(extra)
        """
    }

    var schedulePath: String { directory.file("etc/program.json") }
    var configPath: String { directory.file("etc/vigil.yml") }

    /// Starts a daemon in `directory` (a new one unless given, to restart on the same data).
    static func start(
        directory: TestDirectory = TestDirectory(), schedule: String?, config: String = config()
    ) async throws -> ScheduleTestDaemon {
        try directory.write("etc/vigil.yml", config)
        if let schedule { try directory.write("etc/program.json", schedule) }
        return try await ScheduleTestDaemon(directory: directory)
    }

    private init(directory: TestDirectory) async throws {
        self.directory = directory
        let clock = ManualClock()
        self.clock = clock
        let logs = CapturingLogHandler.Lines()
        self.logs = logs
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        daemon = try Daemon(
            options: DaemonOptions(
                configPath: directory.file("etc/vigil.yml"),
                overrides: ConfigOverrides(dataDirectory: directory.file("data"), listenAddress: "127.0.0.1:0"),
                workingDirectory: directory.path, environment: [:], clock: clock,
                logger: CapturingLogHandler.logger(logs),
                onListening: { portContinuation.yield($0) }))
        let daemon = self.daemon
        running = Task { try await daemon.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        base = "http://127.0.0.1:\(port)"
        token = daemon.secrets.apiToken
    }

    /// Tasks beside the ticker that sleep on the clock while the daemon is at rest: the alerting
    /// flush loop, the delivery worker and the incident loop. A test that waits for the ticker
    /// waits for them too.
    static let alertingSleepers = 3

    /// Runs one evaluation tick and returns once it has finished (the ticker sleeps again).
    func tick() async {
        await clock.waitForSleepers(count: 1 + Self.alertingSleepers)
        clock.advance(by: Self.interval)
        await clock.waitForSleepers(count: 1 + Self.alertingSleepers)
    }

    /// A read as an API client configured with the token makes it (Grafana, scripts): it passes
    /// when `web.basic_auth_users` guards reads too.
    func get(_ path: String) async throws -> Transport.HTTPResponse {
        try await CurlTransport().perform(.init(url: base + path, headers: [("Authorization", "Bearer \(token)")]))
    }

    func put(_ path: String, _ body: String, authorized: Bool = true) async throws -> Transport.HTTPResponse {
        let headers = authorized ? [(name: "Authorization", value: "Bearer \(token)")] : []
        return try await CurlTransport().perform(
            .init(method: "PUT", url: base + path, headers: headers, body: Array(body.utf8)))
    }

    /// `/metrics` as text.
    func metricsText() async throws -> String {
        try await get("/metrics").bodyText
    }

    /// `/metrics` as series (name with labels exactly as exposed) → value.
    func metrics() async throws -> [String: Double] {
        MetricsText.parse(try await metricsText())
    }

    /// `data` of a success envelope from `GET path`, as a JSON object.
    func data(_ path: String) async throws -> [String: Any] {
        try JSONBody.data(try await get(path))
    }

    func writeSchedule(_ text: String) throws {
        try directory.write("etc/program.json", text)
    }

    func stop() async throws {
        await daemon.shutdown()
        try await running.value
    }
}

/// Reads Prometheus text exposition into series → value.
enum MetricsText {
    static func parse(_ text: String) -> [String: Double] {
        var series: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            series[String(line[..<space])] = value
        }
        return series
    }
}

/// JSON bodies of the API's envelope.
enum JSONBody {
    struct NotAnObject: Error {}

    static func object(_ response: Transport.HTTPResponse) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
            throw NotAnObject()
        }
        return object
    }

    static func data(_ response: Transport.HTTPResponse) throws -> [String: Any] {
        guard let data = try object(response)["data"] as? [String: Any] else { throw NotAnObject() }
        return data
    }
}
