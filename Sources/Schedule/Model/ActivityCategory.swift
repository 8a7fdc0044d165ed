/// What a rotation's work is for, ranked by the sacrifice hierarchy: when faculty run short, the
/// program stops the least essential activities first and never stops patient safety.
public enum ActivityCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case patientSafety = "patient_safety"
    case acgmeRequirements = "acgme_requirements"
    case continuityOfCare = "continuity_of_care"
    case educationCore = "education_core"
    case research
    case administration
    case educationOptional = "education_optional"

    /// The load-shedding level (1...5) at which this category is suspended; nil for patient
    /// safety, which is never shed.
    public var shedAtLevel: Int? {
        switch self {
        case .educationOptional: return 1
        case .administration, .research: return 2
        case .educationCore: return 3
        case .continuityOfCare: return 4
        case .acgmeRequirements: return 5
        case .patientSafety: return nil
        }
    }

    /// The categories suspended at a load-shedding level (cumulative).
    public static func suspended(atLevel level: Int) -> Set<ActivityCategory> {
        Set(allCases.filter { category in category.shedAtLevel.map { $0 <= level } ?? false })
    }

    /// Orders by essentialness: patient safety first.
    public static func < (lhs: ActivityCategory, rhs: ActivityCategory) -> Bool {
        (lhs.shedAtLevel ?? 6) > (rhs.shedAtLevel ?? 6)
    }
}
