/// What the HTTP surface asks of the daemon, without knowing how the daemon is assembled.
///
/// `Server` sits below `VigilDaemon` in the module graph; this protocol is the seam through
/// which `/-/ready` and `/-/reload` reach the daemon's state.
public protocol DaemonControl: Sendable {
    /// True once storage is open and a valid configuration is in force.
    func isReady() async -> Bool

    /// Re-reads and validates the configuration and swaps it in, or keeps the running one.
    /// `actor` names who asked (for the audit log): `api`, `sighup`.
    func reload(actor: String) async -> ReloadOutcome
}

/// The result of a reload request.
public enum ReloadOutcome: Sendable, Equatable {
    case reloaded
    /// The running configuration was kept; the message says why.
    case kept(reason: String)
}
