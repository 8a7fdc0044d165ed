/// Everything the synthesizer needs to build a program: who, over which days, who is known to be
/// away, and the deliberate exceptions (residents pulled onto extra duty).
///
/// ``ProgramGenerator`` fills one from a seed; ``DemoProgram`` writes one by hand.
struct ScheduleBlueprint: Sendable {
    /// A resident taken off their track for a stretch of days to cover `rotation`: every
    /// `callEvery` days a 24-hour call (AM, PM and the night), the next day post-call, the days in
    /// between AM and PM (`callEvery` 0: AM and PM every day, no call). No day off: how a program
    /// covers a colleague's absence, and how ACGME limits get broken.
    struct ExtraDuty: Sendable {
        var resident: String
        var from: Day
        var through: Day
        var rotation: FamilyMedicineRotation
        var callEvery: Int
    }

    var name: String
    var timezone: String?
    var start: Day
    var days: Int
    var faculty: [Person]
    /// Residents with `pgy` set, in the order they are written to the file.
    var residents: [Person]
    /// Faculty absences the scheduler knew about: nobody is assigned on those days.
    var plannedAbsences: [Absence]
    /// Vacation weeks per resident per 52 weeks (each 7 days, Monday to Sunday).
    var residentVacationWeeks: [Int]
    var extraDuty: [ExtraDuty] = []
    /// Weekday half-days per week with a faculty-only administration slot.
    var administrationHalfDays: Int
    /// Residents per track per 24 (see ``ResidentTrack``).
    var trackShares = ResidentTrack.communityShares
    /// Place faculty least-loaded first instead of most-specialised first (see ``FacultyFiller``).
    var spreadsLoad = false
    var seed: UInt64
}
