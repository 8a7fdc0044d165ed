import Alerting
import Synchronization

/// The receivers in force, by name, shared by the senders and swapped whole on reload: a message
/// is delivered to what its receiver's integration says at the time of the attempt.
public final class ReceiverDirectory: Sendable {
    private let receivers: Mutex<[String: ReceiverConfig]>

    public init(_ receivers: [ReceiverConfig] = []) {
        self.receivers = Mutex(Dictionary(receivers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    public func update(_ receivers: [ReceiverConfig]) {
        let table = Dictionary(receivers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.receivers.withLock { $0 = table }
    }

    public func receiver(_ name: String) -> ReceiverConfig? {
        receivers.withLock { $0[name] }
    }

    /// Each receiver's integrations as the pipeline sees them (a receiver with none is reached
    /// through the local file).
    public static func integrations(of receivers: [ReceiverConfig]) -> [String: [ReceiverIntegration]] {
        var table: [String: [ReceiverIntegration]] = [:]
        for receiver in receivers {
            var list: [ReceiverIntegration] = []
            for (index, webhook) in receiver.webhookConfigs.enumerated() {
                list.append(ReceiverIntegration(kind: "webhook", index: index, sendResolved: webhook.sendResolved))
            }
            for (index, email) in receiver.emailConfigs.enumerated() {
                list.append(ReceiverIntegration(kind: "email", index: index, sendResolved: email.sendResolved))
            }
            for (index, slack) in receiver.slackConfigs.enumerated() {
                list.append(ReceiverIntegration(kind: "slack", index: index, sendResolved: slack.sendResolved))
            }
            for (index, teams) in receiver.teamsConfigs.enumerated() {
                list.append(ReceiverIntegration(kind: "msteams", index: index, sendResolved: teams.sendResolved))
            }
            // One integration per phone number: each has its own message and retries.
            var number = 0
            for sms in receiver.smsConfigs {
                for _ in sms.to {
                    list.append(ReceiverIntegration(kind: "sms", index: number, sendResolved: sms.sendResolved))
                    number += 1
                }
            }
            for (index, pagerduty) in receiver.pagerdutyConfigs.enumerated() {
                list.append(
                    ReceiverIntegration(
                        kind: "pagerduty", index: index, sendResolved: pagerduty.sendResolved,
                        followsAcknowledgements: true))
            }
            table[receiver.name] = list
        }
        return table
    }
}
