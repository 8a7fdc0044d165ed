/// A kind of work a slot is for (clinic, inpatient, procedures…), with the staffing it needs.
public struct Rotation: Sendable, Hashable {
    public var id: String
    public var name: String
    public var category: ActivityCategory
    /// Faculty needed in a slot of this rotation whoever the residents are.
    public var minFaculty: Int
    /// When true, residents in a slot also need faculty supervision: ceil((2·PGY-1 + others) / 4).
    public var supervision: Bool
    /// Duty hours a half-day session of this rotation counts for (ACGME).
    public var hoursPerSession: Double

    public static let defaultHoursPerSession = 6.0

    public init(
        id: String, name: String, category: ActivityCategory, minFaculty: Int = 0, supervision: Bool = false,
        hoursPerSession: Double = Rotation.defaultHoursPerSession
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.minFaculty = minFaculty
        self.supervision = supervision
        self.hoursPerSession = hoursPerSession
    }
}
