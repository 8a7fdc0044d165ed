import Incidents
import Notify
import Storage

/// Reads what became of incidents' notifications from the outbox, in the shape the incident
/// engine records on timelines.
enum IncidentDeliveries {
    static func read(_ outbox: OutboxRepository, groupKeys: Set<String>, since: Int64) throws
        -> [String: [IncidentBook.Delivery]]
    {
        var byGroup: [String: [IncidentBook.Delivery]] = [:]
        for message in try outbox.messages(groupKeys: groupKeys, since: since) {
            let outcome: IncidentBook.Delivery.Outcome
            switch message.state {
            case .delivered: outcome = .delivered
            case .dead: outcome = .dead(attempts: message.attempts, error: message.lastError ?? "unknown error")
            case .pending:
                if let error = message.lastError {
                    outcome = .failed(attempts: message.attempts, error: error)
                } else {
                    outcome = .pending
                }
            }
            byGroup[message.groupKey, default: []].append(
                IncidentBook.Delivery(
                    id: message.id, receiver: message.receiver, integration: message.integration,
                    status: message.status, createdAt: message.createdAt, outcome: outcome))
        }
        return byGroup
    }
}
