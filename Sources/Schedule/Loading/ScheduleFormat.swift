/// The fields a schedule file may hold, per kind of object, exactly as the loader accepts them.
/// Tests hold `etc/schema/schedule.schema.json` to these lists, so documentation and loader agree.
public enum ScheduleFormat {
    /// One kind of object: every key it may have and the keys it must have.
    public struct ObjectFields: Sendable, Hashable {
        public var fields: [String]
        public var required: [String]
    }

    /// The document itself.
    public static let program = fields(of: ProgramField.self)
    public static let person = fields(of: PersonField.self)
    public static let rotation = fields(of: RotationField.self)
    public static let assignment = fields(of: AssignmentField.self)
    public static let absence = fields(of: AbsenceField.self)

    /// Allowed `pgy` values.
    public static let pgyRange = 1...10
    /// Allowed `max_sessions_per_week` values (a week has 14 half-days).
    public static let maxSessionsPerWeekRange = 0...14

    private static func fields<Field: ScheduleField>(of _: Field.Type) -> ObjectFields {
        ObjectFields(fields: Field.keys, required: Field.required.map(\.key))
    }
}
