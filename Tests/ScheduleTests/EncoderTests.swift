import Schedule
import Testing

@Suite struct EncoderTests {
    private static func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

    /// A program small enough to write out by hand: one faculty member with a capability list and a
    /// cap, one PGY-2 resident, one rotation with a fractional session length, a call, no absences.
    private static let tiny = Program(
        name: #"Tiny "clinic""#,
        people: [
            Person(id: "f1", name: "Dr. A", role: .faculty, capabilities: ["clinic"], maxSessionsPerWeek: 8),
            Person(id: "r1", name: "B", role: .resident, pgy: 2),
        ],
        rotations: [
            Rotation(
                id: "clinic", name: "Clinic", category: .continuityOfCare, minFaculty: 1, supervision: true,
                hoursPerSession: 4.5)
        ],
        assignments: [
            Assignment(person: "f1", date: day("2026-07-01"), session: .am, rotation: "clinic"),
            Assignment(person: "r1", date: day("2026-07-01"), session: .pm, rotation: "clinic", call: true),
        ])

    @Test func writesOneElementPerLineWithOptionalKeysOnlyWhenSet() {
        // No timezone key (nil), no pgy for faculty, no capabilities or cap for the resident, `call`
        // only on the assignment where it is true, an empty absences array on one line.
        let expected = #"""
            {
              "program": "Tiny \"clinic\"",
              "people": [
                {"id": "f1", "name": "Dr. A", "role": "faculty", "capabilities": ["clinic"], "max_sessions_per_week": 8},
                {"id": "r1", "name": "B", "role": "resident", "pgy": 2}
              ],
              "rotations": [
                {"id": "clinic", "name": "Clinic", "category": "continuity_of_care", "min_faculty": 1, "supervision": true, "hours_per_session": 4.5}
              ],
              "assignments": [
                {"person": "f1", "date": "2026-07-01", "session": "AM", "rotation": "clinic"},
                {"person": "r1", "date": "2026-07-01", "session": "PM", "rotation": "clinic", "call": true}
              ],
              "absences": []
            }

            """#
        #expect(ScheduleEncoder.encode(Self.tiny) == expected)
    }

    @Test func escapesQuotesBackslashesAndControlCharactersAndKeepsUnicode() throws {
        var program = Self.tiny
        program.timezone = "America/Chicago"
        program.people[1].name = "Zoë \"Z\" O'Neil\\\n\t\u{01}\u{1F}😀"
        let text = ScheduleEncoder.encode(program)
        #expect(text.contains(#""name": "Zoë \"Z\" O'Neil\\\n\t\u0001\u001f😀""#))
        #expect(text.contains(#""timezone": "America/Chicago""#))
        let loaded = try ScheduleLoader.parse(bytes: Array(text.utf8), file: "escaped.json")
        #expect(loaded.people[1].name == program.people[1].name)
    }

    @Test func writesNumbersThatReadBackExactly() throws {
        var program = Self.tiny
        for (hours, written) in [(5.0, "5"), (4.5, "4.5"), (0.1, "0.1"), (12.25, "12.25"), (1e-5, "1e-05")] {
            program.rotations[0].hoursPerSession = hours
            let text = ScheduleEncoder.encode(program)
            #expect(text.contains(#""hours_per_session": \#(written)}"#), "\(hours)")
            let loaded = try ScheduleLoader.parse(bytes: Array(text.utf8), file: "numbers.json")
            #expect(loaded.rotations[0].hoursPerSession == hours)
        }
    }

    @Test func roundTripsAGeneratedProgramThroughTheLoader() throws {
        let program = ProgramGenerator(faculty: 8, residents: 12, weeks: 5, seed: 11).generate()
        let loaded = try ScheduleLoader.parse(
            bytes: Array(ScheduleEncoder.encode(program).utf8), file: "generated.json")
        #expect(loaded == program)
    }

    @Test func writesTheSameTextForTheSameProgram() {
        let program = ProgramGenerator(faculty: 4, residents: 6, weeks: 2, seed: 5).generate()
        #expect(ScheduleEncoder.encode(program) == ScheduleEncoder.encode(program))
        let lines = ScheduleEncoder.encode(program).split(separator: "\n")
        // Every assignment on its own line: the file has at least that many lines.
        #expect(lines.count >= program.assignments.count + program.people.count + program.rotations.count)
    }
}
