/// What a resident does for a four-week block. Every resident moves to another track each block,
/// so over a year each sees the wards, nights, the ACGME-required services and clinic.
enum ResidentTrack: Int, CaseIterable, Sendable {
    case inpatient, nightFloat, obstetrics, pediatrics, offService, elective, research, ambulatory

    /// Residents per track (indexed by raw value) per 24 residents in any block: a community
    /// program's mix, a third of the residents on services supervised by other departments.
    static let communityShares = [3, 1, 2, 2, 7, 2, 2, 5]
    /// A mix with most residents on services our own faculty supervise: a university program whose
    /// faculty run the wards, clinics and electives themselves.
    static let academicShares = [4, 1, 2, 2, 1, 3, 1, 10]

    /// Vacations are taken on tracks whose work others absorb easily (never on wards or nights).
    var allowsVacation: Bool {
        switch self {
        case .offService, .elective, .research, .ambulatory: return true
        case .inpatient, .nightFloat, .obstetrics, .pediatrics: return false
        }
    }

    /// The track of each of `residents` positions in a block, tracks in declaration order, sized by
    /// `shares` (per 24) with the remainder going to the tracks that matter most for patient care.
    static func positions(residents: Int, shares: [Int]) -> [ResidentTrack] {
        guard residents > 0 else { return [] }
        let total = max(1, shares.reduce(0, +))
        var counts = allCases.map {
            residents * (shares.indices.contains($0.rawValue) ? shares[$0.rawValue] : 0) / total
        }
        var remainder = residents - counts.reduce(0, +)
        let priority: [ResidentTrack] = [
            .inpatient, .ambulatory, .nightFloat, .obstetrics, .pediatrics, .elective, .offService, .research,
        ]
        var next = 0
        while remainder > 0 {
            counts[priority[next % priority.count].rawValue] += 1
            remainder -= 1
            next += 1
        }
        return allCases.flatMap { track in [ResidentTrack](repeating: track, count: counts[track.rawValue]) }
    }
}
