/// The program a newcomer's first `make run` shows (`etc/demo/program.json`): "Demo Family
/// Medicine Residency", 24 residents (8 per PGY-1..3) and 12 faculty over the academic year
/// 2026-07-01 … 2027-06-30.
///
/// Ordinary weeks are green: everything covered, faculty utilization under 0.70, residents inside
/// the ACGME limits (e.g. the windows from 2026-07-06 and from 2027-02-01, 28 days). The four weeks
/// from 2026-09-14 (the shipped config's `schedule.as_of`) are the crisis the alerts are for:
/// - Dr. Reyes and Dr. O'Brien are deployed from 2026-09-12 to 2026-11-08, announced after the
///   schedule was built, so their assignments remain and leave coverage gaps;
/// - Dr. Marsh, Dr. Whitfield and Dr. Castellanos are at a conference 2026-09-29 … 10-03, and
///   Dr. Goldberg is on parental leave: utilization of those left passes 0.90;
/// - with Dr. Reyes away, Dr. Raman is the only faculty member qualified for obstetrics;
/// - Daniel Cho (PGY-2) and Priyanka Rao (PGY-3) cover the wards' extra calls every other night
///   from 2026-09-07 to 2026-10-11: about 84 hours a week and no day off.
///
/// Built by the same synthesizer as ``ProgramGenerator`` from a fixed roster and seed, so the
/// committed file can always be regenerated (`vigil resilience generate --demo`) and a test checks
/// that it was.
public enum DemoProgram {
    public static let name = "Demo Family Medicine Residency"
    /// The shipped config's `schedule.as_of`: the first day of the crisis window.
    public static let crisisStart = Day(ordinal: 20_710)

    public static func make() -> Program {
        let start = ProgramGenerator.academicYearStart
        let residents = DemoRoster.residents()
        let extraDuty = ["r10", "r19"].map { id in
            ScheduleBlueprint.ExtraDuty(
                resident: id, from: crisisStart.advanced(by: -7), through: crisisStart.advanced(by: 27),
                rotation: .inpatient, callEvery: 2)
        }
        let blueprint = ScheduleBlueprint(
            name: name, timezone: "America/Chicago", start: start, days: 365, faculty: DemoRoster.faculty(),
            residents: residents, plannedAbsences: DemoRoster.plannedAbsences(),
            residentVacationWeeks: residents.map { _ in 2 }, extraDuty: extraDuty, administrationHalfDays: 2,
            seed: 2026)
        var program = ScheduleSynthesizer(blueprint: blueprint).program()
        program.absences = (program.absences + DemoRoster.deployments()).sorted { lhs, rhs in
            (lhs.start, lhs.person) < (rhs.start, rhs.person)
        }
        return program
    }
}
