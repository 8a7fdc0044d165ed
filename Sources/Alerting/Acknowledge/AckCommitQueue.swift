import Synchronization

/// Group commit for signed acknowledgements. Requests that arrive while a batch is being saved wait
/// and are saved together in the next one: under a burst (a chat integration replaying a backlog,
/// a whole team pressing "ack" at once) the request ids and the escalation changes of many requests
/// share two transactions, while a lone request is saved at once, with no timer and no added wait.
///
/// Each request id is claimed before its acknowledgement is taken, so a replay is refused even when
/// the original named an unknown group; a claim that cannot be saved fails the whole batch.
public final class AckCommitQueue: Sendable {
    /// Why a signed acknowledgement changed nothing.
    public enum Failure: Error, Sendable, Equatable {
        /// The request id was taken before.
        case replayed
        case refused(AckError)
    }

    private struct Pending: Sendable {
        var id: String
        var command: AckCommand
        var reply: CheckedContinuation<Result<[AckRecord], Failure>, Never>
    }

    private struct State {
        var queue: [Pending] = []
        var draining = false
        /// When ids were last forgotten (ms).
        var lastForget: Int64?
    }

    /// How long request ids are remembered (ms): far beyond the 5-minute signature window.
    public static let retention: Int64 = 24 * 3_600_000
    private let state = Mutex(State())
    private let pipeline: AlertPipeline
    private let ledger: any AckRequestLedger

    /// `ledger` nil: ids are remembered in memory only.
    public init(pipeline: AlertPipeline, ledger: (any AckRequestLedger)?) {
        self.pipeline = pipeline
        self.ledger = ledger ?? InMemoryAckRequestLedger()
    }

    /// Takes `command` under request id `id` once every request queued before it is taken.
    public func submit(id: String, _ command: AckCommand) async -> Result<[AckRecord], Failure> {
        await withCheckedContinuation { reply in
            let start = state.withLock { state in
                state.queue.append(Pending(id: id, command: command, reply: reply))
                guard !state.draining else { return false }
                state.draining = true
                return true
            }
            if start { Task { await self.drain() } }
        }
    }

    private func drain() async {
        while let batch = nextBatch() { await take(batch) }
    }

    /// What queued since the last batch; nil (and no longer draining) when nothing did.
    private func nextBatch() -> [Pending]? {
        state.withLock { state in
            guard !state.queue.isEmpty else {
                state.draining = false
                return nil
            }
            defer { state.queue = [] }
            return state.queue
        }
    }

    private func take(_ batch: [Pending]) async {
        let now = batch.map(\.command.now).max() ?? 0
        let fresh: [Bool]
        do {
            fresh = try ledger.claim(ids: batch.map(\.id), now: now)
        } catch {
            for pending in batch { pending.reply.resume(returning: .failure(.refused(.storage("\(error)")))) }
            return
        }
        let forget = state.withLock { state in
            guard now - (state.lastForget ?? .min / 2) >= 3_600_000 else { return false }
            state.lastForget = now
            return true
        }
        if forget { try? ledger.forget(before: now - Self.retention) }
        let taken = batch.indices.filter { fresh[$0] }
        let results = await pipeline.acknowledge(taken.map { batch[$0].command })
        // Not saved: the client is told so (500) and its retry, under the same id, must be taken.
        let unsaved = zip(taken, results).compactMap { index, result -> String? in
            if case .failure(.storage) = result { return batch[index].id }
            return nil
        }
        if !unsaved.isEmpty { try? ledger.release(ids: unsaved) }
        for (index, result) in zip(taken, results) {
            batch[index].reply.resume(returning: result.mapError { .refused($0) })
        }
        for index in batch.indices where !fresh[index] { batch[index].reply.resume(returning: .failure(.replayed)) }
    }
}
