import TimeSeries

/// Every silence, with Alertmanager 0.25's rules for creating, updating and expiring them.
///
/// A value: the pipeline holds one, changes it with "now" as an argument, and hands each changed
/// silence to its persistence. Expired silences are kept for ``retention`` after they end, then
/// forgotten (Alertmanager's `--data.retention`, 120h).
public struct Silences: Sendable, Equatable {
    public private(set) var byID: [String: Silence] = [:]
    /// How long an expired silence stays listed (ms).
    public var retention: Int64

    public init(_ silences: [Silence] = [], retention: Int64 = 120 * 3_600_000) {
        self.retention = retention
        for silence in silences { byID[silence.id] = silence }
    }

    /// All silences, newest update first as Alertmanager lists them... then by id for a stable order.
    public var all: [Silence] {
        byID.values.sorted { ($0.updatedAt, $0.id) > ($1.updatedAt, $1.id) }
    }

    /// Creates a silence (no id) or updates one (its id), as `Silences.Set` does: a change the rules
    /// allow in place keeps the id; any other change to a silence that has not expired expires it and
    /// creates a new one. Returns the id and every silence that changed (to persist).
    public mutating func set(
        _ silence: Silence, now: Int64, newID: () -> String
    ) throws(SilenceError) -> (id: String, changed: [Silence]) {
        var silence = silence
        var next = self
        var changed: [Silence] = []
        if !silence.id.isEmpty {
            guard let previous = byID[silence.id] else { throw .notFound(silence.id) }
            if Self.canUpdate(previous, to: silence, now: now) {
                try Self.validate(silence)
                silence.updatedAt = now
                byID[silence.id] = silence
                return (silence.id, [silence])
            }
            if previous.storeState(at: now) != .expired {
                changed.append(try next.expire(id: previous.id, now: now))
            }
        }
        silence.id = newID()
        if silence.startsAt < now { silence.startsAt = now }
        silence.updatedAt = now
        // Checked as it will be stored (a start moved to now may now lie after the end).
        try Self.validate(silence)
        next.byID[silence.id] = silence
        changed.append(silence)
        self = next
        return (silence.id, changed)
    }

    /// Ends a silence now (a pending one never starts). Expiring an expired silence is an error.
    @discardableResult
    public mutating func expire(id: String, now: Int64) throws(SilenceError) -> Silence {
        guard var silence = byID[id] else { throw .notFound(id) }
        switch silence.storeState(at: now) {
        case .expired: throw .alreadyExpired(id)
        case .active: silence.endsAt = now
        case .pending:
            silence.startsAt = now
            silence.endsAt = now
        }
        silence.updatedAt = now
        byID[id] = silence
        return silence
    }

    /// The ids of the active silences muting an alert with `labels`, sorted.
    public func silencing(_ labels: Labels, at now: Int64) -> [String] {
        byID.values.filter { $0.state(at: now) == .active && $0.matches(labels) }.map(\.id).sorted()
    }

    /// Forgets silences that ended more than ``retention`` ago; returns their ids.
    public mutating func collectGarbage(now: Int64) -> [String] {
        let old = byID.values.filter { $0.endsAt + retention <= now }.map(\.id)
        for id in old { byID[id] = nil }
        return old
    }

    /// How many silences are in each state.
    public func counts(at now: Int64) -> [SilenceState: Int] {
        var counts: [SilenceState: Int] = [.pending: 0, .active: 0, .expired: 0]
        for silence in byID.values { counts[silence.state(at: now), default: 0] += 1 }
        return counts
    }

    /// Alertmanager's `validateSilence`.
    static func validate(_ silence: Silence) throws(SilenceError) {
        guard !silence.matchers.isEmpty else { throw .invalid("at least one matcher required") }
        for (index, matcher) in silence.matchers.enumerated() where !Label.isValidName(matcher.name) {
            throw .invalid("invalid label matcher \(index): invalid label name \"\(matcher.name)\"")
        }
        guard !silence.matchers.allSatisfy(\.matchesEmpty) else {
            throw .invalid("at least one matcher must not match the empty string")
        }
        guard silence.endsAt >= silence.startsAt else { throw .invalid("end time must not be before start time") }
    }

    /// Alertmanager's `canUpdate`: same matchers, and times changed only as the state allows.
    static func canUpdate(_ previous: Silence, to next: Silence, now: Int64) -> Bool {
        guard previous.matchers == next.matchers else { return false }
        switch previous.storeState(at: now) {
        // Start times compare to the second, as Alertmanager's do once they have been through its API
        // (amtool sends back the milliseconds it was given).
        case .active: return next.startsAt / 1000 == previous.startsAt / 1000 && next.endsAt >= now
        case .pending: return next.startsAt >= now
        case .expired: return false
        }
    }
}
