import Schedule
import Testing

@Suite struct GeneratorTests {
    private static let medium = ProgramGenerator(faculty: 20, residents: 40, weeks: 13, seed: 7)

    @Test func splitMix64FollowsThePublishedAlgorithm() {
        // The first output of SplitMix64 from state 0 (Steele, Lea & Flood; the widely quoted test vector).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        var seen = Set<Int>()
        for _ in 0..<1000 {
            let value = rng.below(7)
            #expect((0..<7).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 7)
        #expect(rng.below(1) == 0 && rng.below(0) == 0)
    }

    @Test func theSameSeedGivesTheSameFileAndAnotherSeedAnother() {
        let first = ScheduleEncoder.encode(Self.medium.generate())
        let again = ScheduleEncoder.encode(Self.medium.generate())
        #expect(first == again)
        var other = Self.medium
        other.seed = 8
        #expect(ScheduleEncoder.encode(other.generate()) != first)
    }

    @Test func hasTheRequestedPeopleWithResidentsSpreadOverPGYOneToThree() {
        let program = ProgramGenerator(faculty: 60, residents: 120, weeks: 2, seed: 1).generate()
        let faculty = program.people.filter { $0.role == .faculty }
        let residents = program.people.filter { $0.role == .resident }
        #expect(faculty.count == 60)
        #expect(residents.count == 120)
        for pgy in 1...3 { #expect(residents.filter { $0.pgy == pgy }.count == 40) }
        #expect(Set(program.people.map(\.id)).count == 180)
        #expect(faculty.allSatisfy { (6...10).contains($0.maxSessionsPerWeek ?? 0) })
        // A few generalists qualified for everything; exactly one dermatologist with a capability list.
        #expect((1...3).contains(faculty.filter { $0.capabilities == nil }.count))
        #expect(faculty.filter { $0.capabilities?.contains("dermatology") == true }.count == 1)
    }

    @Test func keepsEveryAssignmentAndAbsenceInsideTheRequestedWeeks() throws {
        let start = try #require(Day(iso: "2027-01-04"))
        let program = ProgramGenerator(faculty: 12, residents: 24, weeks: 9, seed: 3, start: start).generate()
        let end = start.advanced(by: 63)
        #expect(!program.assignments.isEmpty)
        #expect(program.assignments.allSatisfy { start <= $0.date && $0.date < end })
        #expect(program.absences.allSatisfy { start <= $0.start && $0.start <= $0.end && $0.end < end })
        #expect(program.assignments.first?.date == start)
    }

    @Test func neverBooksAPersonTwiceInAHalfDay() {
        let program = Self.medium.generate()
        var seen = Set<String>()
        for assignment in program.assignments {
            let key = "\(assignment.person) \(assignment.date) \(assignment.session.rawValue)"
            #expect(seen.insert(key).inserted, "\(key)")
        }
    }

    @Test func everyReferenceResolvesAndTheLoaderAcceptsTheFile() throws {
        let program = Self.medium.generate()
        let people = Set(program.people.map(\.id))
        let rotations = Set(program.rotations.map(\.id))
        #expect(program.assignments.allSatisfy { people.contains($0.person) && rotations.contains($0.rotation) })
        #expect(program.absences.allSatisfy { people.contains($0.person) })
        for person in program.people {
            #expect((person.capabilities ?? []).allSatisfy { rotations.contains($0) })
        }
        // The loader checks references, duplicates and double bookings all at once.
        let text = ScheduleEncoder.encode(program)
        _ = try ScheduleLoader.parse(bytes: Array(text.utf8), file: "generated.json")
    }

    @Test func usesEveryCategoryAndWorksWeekendsOnlyOnTheWards() {
        let program = Self.medium.generate()
        let rotations = Dictionary(uniqueKeysWithValues: program.rotations.map { ($0.id, $0) })
        let used = Set(program.assignments.compactMap { rotations[$0.rotation]?.category })
        #expect(used == Set(ActivityCategory.allCases))
        for assignment in program.assignments where assignment.date.isoWeekday >= 6 {
            #expect(rotations[assignment.rotation]?.category == .patientSafety, "\(assignment)")
        }
        let residents = Set(program.people.filter { $0.role == .resident }.map(\.id))
        let calls = program.assignments.filter(\.call)
        #expect(!calls.isEmpty)
        #expect(calls.allSatisfy { residents.contains($0.person) && $0.session == .pm && $0.rotation == "inpatient" })
    }

    @Test func placesVacationsAndConferences() {
        let program = ProgramGenerator(faculty: 20, residents: 30, weeks: 52, seed: 9).generate()
        let vacationers = Set(program.absences.filter { $0.kind == .vacation }.map(\.person))
        // One or two weeks each per year: everybody gets at least one.
        #expect(vacationers.count == 50)
        #expect(program.absences.contains { $0.kind == .conference })
        #expect(program.absences.filter { $0.kind == .vacation }.allSatisfy { $0.start.distance(to: $0.end) == 6 })
    }

    @Test func emptySizesGiveAnEmptyButValidProgram() throws {
        let program = ProgramGenerator(faculty: 0, residents: -3, weeks: 0, seed: 1).generate()
        #expect(program.people.isEmpty && program.assignments.isEmpty && program.absences.isEmpty)
        _ = try ScheduleLoader.parse(bytes: Array(ScheduleEncoder.encode(program).utf8), file: "empty.json")
    }

    @Test func growsLinearlyWithTheWeeks() {
        let quarter = ProgramGenerator(faculty: 10, residents: 20, weeks: 13, seed: 2).generate()
        let half = ProgramGenerator(faculty: 10, residents: 20, weeks: 26, seed: 2).generate()
        let ratio = Double(half.assignments.count) / Double(quarter.assignments.count)
        #expect(ratio > 1.8 && ratio < 2.2)
    }
}
