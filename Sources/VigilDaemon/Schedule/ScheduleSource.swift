import Foundation
import Logging
import Schedule
import Storage

/// Where the daemon's schedule comes from: the file at `schedule.path`, watched on every
/// evaluation tick, and snapshots pushed over `PUT /api/v1/schedule`, kept in SQLite.
///
/// **Which one is in force: the latest valid change.** A push is in force until the schedule
/// file changes after it (or `schedule.path` is pointed elsewhere); then the file is read, and if
/// it is valid it replaces the pushed schedule for good (the stored snapshot is dropped). A
/// restart follows the same rule: the stored snapshot is served when the configured file is the
/// same file, unchanged, as when the push happened; otherwise the file is read, and only when it
/// is missing or invalid does the stored snapshot stay in force.
///
/// A schedule that cannot be read never stops the daemon and never replaces a good one: the
/// error is logged with every problem, audited, and `vigil_schedule_last_load_successful` drops
/// to 0 until a schedule is put in force again.
actor ScheduleSource {
    /// The schedule in force; nil until one was loaded.
    private(set) var current: LoadedSchedule?
    /// The one in force before it, which an incident may roll back to (read back from the stored
    /// versions after a restart).
    private(set) var previous: LoadedSchedule?
    /// Why the last read of the schedule file failed; nil after a successful read or an accepted
    /// push (which is newer than the file).
    private(set) var lastFileFailure: String?
    private(set) var watchedPath: String
    private var seenStamp: ScheduleFileStamp?
    private var version = 0
    private let snapshots: ScheduleSnapshotStore
    private let versions: ScheduleVersionStore
    private let metrics: ScheduleMetrics
    private let audit: AuditWriter
    private let logger: Logger

    /// The name pushed documents carry in messages and logs.
    static let pushedDocumentName = "request body"

    init(
        path: String, snapshots: ScheduleSnapshotStore, versions: ScheduleVersionStore, metrics: ScheduleMetrics,
        audit: @escaping AuditWriter, logger: Logger
    ) {
        watchedPath = path
        self.snapshots = snapshots
        self.versions = versions
        self.metrics = metrics
        self.audit = audit
        self.logger = logger
    }

    /// Loads the schedule at start: the stored snapshot when the file has not changed since the
    /// push, else the file, else (file unusable) the stored snapshot.
    func start(at now: Date) async {
        let stamp = ScheduleFileStamp.read(path: watchedPath)
        seenStamp = stamp
        let snapshot = storedSnapshot()
        if let snapshot, snapshot.filePath == watchedPath, snapshot.fileStamp == stamp?.description,
            await restore(snapshot, at: now)
        {
            metrics.setLastLoadSuccessful(true)
            return
        }
        if await loadFile(at: now) { return }
        if let snapshot, await restore(snapshot, at: now) {
            logger.warning(
                "serving the schedule last pushed over the API until the schedule file can be read",
                metadata: ["path": "\(watchedPath)", "pushed_at": "\(snapshot.pushedAt)"])
        }
    }

    /// Re-reads the schedule file when `path` differs from the one watched or the file changed.
    func poll(path: String, at now: Date) async {
        let stamp = ScheduleFileStamp.read(path: path)
        guard path != watchedPath || stamp != seenStamp else { return }
        if path != watchedPath {
            logger.info("schedule.path changed", metadata: ["from": "\(watchedPath)", "to": "\(path)"])
        }
        watchedPath = path
        seenStamp = stamp
        await loadFile(at: now)
    }

    /// Why a push was not put in force.
    enum PushFailure: Error, Sendable {
        case invalid(ScheduleLoadError)
        case notStored(StorageError)
    }

    /// Validates `body` and, when valid, stores it and puts it in force.
    func push(_ body: [UInt8], actor: String, at now: Date) async -> Result<LoadedSchedule, PushFailure> {
        let program: Program
        do {
            program = try ScheduleLoader.parse(bytes: body, file: Self.pushedDocumentName)
        } catch {
            metrics.recordAttempt(source: "api", success: false)
            logger.warning(
                "pushed schedule refused; the schedule in force is kept",
                metadata: ["actor": "\(actor)", "problems": "\(error.issues.count + error.omittedCount)"])
            await audit(
                actor, "schedule.push_rejected", now,
                ["bytes": "\(body.count)", "error": error.abbreviated()])
            return .failure(.invalid(error))
        }
        // The push is newer than whatever the file holds now: remember the file as it is.
        let stamp = ScheduleFileStamp.read(path: watchedPath)
        do {
            try snapshots.save(
                ScheduleSnapshot(
                    body: body, pushedAt: now, actor: actor, filePath: watchedPath, fileStamp: stamp?.description))
        } catch {
            logger.error("cannot store the pushed schedule; it was not put in force", metadata: ["error": "\(error)"])
            return .failure(.notStored(error))
        }
        seenStamp = stamp
        lastFileFailure = nil
        let loaded = install(program, origin: .api(actor: actor), at: now)
        metrics.recordAttempt(source: "api", success: true)
        metrics.setLastLoadSuccessful(true)
        logger.info(
            "schedule pushed",
            metadata: [
                "actor": "\(actor)", "program": "\(program.name)", "assignments": "\(program.assignments.count)",
            ])
        await audit(actor, "schedule.push", now, details(program, ["bytes": "\(body.count)"]))
        return .success(loaded)
    }

    /// Why a rollback was not done.
    enum RollbackFailure: Error, Sendable, CustomStringConvertible {
        case nothingToRollBackTo
        case push(PushFailure)

        var description: String {
            switch self {
            case .nothingToRollBackTo:
                return "no earlier schedule version since the daemon started: push the previous version with "
                    + "PUT /api/v1/schedule"
            case .push(.invalid(let error)): return "the previous version no longer validates: \(error.abbreviated())"
            case .push(.notStored(let error)): return "the previous version could not be stored: \(error)"
            }
        }
    }

    /// Puts the previous version back in force, as a push by `actor` (stored and audited).
    func rollback(actor: String, at now: Date) async -> Result<LoadedSchedule, RollbackFailure> {
        guard let previous else { return .failure(.nothingToRollBackTo) }
        let body = Array(ScheduleEncoder.encode(previous.program).utf8)
        return await push(body, actor: actor, at: now).mapError { .push($0) }
    }

    // MARK: Loading

    /// Reads and validates the watched file; on success puts it in force and drops any stored
    /// snapshot (the file superseded it). Returns whether it succeeded.
    @discardableResult
    private func loadFile(at now: Date) async -> Bool {
        let path = watchedPath
        let program: Program
        do {
            program = try ScheduleLoader.load(path: path)
        } catch {
            lastFileFailure = error.description
            metrics.recordAttempt(source: "file", success: false)
            metrics.setLastLoadSuccessful(false)
            logger.error(
                current == nil
                    ? "cannot load the schedule; running without resilience metrics until it can be loaded"
                    : "cannot load the changed schedule; the schedule in force is kept",
                metadata: ["path": "\(path)", "errors": "\(error)"])
            await audit("daemon", "schedule.load_failed", now, ["path": path, "error": error.abbreviated()])
            return false
        }
        do {
            try snapshots.clear()
        } catch {
            logger.error("cannot drop the superseded pushed schedule", metadata: ["error": "\(error)"])
        }
        lastFileFailure = nil
        install(program, origin: .file(path: path), at: now)
        metrics.recordAttempt(source: "file", success: true)
        metrics.setLastLoadSuccessful(true)
        logger.info(
            "schedule loaded",
            metadata: ["path": "\(path)", "program": "\(program.name)", "assignments": "\(program.assignments.count)"])
        await audit("daemon", "schedule.load", now, details(program, ["path": path]))
        return true
    }

    /// Puts a stored snapshot in force; false (logged) when it no longer validates.
    private func restore(_ snapshot: ScheduleSnapshot, at now: Date) async -> Bool {
        do {
            let program = try ScheduleLoader.parse(bytes: snapshot.body, file: "stored snapshot")
            install(program, origin: .api(actor: snapshot.actor), at: snapshot.pushedAt)
            logger.info(
                "serving the schedule pushed over the API before the restart",
                metadata: ["pushed_at": "\(snapshot.pushedAt)", "program": "\(program.name)"])
            return true
        } catch {
            logger.error(
                "the stored pushed schedule no longer validates; ignoring it", metadata: ["errors": "\(error)"])
            await audit("daemon", "schedule.snapshot_invalid", now, ["error": error.abbreviated()])
            return false
        }
    }

    private func storedSnapshot() -> ScheduleSnapshot? {
        do {
            return try snapshots.latest()
        } catch {
            logger.error("cannot read the stored pushed schedule", metadata: ["error": "\(error)"])
            return nil
        }
    }

    @discardableResult
    private func install(_ program: Program, origin: ScheduleOrigin, at time: Date) -> LoadedSchedule {
        version += 1
        let loaded = LoadedSchedule(program: program, origin: origin, loadedAt: time, version: version)
        let body = Array(ScheduleEncoder.encode(program).utf8)
        let before: ScheduleVersion?
        do {
            before = try versions.record(body: body, origin: origin.description, at: time)
        } catch {
            logger.error(
                "cannot store the schedule version; a rollback after a restart will not find it",
                metadata: ["error": "\(error)"])
            before = nil
        }
        if let current {
            // The same program again (the file touched, not changed) leaves the previous one.
            if current.program != program { previous = current }
        } else if let before {
            previous = restoredVersion(before)
        }
        current = loaded
        metrics.recordInstalled(program, at: time)
        return loaded
    }

    /// A stored version read back as the one before the schedule in force (after a restart).
    private func restoredVersion(_ stored: ScheduleVersion) -> LoadedSchedule? {
        do {
            let program = try ScheduleLoader.parse(bytes: stored.body, file: "stored schedule version")
            let origin: ScheduleOrigin =
                stored.origin.hasPrefix("api:")
                ? .api(actor: String(stored.origin.dropFirst(4))) : .file(path: String(stored.origin.dropFirst(5)))
            return LoadedSchedule(program: program, origin: origin, loadedAt: stored.installedAt, version: 0)
        } catch {
            logger.warning(
                "the stored previous schedule version no longer validates; there is nothing to roll back to",
                metadata: ["errors": "\(error)"])
            return nil
        }
    }

    private func details(_ program: Program, _ extra: [String: String]) -> [String: String] {
        extra.merging(
            [
                "program": program.name, "assignments": "\(program.assignments.count)",
                "people": "\(program.people.count)",
            ]
        ) { mine, _ in mine }
    }
}
