import Schedule
import Testing

/// `absences[]`: who, from when to when, and why.
@Suite struct AbsenceValidationTests {
    @Test func anAbsenceOfAnUnknownPersonIsRefused() {
        var document = ScheduleDocument()
        document.absences = [#"{"person": "f03", "start": "2026-08-01", "end": "2026-08-20", "type": "deployment"}"#]
        document.expectOnlyIssue(
            path: "absences[0].person", message: #"unknown person "f03" (did you mean "f01"?)"#, at: #""f03""#)
    }

    @Test func anAbsenceEndingBeforeItStartsIsRefusedAtItsEnd() {
        var document = ScheduleDocument()
        document.absences = [#"{"person": "f02", "start": "2026-08-20", "end": "2026-08-01", "type": "vacation"}"#]
        document.expectOnlyIssue(
            path: "absences[0].end", message: "the absence ends (2026-08-01) before it starts (2026-08-20)",
            at: #""2026-08-01""#)
    }

    @Test func aOneDayAbsenceEndsTheDayItStarts() throws {
        var document = ScheduleDocument()
        document.absences = [#"{"person": "f02", "start": "2026-08-20", "end": "2026-08-20", "type": "sick"}"#]
        let program = try ScheduleLoader.parse(bytes: document.bytes, file: "test.json")
        #expect(
            program.absences == [Absence(person: "f02", start: day("2026-08-20"), end: day("2026-08-20"), kind: .sick)])
    }

    @Test func badStartAndEndDatesAreBothReported() {
        var document = ScheduleDocument()
        document.absences = [#"{"person": "f02", "start": "2026-13-01", "end": "soon", "type": "vacation"}"#]
        let found = document.issues()
        #expect(
            found == [
                ScheduleIssue(
                    path: "absences[0].start", position: document.position(of: #""2026-13-01""#),
                    message: #""2026-13-01" is not a day of the calendar"#),
                ScheduleIssue(
                    path: "absences[0].end", position: document.position(of: #""soon""#),
                    message: #""soon" is not a date; write it as YYYY-MM-DD"#),
            ])
    }

    @Test func aMisspeltAbsenceTypeIsRefusedWithASuggestion() {
        var document = ScheduleDocument()
        document.absences = [#"{"person": "f02", "start": "2026-08-01", "end": "2026-08-02", "type": "vaction"}"#]
        document.expectOnlyIssue(
            path: "absences[0].type", message: #"unknown absence type "vaction" (did you mean "vacation"?)"#,
            at: #""vaction""#)
    }

    @Test func anUnknownAbsenceTypeListsTheKnownOnes() {
        var document = ScheduleDocument()
        document.absences = [#"{"person": "f02", "start": "2026-08-01", "end": "2026-08-02", "type": "holiday"}"#]
        let known = Absence.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        document.expectOnlyIssue(
            path: "absences[0].type", message: #"unknown absence type "holiday"; use one of "# + known,
            at: #""holiday""#)
    }

    @Test func everyAbsenceTypeOfTheContractIsAccepted() throws {
        // DESIGN.md §3 lists these thirteen.
        let types = [
            "vacation", "deployment", "tdy", "medical", "family_emergency", "conference", "bereavement",
            "emergency_leave", "sick", "convalescent", "maternity_paternity", "training", "military_duty",
        ]
        var document = ScheduleDocument()
        document.absences = types.enumerated().map { index, type in
            let date = day("2026-09-01").advanced(by: index)
            return #"{"person": "r09", "start": ""# + "\(date)" + #"", "end": ""# + "\(date)" + #"", "type": ""#
                + type + #""}"#
        }
        let program = try ScheduleLoader.parse(bytes: document.bytes, file: "test.json")
        #expect(program.absences.map(\.kind.rawValue) == types)
    }

    @Test func anAbsenceWithoutATypeIsReported() {
        var document = ScheduleDocument()
        document.absences = [#"{"person": "f02", "start": "2026-08-01", "end": "2026-08-02"}"#]
        document.expectOnlyIssue(
            path: "absences[0]", message: #"missing required field "type""#, at: #"{"person": "f02", "start""#)
    }
}
