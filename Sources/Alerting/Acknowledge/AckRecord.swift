/// One acknowledgement action as the audit log keeps it: who did what to which group, when, how
/// and from where.
public struct AckRecord: Sendable, Equatable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case ack, unack, resolve
    }

    public var action: Action
    public var groupKey: String
    public var by: String
    /// `api`, `cli`, `webhook` or `link`.
    public var via: String
    /// The client's address, when known.
    public var source: String
    /// ms.
    public var at: Int64

    public init(action: Action, groupKey: String, by: String, via: String, source: String, at: Int64) {
        self.action = action
        self.groupKey = groupKey
        self.by = by
        self.via = via
        self.source = source
        self.at = at
    }
}
