/// The keys one kind of object in a schedule file may have. The loader reads objects through these
/// enums, and `ScheduleFormat` publishes them, so the loader and the JSON Schema cannot drift apart.
/// The raw value is the key's slot in a `FieldValues` buffer.
protocol ScheduleField: RawRepresentable<Int>, CaseIterable {
    /// The JSON key.
    var key: String { get }
    /// Every key, in case order (`allCases.map(\.key)`, computed once).
    static var keys: [String] { get }
    /// How an error names an object of this kind: "a person", "an absence"…
    static var objectName: String { get }
    static var required: [Self] { get }
}

enum ProgramField: Int, ScheduleField {
    case schema, program, timezone, people, rotations, assignments, absences

    var key: String {
        switch self {
        case .schema: return "$schema"
        case .program: return "program"
        case .timezone: return "timezone"
        case .people: return "people"
        case .rotations: return "rotations"
        case .assignments: return "assignments"
        case .absences: return "absences"
        }
    }

    static let keys = allCases.map(\.key)
    static let objectName = "the schedule"
    static let required: [ProgramField] = [.program, .people, .rotations, .assignments]
}

enum PersonField: Int, ScheduleField {
    case id, name, role, pgy, capabilities, maxSessionsPerWeek

    var key: String {
        switch self {
        case .id: return "id"
        case .name: return "name"
        case .role: return "role"
        case .pgy: return "pgy"
        case .capabilities: return "capabilities"
        case .maxSessionsPerWeek: return "max_sessions_per_week"
        }
    }

    static let keys = allCases.map(\.key)
    static let objectName = "a person"
    static let required: [PersonField] = [.id, .role]
}

enum RotationField: Int, ScheduleField {
    case id, name, category, minFaculty, supervision, hoursPerSession

    var key: String {
        switch self {
        case .id: return "id"
        case .name: return "name"
        case .category: return "category"
        case .minFaculty: return "min_faculty"
        case .supervision: return "supervision"
        case .hoursPerSession: return "hours_per_session"
        }
    }

    static let keys = allCases.map(\.key)
    static let objectName = "a rotation"
    static let required: [RotationField] = [.id, .category]
}

enum AssignmentField: Int, ScheduleField {
    case person, date, session, rotation, call

    var key: String {
        switch self {
        case .person: return "person"
        case .date: return "date"
        case .session: return "session"
        case .rotation: return "rotation"
        case .call: return "call"
        }
    }

    static let keys = allCases.map(\.key)
    static let objectName = "an assignment"
    static let required: [AssignmentField] = [.person, .date, .session, .rotation]
}

enum AbsenceField: Int, ScheduleField {
    case person, start, end, type

    var key: String {
        switch self {
        case .person: return "person"
        case .start: return "start"
        case .end: return "end"
        case .type: return "type"
        }
    }

    static let keys = allCases.map(\.key)
    static let objectName = "an absence"
    static let required: [AbsenceField] = [.person, .start, .end, .type]
}
