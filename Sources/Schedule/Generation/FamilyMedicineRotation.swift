/// The rotations of a family-medicine residency as synthetic and demo programs use them: every
/// category of the sacrifice hierarchy is represented, so load shedding has something to shed at
/// every level.
///
/// Two rotations (emergency medicine, general surgery) are supervised by the host department's
/// faculty, who are not on the program's roster: they need none of ours (`min_faculty` 0, no
/// supervision) but count toward residents' duty hours.
enum FamilyMedicineRotation: Int, CaseIterable, Sendable {
    case inpatient, nightFloat, clinic, obstetrics, pediatrics, procedures, emergency, surgery
    case didactics, research, administration, sportsMedicine, dermatology

    var id: String {
        switch self {
        case .inpatient: return "inpatient"
        case .nightFloat: return "night_float"
        case .clinic: return "clinic"
        case .obstetrics: return "obstetrics"
        case .pediatrics: return "pediatrics"
        case .procedures: return "procedures"
        case .emergency: return "emergency"
        case .surgery: return "surgery"
        case .didactics: return "didactics"
        case .research: return "research"
        case .administration: return "administration"
        case .sportsMedicine: return "sports_medicine"
        case .dermatology: return "dermatology"
        }
    }

    var rotation: Rotation {
        switch self {
        case .inpatient:
            return Rotation(
                id: id, name: "Inpatient medicine wards", category: .patientSafety, minFaculty: 1, supervision: true,
                hoursPerSession: 6)
        case .nightFloat:
            return Rotation(
                id: id, name: "Night float", category: .patientSafety, minFaculty: 1, supervision: true,
                hoursPerSession: 12)
        case .clinic:
            return Rotation(
                id: id, name: "Continuity clinic", category: .continuityOfCare, minFaculty: 1, supervision: true,
                hoursPerSession: 5)
        case .obstetrics:
            return Rotation(
                id: id, name: "Obstetrics (labor and delivery)", category: .acgmeRequirements, minFaculty: 1,
                supervision: true, hoursPerSession: 6)
        case .pediatrics:
            return Rotation(
                id: id, name: "Pediatrics", category: .acgmeRequirements, minFaculty: 1, supervision: true,
                hoursPerSession: 5)
        case .procedures:
            return Rotation(
                id: id, name: "Procedures clinic", category: .acgmeRequirements, minFaculty: 1, supervision: true,
                hoursPerSession: 4.5)
        case .emergency:
            return Rotation(
                id: id, name: "Emergency medicine (hospital ED faculty)", category: .acgmeRequirements, minFaculty: 0,
                supervision: false, hoursPerSession: 6)
        case .surgery:
            return Rotation(
                id: id, name: "General surgery (hospital surgical faculty)", category: .acgmeRequirements,
                minFaculty: 0, supervision: false, hoursPerSession: 6)
        case .didactics:
            return Rotation(
                id: id, name: "Didactics (academic half-day)", category: .educationCore, minFaculty: 1,
                supervision: false, hoursPerSession: 4)
        case .research:
            return Rotation(
                id: id, name: "Research and scholarly activity", category: .research, minFaculty: 1,
                supervision: false, hoursPerSession: 4)
        case .administration:
            return Rotation(
                id: id, name: "Program administration", category: .administration, minFaculty: 1,
                supervision: false, hoursPerSession: 4)
        case .sportsMedicine:
            return Rotation(
                id: id, name: "Sports medicine elective", category: .educationOptional, minFaculty: 1,
                supervision: true, hoursPerSession: 5)
        case .dermatology:
            return Rotation(
                id: id, name: "Dermatology elective", category: .educationOptional, minFaculty: 1, supervision: true,
                hoursPerSession: 5)
        }
    }

    /// When no faculty member can take a slot of this rotation, its residents spend the half-day in
    /// continuity clinic instead (what programs do when the specialist is away). Patient care on the
    /// wards and the faculty-only activities cannot be moved.
    var fallsBackToClinic: Bool {
        switch self {
        case .obstetrics, .pediatrics, .procedures, .research, .sportsMedicine, .dermatology: return true
        case .inpatient, .nightFloat, .clinic, .emergency, .surgery, .didactics, .administration: return false
        }
    }
}
