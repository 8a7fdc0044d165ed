import Notify
import Server
import Storage

/// `/api/v1/notifications` over the outbox repository; a retry wakes the worker.
struct OutboxView: NotificationOutboxView {
    let outbox: OutboxRepository
    let worker: DeliveryWorker

    func list(state: String?, limit: Int) async throws -> [NotificationSummary] {
        try outbox.messages(state: state.flatMap(OutboxState.init(rawValue:)), limit: limit).map { message in
            NotificationSummary(
                id: message.id, receiver: message.receiver, integration: message.integration,
                groupKey: message.groupKey, status: message.status, alerts: message.alertCount,
                state: message.state.rawValue, attempts: message.attempts, createdAt: message.createdAt,
                nextAttemptAt: message.nextAttemptAt, deliveredAt: message.deliveredAt, lastError: message.lastError)
        }
    }

    func retry(id: String, now: Int64) async throws -> Bool {
        let found = try outbox.requeue(id: id, at: now)
        if found { worker.poke() }
        return found
    }
}
