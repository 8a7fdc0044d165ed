/// The kinds of faculty a family-medicine program has, by what they may cover. Synthetic rosters
/// cycle through them so every rotation has someone, a few generalists can cover anything, and a
/// few narrow specialists are the only ones for their rotation — the people N-1 analysis flags.
enum FacultyProfile: CaseIterable, Sendable {
    case generalist, hospitalist, obstetricFamilyPhysician, pediatricFamilyPhysician, programLeadership
    case nocturnist, ambulatory, wardsAndChildren, sportsMedicine, dermatology, officeObstetrics, wardsAndAdmin

    /// nil: every rotation.
    var capabilities: [FamilyMedicineRotation]? {
        switch self {
        case .generalist: return nil
        case .hospitalist: return [.inpatient, .nightFloat, .clinic, .procedures, .didactics]
        case .obstetricFamilyPhysician: return [.obstetrics, .inpatient, .clinic, .procedures]
        case .pediatricFamilyPhysician: return [.pediatrics, .clinic, .didactics]
        case .programLeadership: return [.administration, .clinic, .didactics, .research, .inpatient]
        case .nocturnist: return [.inpatient, .nightFloat, .clinic]
        case .ambulatory: return [.clinic, .procedures, .didactics, .research]
        case .wardsAndChildren: return [.inpatient, .pediatrics, .clinic, .didactics]
        case .sportsMedicine: return [.sportsMedicine, .procedures, .clinic]
        case .dermatology: return [.dermatology, .clinic, .procedures]
        case .officeObstetrics: return [.clinic, .obstetrics, .didactics]
        case .wardsAndAdmin: return [.inpatient, .nightFloat, .clinic, .administration]
        }
    }

    /// The profile of the `index`-th faculty member of a synthetic roster: generalists at most three,
    /// one dermatologist in the whole program, otherwise the cycle below.
    static func profile(index: Int) -> FacultyProfile {
        let cycle: [FacultyProfile] = [
            .generalist, .hospitalist, .obstetricFamilyPhysician, .pediatricFamilyPhysician, .programLeadership,
            .nocturnist, .ambulatory, .wardsAndChildren, .sportsMedicine, .dermatology, .officeObstetrics,
            .wardsAndAdmin,
        ]
        let profile = cycle[index % cycle.count]
        let round = index / cycle.count
        switch profile {
        case .generalist where round >= 3: return .hospitalist
        case .dermatology where round >= 1: return .ambulatory
        default: return profile
        }
    }
}
