import Alerting
import Foundation
import Notify
import Storage

/// The pipeline's ``NotificationRecorder``: renders each notification into its outbox message and
/// writes the log entries and the messages in one SQLite transaction, then hands the messages to the
/// worker.
struct OutboxRecorder: NotificationRecorder {
    let store: AlertingStore
    let renderer: @Sendable () -> MessageRenderer
    let deliver: @Sendable ([OutboxMessage]) -> Void

    func record(_ notifications: [GroupNotification]) throws {
        try record(notifications, escalations: EscalationChanges())
    }

    func record(_ notifications: [GroupNotification], escalations: EscalationChanges) throws {
        let renderer = renderer()
        let messages = notifications.compactMap { renderer.render($0, id: UUID().uuidString.lowercased()) }
        try store.record(log: notifications.map(\.logEntry), messages: messages, escalations: escalations)
        if !messages.isEmpty { deliver(messages) }
    }
}
