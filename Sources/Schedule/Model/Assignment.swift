/// One person placed in one rotation for one half-day.
public struct Assignment: Sendable, Hashable {
    public var person: String
    public var date: Day
    public var session: Session
    public var rotation: String
    /// An overnight in-house call follows this session (counts toward continuous duty and rest).
    public var call: Bool

    public init(person: String, date: Day, session: Session, rotation: String, call: Bool = false) {
        self.person = person
        self.date = date
        self.session = session
        self.rotation = rotation
        self.call = call
    }
}
