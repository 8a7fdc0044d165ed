/// One way a receiver is reached (one entry of its `webhook_configs`, `email_configs`, … or the local
/// file when it has none), as far as the pipeline needs to know it: its name in the notification log
/// and whether it hears about resolved alerts.
public struct ReceiverIntegration: Sendable, Hashable {
    /// `webhook`, `email`, `file`, …
    public var kind: String
    /// Position among the receiver's integrations of that kind.
    public var index: Int
    public var sendResolved: Bool

    public init(kind: String, index: Int, sendResolved: Bool) {
        self.kind = kind
        self.index = index
        self.sendResolved = sendResolved
    }

    /// `webhook[0]`: the integration's name in the notification log and in metrics.
    public var name: String { "\(kind)[\(index)]" }
}
