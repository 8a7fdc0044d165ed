/// Where every resident is in every half-day of a blueprint's days, before faculty are placed.
struct ResidentPlan: Sendable {
    let residents: Int
    let days: Int
    /// Resident × half-day (day × 2 + session index): the rotation's raw value, or -1 when free.
    var rotation: [Int8]
    /// Resident × day: an in-house call follows that day's PM session.
    var call: [Bool]
    /// The residents' vacations, as absences for the file.
    var vacations: [Absence]

    init(residents: Int, days: Int) {
        self.residents = residents
        self.days = days
        rotation = [Int8](repeating: -1, count: residents * days * 2)
        call = [Bool](repeating: false, count: residents * days)
        vacations = []
    }

    func rotation(resident: Int, halfDay: Int) -> FamilyMedicineRotation? {
        FamilyMedicineRotation(rawValue: Int(rotation[resident * days * 2 + halfDay]))
    }

    mutating func set(resident: Int, halfDay: Int, _ value: FamilyMedicineRotation?) {
        rotation[resident * days * 2 + halfDay] = Int8(value?.rawValue ?? -1)
    }

    func hasSession(resident: Int, day: Int) -> Bool {
        rotation[(resident * days + day) * 2] >= 0 || rotation[(resident * days + day) * 2 + 1] >= 0
    }

    /// True when the day's duty runs past midnight: a call, or sessions ending after 24:00 (AM from
    /// 07:00, PM from 13:00 or the AM's end), as the duty-time model times them.
    func spillsPastMidnight(resident: Int, day: Int) -> Bool {
        if call[resident * days + day] { return true }
        guard let pm = rotation(resident: resident, halfDay: day * 2 + 1) else { return false }
        let amEnd = rotation(resident: resident, halfDay: day * 2).map { 7 * 60 + Self.minutes($0) } ?? 0
        return max(13 * 60, amEnd) + Self.minutes(pm) > 24 * 60
    }

    /// A day any duty touches, the small hours of the night before included.
    func isDutyDay(resident: Int, day: Int) -> Bool {
        hasSession(resident: resident, day: day) || (day > 0 && spillsPastMidnight(resident: resident, day: day - 1))
    }

    private static func minutes(_ rotation: FamilyMedicineRotation) -> Int {
        Int((rotation.rotation.hoursPerSession * 60).rounded())
    }

    /// Frees the resident for the whole day (and cancels that night's call).
    mutating func clear(resident: Int, day: Int) {
        set(resident: resident, halfDay: day * 2, nil)
        set(resident: resident, halfDay: day * 2 + 1, nil)
        call[resident * days + day] = false
    }
}
