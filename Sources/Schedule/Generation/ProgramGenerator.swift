/// Synthetic family-medicine programs of any size, for demos, benchmarks and load tests.
///
/// The same (sizes, seed, start) always gives the same program, on every machine: all randomness
/// comes from ``SplitMix64``. Programs have the shape of a real residency — residents of PGY-1..3
/// on four-week tracks (wards with calls, night float, obstetrics, pediatrics, off-service,
/// electives, research, clinic), faculty with capability profiles and weekly caps of 6–10
/// sessions, vacations and conferences — and staffing that is tight without being broken:
/// coverage is complete wherever the roster allows, while N-1 and N-2 analysis find the narrow
/// specialists and the pairs whose loss cannot be absorbed. Size grows linearly with
/// faculty, residents and weeks.
public struct ProgramGenerator: Sendable {
    /// 2026-07-01, the start of the academic year the demo uses.
    public static let academicYearStart = Day(ordinal: 20_635)

    public var faculty: Int
    public var residents: Int
    public var weeks: Int
    public var seed: UInt64
    public var start: Day

    /// Negative counts are treated as zero.
    public init(faculty: Int, residents: Int, weeks: Int, seed: UInt64, start: Day = academicYearStart) {
        self.faculty = faculty
        self.residents = residents
        self.weeks = weeks
        self.seed = seed
        self.start = start
    }

    public func generate() -> Program {
        let facultyCount = max(0, faculty)
        let residentCount = max(0, residents)
        let days = max(0, weeks) * 7
        // Separate streams: renaming people never moves an assignment.
        var names = SplitMix64(seed: seed ^ 0x6E61_6D65)
        var rng = SplitMix64(seed: seed)

        let facultyWidth = max(2, String(facultyCount).count)
        let facultyPeople = (0..<facultyCount).map { index in
            let profile = FacultyProfile.profile(index: index)
            return Person(
                id: "f" + Self.padded(index + 1, width: facultyWidth), name: "Dr. " + NameBank.name(rng: &names),
                role: .faculty, capabilities: profile.capabilities?.map(\.id),
                maxSessionsPerWeek: rng.integer(in: 6...10))
        }
        let residentWidth = max(2, String(residentCount).count)
        let residentPeople = (0..<residentCount).map { index in
            Person(
                id: "r" + Self.padded(index + 1, width: residentWidth), name: NameBank.name(rng: &names),
                role: .resident, pgy: 1 + index * 3 / residentCount)
        }
        let absences = facultyAbsences(facultyPeople, days: days, rng: &rng)
        let blueprint = ScheduleBlueprint(
            name: "Synthetic Family Medicine Residency (seed \(seed))", timezone: "America/Chicago", start: start,
            days: days, faculty: facultyPeople, residents: residentPeople, plannedAbsences: absences,
            residentVacationWeeks: residentPeople.map { _ in rng.integer(in: 1...2) },
            administrationHalfDays: facultyCount == 0 ? 0 : min(10, max(1, facultyCount / 6)),
            trackShares: ResidentTrack.academicShares,
            spreadsLoad: true,
            seed: rng.next())
        return ScheduleSynthesizer(blueprint: blueprint).program()
    }

    /// One or two vacation weeks per faculty member per 52 weeks, and one conference (Wednesday
    /// to Friday) per 26 weeks attended by a tenth of the faculty.
    private func facultyAbsences(_ faculty: [Person], days: Int, rng: inout SplitMix64) -> [Absence] {
        guard !faculty.isEmpty, days >= 7 else { return [] }
        var taken = [[ClosedRange<Int>]](repeating: [], count: faculty.count)
        var absences: [Absence] = []
        func fits(_ member: Int, _ range: ClosedRange<Int>) -> Bool {
            range.upperBound < days && !taken[member].contains { $0.overlaps(range) }
        }
        func add(_ member: Int, _ range: ClosedRange<Int>, _ kind: Absence.Kind) {
            guard fits(member, range) else { return }
            taken[member].append(range)
            absences.append(
                Absence(
                    person: faculty[member].id, start: start.advanced(by: range.lowerBound),
                    end: start.advanced(by: range.upperBound), kind: kind))
        }
        func monday(onOrAfter offset: Int) -> Int {
            offset + (8 - start.advanced(by: offset).isoWeekday) % 7
        }
        let mondays = Array(stride(from: monday(onOrAfter: 0), to: days - 6, by: 7))
        let years = (days + 363) / 364
        for member in faculty.indices {
            for year in 0..<years {
                for _ in 0..<rng.integer(in: 1...2) {
                    // A week of this year (vacations scale with the program's length); the first
                    // Monday-to-Sunday from there that fits, wrapping to the program's start.
                    let guess = year * 364 + rng.below(52) * 7
                    guard guess < days, let first = mondays.firstIndex(where: { $0 >= guess }) ?? mondays.first
                    else { continue }
                    let found = (0..<mondays.count).lazy.map { mondays[(first + $0) % mondays.count] }
                        .first { fits(member, $0...($0 + 6)) }
                    if let monday = found { add(member, monday...(monday + 6), .vacation) }
                }
            }
        }
        let weeks = days / 7
        for _ in 0..<max(1, weeks / 26) {
            let wednesday = monday(onOrAfter: rng.below(weeks) * 7) + 2
            var attendees = Array(faculty.indices)
            rng.shuffle(&attendees)
            for member in attendees.prefix(max(1, faculty.count / 10)) {
                add(member, wednesday...(wednesday + 2), .conference)
            }
        }
        return absences
    }

    private static func padded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
