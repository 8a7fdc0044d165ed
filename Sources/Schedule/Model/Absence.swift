/// A stretch of days someone is away; `end` is inclusive.
public struct Absence: Sendable, Hashable {
    /// Why someone is away. The engine treats all alike; reports and fallbacks name them.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case vacation, deployment, tdy, medical, conference, bereavement, sick, convalescent, training
        case familyEmergency = "family_emergency"
        case emergencyLeave = "emergency_leave"
        case maternityPaternity = "maternity_paternity"
        case militaryDuty = "military_duty"
    }

    public var person: String
    public var start: Day
    public var end: Day
    public var kind: Kind

    public init(person: String, start: Day, end: Day, kind: Kind) {
        self.person = person
        self.start = start
        self.end = end
        self.kind = kind
    }

    public func covers(_ day: Day) -> Bool { start <= day && day <= end }
}
