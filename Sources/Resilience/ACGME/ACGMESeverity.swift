/// How urgently an ACGME finding needs a coordinator: a breach of a hard limit that endangers patients
/// (critical), a breach that must be fixed this schedule (high), or a resident approaching a limit (warning).
///
/// Raw values are the labels alert rules and reports already use.
public enum ACGMESeverity: String, Sendable, Hashable, CaseIterable {
    case critical = "CRITICAL"
    case high = "HIGH"
    case warning = "WARNING"

    /// True for breaches (critical, high); a warning only says a limit is near.
    public var isBreach: Bool { self != .warning }
}
