import Resilience
import Schedule

/// What acting on a proposal needs from the daemon: a recovery point first, then the change to
/// the engine's state. The engine declares it; the daemon implements it with SQLite's online
/// backup and the resilience runner.
public protocol IncidentActuator: Sendable {
    /// The engine's current report, the program and window it covers, for proposals and their
    /// projected effect; nil when no schedule is loaded.
    func decisionContext() async -> DecisionContext?
    /// Takes a recovery point (an online backup of the database, the schedule version in force)
    /// and says where it is.
    func recoveryPoint(incident: String, proposal: Int) async throws -> String
    /// Puts `proposal` in force; returns the engine's figures before and after.
    func apply(_ proposal: Proposal, incident: String, by: String) async throws -> Proposal.Effect
    /// Back to normal operations: no load shedding, no fallback; the figures before and after.
    func restoreNormal(incident: String, by: String) async throws -> Proposal.Effect
}

/// The engine's view when a decision is made, the program in force, and a way to re-run the
/// engine on a proposed state (and a proposed schedule).
public struct DecisionContext: Sendable {
    public var report: ResilienceReport
    public var program: Program
    public var project: @Sendable (Program, EngineState) -> ResilienceReport

    public init(
        report: ResilienceReport, program: Program,
        project: @escaping @Sendable (Program, EngineState) -> ResilienceReport
    ) {
        self.report = report
        self.program = program
        self.project = project
    }
}

/// Why an action could not be carried out; the incident stays in `acting` with the failure on
/// its timeline, for a person to go back to deciding.
public struct ActionError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
