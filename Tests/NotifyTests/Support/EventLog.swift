import Synchronization
import TestSupport

/// Events recorded in the order they happened, which a test awaits by condition instead of by
/// sleeping: a request reaching a receiver, a delivery recorded by the worker.
final class EventLog<Event: Sendable>: Sendable {
    private struct Waiter {
        let id: UInt64
        let isSatisfied: @Sendable ([Event]) -> Bool
        let continuation: CheckedContinuation<[Event]?, Never>
    }

    private struct State {
        var events: [Event] = []
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Every event so far, oldest first.
    var all: [Event] { state.withLock { $0.events } }

    func append(_ event: Event) {
        let ready = state.withLock { state -> [(CheckedContinuation<[Event]?, Never>, [Event])] in
            state.events.append(event)
            let events = state.events
            let ready = state.waiters.filter { $0.isSatisfied(events) }
            state.waiters.removeAll { $0.isSatisfied(events) }
            return ready.map { ($0.continuation, events) }
        }
        for (continuation, events) in ready { continuation.resume(returning: events) }
    }

    /// The events once `condition` holds for them; nil when it still does not after `timeout`, the
    /// safety net against a peer that never answers.
    func wait(
        within timeout: Duration = .seconds(20), until condition: @escaping @Sendable ([Event]) -> Bool
    ) async -> [Event]? {
        await firstResult(within: timeout) { await self.suspend(until: condition) }
    }

    /// The events once there are at least `count` of them (nil after `timeout`).
    func wait(forCount count: Int, within timeout: Duration = .seconds(20)) async -> [Event]? {
        await wait(within: timeout) { $0.count >= count }
    }

    private func suspend(until condition: @escaping @Sendable ([Event]) -> Bool) async -> [Event]? {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<[Event]?, Never>) in
                let immediate: [Event]?? = state.withLock { state in
                    if condition(state.events) { return .some(state.events) }
                    if Task.isCancelled { return .some(nil) }
                    state.waiters.append(Waiter(id: id, isSatisfied: condition, continuation: continuation))
                    return .none
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(returning: nil)
        }
    }
}
