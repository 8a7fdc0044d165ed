import Logging
import Rules
import Synchronization

/// Saves rule groups' alerts off the evaluation path: an evaluation hands over what changed (a cheap,
/// non-blocking `yield`), and one writer task applies the changes to SQLite in order. Only alerts
/// whose state or text changed are written, plus one heartbeat row per group, so a group with 10,000
/// steady alerts costs one small write per evaluation instead of rewriting them all.
///
/// A group whose write failed is marked, and its next evaluation saves the whole group again, so a
/// transient database error never leaves the saved state behind for good.
final class AlertStateWriter: Sendable {
    enum Job: Sendable {
        case changes(group: String, changed: [PersistedAlert], removed: [AlertIdentity], savedAt: Int64)
        case replace(group: String, alerts: [PersistedAlert])
        case removeGroups(notIn: Set<String>)
    }

    private let continuation: AsyncStream<Job>.Continuation
    private let stream: AsyncStream<Job>
    private let failed = Mutex<Set<String>>([])
    private let persistence: any RuleStatePersistence
    private let logger: Logger

    init(persistence: any RuleStatePersistence, logger: Logger) {
        (stream, continuation) = AsyncStream.makeStream(of: Job.self)
        self.persistence = persistence
        self.logger = logger
    }

    func submit(_ job: Job) {
        continuation.yield(job)
    }

    /// Whether `group`'s last write failed (and clears the mark: the caller now saves it whole).
    func takeFailure(of group: String) -> Bool {
        failed.withLock { $0.remove(group) != nil }
    }

    /// Applies jobs in order until ``finish()``; returns once every submitted job is written.
    func run() async {
        for await job in stream {
            do {
                switch job {
                case .changes(let group, let changed, let removed, let savedAt):
                    try persistence.saveChanges(group: group, changed: changed, removed: removed, savedAt: savedAt)
                case .replace(let group, let alerts):
                    try persistence.saveAlerts(group: group, alerts: alerts)
                case .removeGroups(let keys):
                    try persistence.removeGroups(notIn: keys)
                }
            } catch {
                switch job {
                case .changes(let group, _, _, _), .replace(let group, _):
                    failed.withLock { _ = $0.insert(group) }
                    logger.error(
                        "cannot save alert state; the whole group is saved at its next evaluation",
                        metadata: ["group": "\(group)", "error": "\(error)"])
                case .removeGroups:
                    logger.error("cannot forget the alerts of removed rule groups", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// No more jobs: ``run()`` returns after writing those already submitted.
    func finish() {
        continuation.finish()
    }
}
