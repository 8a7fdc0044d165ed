/// What the schedule and resilience routes ask of the daemon, without `Server` knowing the
/// schedule model or the engine.
///
/// `Server` sits below `VigilDaemon` and does not import `Schedule` or `Resilience`: the routes
/// deal in HTTP (authentication, body limits, status codes, envelopes) and hand bodies over as
/// bytes; the daemon validates them and answers with JSON ready to send.
public protocol ScheduleControl: Sendable {
    /// Validates a schedule document and, when valid, puts it in force. `actor` names who pushed it.
    func pushSchedule(_ body: [UInt8], actor: String) async -> ScheduleControlReply

    /// The schedule in force and the headline of the latest report.
    func scheduleSummary() async -> ScheduleControlReply

    /// The engine state in force (load-shedding level, active fallback).
    func resilienceState() async -> ScheduleControlReply

    /// Validates and applies a new engine state (a JSON object).
    func setResilienceState(_ body: [UInt8], actor: String) async -> ScheduleControlReply

    /// The latest resilience report.
    func resilienceReport() async -> ScheduleControlReply

    /// The latest report's cross-training advice.
    func resilienceAdvice() async -> ScheduleControlReply
}

/// The daemon's answer to a schedule or resilience request.
public enum ScheduleControlReply: Sendable, Equatable {
    /// Done: `json` is the `data` of the success envelope.
    case ok(json: [UInt8])
    /// The input was refused (400 `bad_data`): every problem found, plus how many more were left out.
    case rejected(problems: [InputProblem], omitted: Int)
    /// Nothing to answer with yet (503 `unavailable`): no schedule loaded, no report computed.
    case unavailable(reason: String)
    /// The input was valid but could not be kept (500 `internal`), e.g. the database refused it.
    case failed(reason: String)
}

/// One problem in a request body, located so a client can show it next to the offending value.
public struct InputProblem: Sendable, Equatable, Encodable, CustomStringConvertible {
    /// The JSON path of the offending value (`assignments[812].person`), empty for the whole body.
    public var path: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column in Unicode scalars, when known.
    public var column: Int?
    public var message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `LINE:COL: PATH: message`, leaving out what is missing.
    public var description: String {
        var parts: [String] = []
        if let line, let column { parts.append("\(line):\(column)") }
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
