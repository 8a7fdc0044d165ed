import Foundation

/// Writes one audit-log entry (who, what, when, facts). The schedule source and the engine runner
/// record every state change through it; the daemon wires it to ``DaemonState/audit(actor:action:at:details:)``,
/// which logs rather than fails when the database refuses.
typealias AuditWriter =
    @Sendable (_ actor: String, _ action: String, _ at: Date, _ details: [String: String]) async ->
    Void
