import Resilience

/// Remembers which violations the daemon has already counted, so
/// `schedule_violations_total{violation_type}` grows once when a violation first appears and not
/// again on every tick that still shows it.
///
/// "Already counted" means seen since the daemon started: a violation that disappears (the
/// schedule was fixed, load shedding suspended the slot) and comes back is not counted twice.
/// The set grows with the distinct violations of the schedules evaluated, which is bounded by
/// their size, not by uptime.
struct ViolationTally: Sendable {
    private var seen: Set<ResilienceReport.ViolationIdentity> = []

    /// The identities in `identities` never seen before, counted by type; marks them seen.
    mutating func record(_ identities: [ResilienceReport.ViolationIdentity]) -> [String: Int] {
        var fresh: [String: Int] = [:]
        for identity in identities where seen.insert(identity).inserted {
            fresh[identity.type, default: 0] += 1
        }
        return fresh
    }

    /// How many distinct violations were seen.
    var seenCount: Int { seen.count }
}
