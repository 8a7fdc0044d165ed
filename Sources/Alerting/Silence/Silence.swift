import TimeSeries

/// Alertmanager's silence: while active, alerts matching every matcher are not notified.
///
/// Times are milliseconds since the epoch. Who made it and why are required, as in Alertmanager, so
/// the audit trail says who muted a page.
public struct Silence: Sendable, Equatable {
    /// A UUID, as Alertmanager's.
    public var id: String
    public var matchers: [LabelMatcher]
    public var startsAt: Int64
    public var endsAt: Int64
    public var updatedAt: Int64
    public var createdBy: String
    public var comment: String

    public init(
        id: String = "", matchers: [LabelMatcher], startsAt: Int64, endsAt: Int64, updatedAt: Int64 = 0,
        createdBy: String, comment: String
    ) {
        self.id = id
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
        self.comment = comment
    }

    /// Pending before it starts, active until it ends, expired from its end on (as Alertmanager's
    /// API shows silences).
    public func state(at now: Int64) -> SilenceState {
        if endsAt <= now { return .expired }
        if startsAt > now { return .pending }
        return .active
    }

    /// The state Alertmanager's silence store uses to decide updates and expiry (`getState`): still
    /// active at the very instant it ends.
    func storeState(at now: Int64) -> SilenceState {
        if now < startsAt { return .pending }
        if now > endsAt { return .expired }
        return .active
    }

    /// Whether an alert with `labels` matches every matcher (whatever the silence's state).
    public func matches(_ labels: Labels) -> Bool {
        matchers.allSatisfy { $0.matches(labels) }
    }
}

/// The three states of a silence, named as Alertmanager's API names them.
public enum SilenceState: String, Sendable, CaseIterable {
    case pending, active, expired
}

/// Why a silence could not be created, changed or expired; the text is Alertmanager's.
public enum SilenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No silence has this id (HTTP 404).
    case notFound(String)
    /// The silence is not valid (HTTP 400).
    case invalid(String)
    /// Expiring a silence that has already expired (HTTP 500 in Alertmanager).
    case alreadyExpired(String)

    public var description: String {
        switch self {
        case .notFound: return "silence not found"
        case .invalid(let message): return message
        case .alreadyExpired(let id): return "silence \(id) already expired"
        }
    }
}
