/// Where an incident stands in the program's method: detect, then the OODA loop (observe, orient,
/// decide, act), verify, resolve, and the post-mortem that closes it (`reviewed`).
///
/// The order is the checklist's, and a phase is never skipped silently: a person advances one phase
/// at a time, goes back where the method says to (a failed verification returns to deciding), or
/// resolves early with a reason (a false alarm, or resolved by hand) that stays on the record.
public enum IncidentPhase: String, Sendable, Codable, CaseIterable, Comparable {
    case detected
    case observing
    case orienting
    case deciding
    case acting
    case verifying
    case resolved
    case reviewed

    /// The checklist's order.
    public static let order: [IncidentPhase] = allCases

    public static func < (lhs: IncidentPhase, rhs: IncidentPhase) -> Bool {
        order.firstIndex(of: lhs) ?? 0 < order.firstIndex(of: rhs) ?? 0
    }

    /// Whether the incident is still being worked (not resolved, not reviewed).
    public var isOpen: Bool { self < .resolved }

    /// The phase after this one, nil after `reviewed`.
    public var next: IncidentPhase? {
        guard let index = Self.order.firstIndex(of: self), index + 1 < Self.order.count else { return nil }
        return Self.order[index + 1]
    }

    /// The phases a person may go back to from this one: look again (orienting → observing),
    /// rethink (deciding → orienting), abandon or fail an action (acting, verifying → deciding).
    public var back: [IncidentPhase] {
        switch self {
        case .orienting: [.observing]
        case .deciding: [.orienting]
        case .acting, .verifying: [.deciding]
        default: []
        }
    }

    /// Every phase a person may move to from this one; those past ``next`` but for `resolved` need
    /// nothing more, `resolved` before `verifying` needs a reason.
    public var allowed: [IncidentPhase] {
        var phases = back
        if let next { phases.append(next) }
        if isOpen, self != .verifying { phases.append(.resolved) }
        return phases
    }

    /// Whether moving here to `phase` needs a reason on the record: resolving before verification
    /// (a false alarm, or resolved by hand) and going back.
    public func needsReason(toward phase: IncidentPhase) -> Bool {
        (phase == .resolved && self != .verifying) || back.contains(phase)
    }
}
