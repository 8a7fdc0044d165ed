/// A residency program's schedule as a scheduling system exports it: who, what, when, and who is
/// away. Validated on load (see `ScheduleLoader`), so the engine can rely on every reference.
public struct Program: Sendable, Hashable {
    public var name: String
    public var timezone: String?
    public var people: [Person]
    public var rotations: [Rotation]
    public var assignments: [Assignment]
    public var absences: [Absence]

    public init(
        name: String, timezone: String? = nil, people: [Person], rotations: [Rotation], assignments: [Assignment],
        absences: [Absence] = []
    ) {
        self.name = name
        self.timezone = timezone
        self.people = people
        self.rotations = rotations
        self.assignments = assignments
        self.absences = absences
    }
}
