import Schedule

/// A static-stability fallback: a bad day the program plans for in advance, so that when it comes
/// nobody has to improvise a schedule under pressure. Each scenario is a loss of faculty (the most
/// critical people first) together with the activities the program agrees to suspend.
public enum FallbackScenario: String, Sendable, Hashable, CaseIterable {
    case oneFacultyLoss = "1_faculty_loss"
    case twoFacultyLoss = "2_faculty_loss"
    case pcsSeason50Percent = "pcs_season_50_percent"
    case holidaySkeleton = "holiday_skeleton"
    case pandemicEssentialOnly = "pandemic_essential_only"
    case massCasualtyEvent = "mass_casualty_event"
    case weatherEmergency = "weather_emergency"

    /// How many of `facultyCount` faculty the scenario takes away.
    public func facultyLost(of facultyCount: Int) -> Int {
        let lost: Int
        switch self {
        case .oneFacultyLoss: lost = 1
        case .twoFacultyLoss: lost = 2
        // Permanent-change-of-station season: half the military faculty rotate out at once.
        case .pcsSeason50Percent: lost = facultyCount / 2
        // Holidays: a third of faculty away; the rest run a skeleton service.
        case .holidaySkeleton: lost = facultyCount / 3
        // Pandemic: 30% of faculty sick or quarantined.
        case .pandemicEssentialOnly: lost = (facultyCount * 3) / 10
        // Mass casualty: a fifth of faculty pulled into the emergency department.
        case .massCasualtyEvent: lost = facultyCount / 5
        // Weather: a quarter cannot reach the hospital.
        case .weatherEmergency: lost = facultyCount / 4
        }
        return min(lost, facultyCount)
    }

    /// The load-shedding level whose categories the scenario suspends.
    public var sheddingLevel: LoadSheddingLevel {
        switch self {
        case .oneFacultyLoss: return .normal
        case .twoFacultyLoss: return .yellow
        case .weatherEmergency: return .orange
        case .holidaySkeleton, .pcsSeason50Percent: return .red
        case .massCasualtyEvent: return .black
        case .pandemicEssentialOnly: return .critical
        }
    }

    /// Categories the scenario suspends.
    public var suspendedCategories: Set<ActivityCategory> { sheddingLevel.suspendedCategories }

    /// What it means, for people reading a report.
    public var summary: String {
        switch self {
        case .oneFacultyLoss: return "the most critical faculty member is lost"
        case .twoFacultyLoss: return "the two most critical faculty are lost; optional education suspended"
        case .pcsSeason50Percent:
            return "half the faculty rotate out (PCS season); only patient care, ACGME and continuity kept"
        case .holidaySkeleton: return "a third of faculty away for the holidays; skeleton service"
        case .pandemicEssentialOnly: return "30% of faculty out sick; patient safety only"
        case .massCasualtyEvent:
            return "a fifth of faculty pulled to the emergency department; patient safety and ACGME only"
        case .weatherEmergency: return "a quarter of faculty cannot come in; education and admin suspended"
        }
    }
}
