/// A half-day block. Every assignment is to one; a person is in at most one place per half-day.
public enum Session: String, Sendable, Hashable, CaseIterable, Comparable {
    case am = "AM"
    case pm = "PM"

    /// 0 for AM, 1 for PM: a half-day's index is `day * 2 + session.index`.
    public var index: Int { self == .am ? 0 : 1 }

    public static func < (lhs: Session, rhs: Session) -> Bool { lhs.index < rhs.index }
}
