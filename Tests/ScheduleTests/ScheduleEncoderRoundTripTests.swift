import Schedule
import Testing

/// What `ScheduleEncoder` writes, `ScheduleLoader` reads back as the same program.
@Suite struct ScheduleEncoderRoundTripTests {
    @Test func whatTheEncoderWritesLoadsBackUnchanged() throws {
        var program = ScheduleDocument.expectedProgram
        program.people[0].name = #"Dr "Ada" Lovelace-Núñez \ 😀"#
        program.rotations[1].hoursPerSession = 12.5
        program.absences.append(
            Absence(person: "r01", start: day("2026-12-24"), end: day("2027-01-02"), kind: .familyEmergency))
        let text = ScheduleEncoder.encode(program)
        #expect(try ScheduleLoader.parse(bytes: Array(text.utf8), file: "encoded.json") == program)
    }
}
