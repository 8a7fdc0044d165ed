/// One way a receiver is reached (one entry of its `webhook_configs`, `email_configs`, … or the local
/// file when it has none), as far as the pipeline needs to know it: its name in the notification log
/// and whether it hears about resolved alerts.
public struct ReceiverIntegration: Sendable, Hashable {
    /// `webhook`, `email`, `file`, …
    public var kind: String
    /// Position among the receiver's integrations of that kind.
    public var index: Int
    public var sendResolved: Bool
    /// Whether it is told when its group is acknowledged (a pager that has an incident to
    /// acknowledge too, such as PagerDuty), rather than only hearing nothing more.
    public var followsAcknowledgements: Bool

    public init(kind: String, index: Int, sendResolved: Bool, followsAcknowledgements: Bool = false) {
        self.kind = kind
        self.index = index
        self.sendResolved = sendResolved
        self.followsAcknowledgements = followsAcknowledgements
    }

    /// `webhook[0]`: the integration's name in the notification log and in metrics.
    public var name: String { "\(kind)[\(index)]" }
}
