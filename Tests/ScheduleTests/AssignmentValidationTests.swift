import Schedule
import Testing

/// `assignments[]`: references, dates, sessions, the call flag and double bookings.
@Suite struct AssignmentValidationTests {
    @Test func anUnknownPersonIsRefusedWithTheClosestId() {
        var document = ScheduleDocument()
        document.assignments.append(#"{"person": "r99", "date": "2026-07-02", "session": "AM", "rotation": "clinic"}"#)
        document.expectOnlyIssue(
            path: "assignments[3].person", message: #"unknown person "r99" (did you mean "r09"?)"#, at: #""r99""#)
    }

    @Test func anUnknownPersonFarFromEveryIdGetsNoSuggestion() {
        var document = ScheduleDocument()
        document.assignments.append(
            #"{"person": "zachary", "date": "2026-07-02", "session": "AM", "rotation": "clinic"}"#)
        document.expectOnlyIssue(
            path: "assignments[3].person", message: #"unknown person "zachary""#, at: #""zachary""#)
    }

    @Test func anUnknownRotationIsRefusedWithTheClosestId() {
        var document = ScheduleDocument()
        document.assignments.append(
            #"{"person": "r01", "date": "2026-07-02", "session": "AM", "rotation": "inpateint"}"#)
        document.expectOnlyIssue(
            path: "assignments[3].rotation", message: #"unknown rotation "inpateint" (did you mean "inpatient"?)"#,
            at: #""inpateint""#)
    }

    @Test func aDayThatDoesNotExistIsRefused() {
        var document = ScheduleDocument()
        document.assignments.append(#"{"person": "r01", "date": "2026-02-30", "session": "AM", "rotation": "clinic"}"#)
        document.expectOnlyIssue(
            path: "assignments[3].date", message: #""2026-02-30" is not a day of the calendar"#, at: #""2026-02-30""#)
    }

    @Test(arguments: ["7/1/2026", "2026-7-1", "2026-07-01T08:00", ""])
    func aDateNotWrittenYYYYMMDDIsRefused(written: String) {
        var document = ScheduleDocument()
        document.assignments.append(
            #"{"person": "r01", "date": ""# + written + #"", "session": "PM", "rotation": "clinic"}"#)
        document.expectOnlyIssue(
            path: "assignments[3].date", message: "\"\(written)\" is not a date; write it as YYYY-MM-DD",
            at: "\"\(written)\", \"session\": \"PM\"")
    }

    @Test func aDateThatIsNotAStringIsRefused() {
        var document = ScheduleDocument()
        document.assignments.append(#"{"person": "r01", "date": 20260702, "session": "AM", "rotation": "clinic"}"#)
        document.expectOnlyIssue(
            path: "assignments[3].date", message: "must be a string, not 20260702", at: "20260702")
    }

    @Test(arguments: ["am", "Morning", "NIGHT"])
    func aSessionOtherThanAMOrPMIsRefused(written: String) {
        var document = ScheduleDocument()
        document.assignments.append(
            #"{"person": "r01", "date": "2026-07-02", "session": ""# + written + #"", "rotation": "clinic"}"#)
        document.expectOnlyIssue(
            path: "assignments[3].session", message: "must be \"AM\" or \"PM\", not \"\(written)\"",
            at: "\"\(written)\"")
    }

    @Test func aCallFlagThatIsNotABooleanIsRefused() {
        var document = ScheduleDocument()
        document.assignments.append(
            #"{"person": "r01", "date": "2026-07-02", "session": "AM", "rotation": "clinic", "call": 1}"#)
        document.expectOnlyIssue(
            path: "assignments[3].call", message: "must be true or false, not 1", at: #""call": 1"#, skipping: 8)
    }

    @Test func aPersonBookedTwiceInOneHalfDayIsReportedOnTheSecondNamingTheFirst() {
        var document = ScheduleDocument()
        document.assignments.append(
            #"{"person": "r01", "date": "2026-07-01", "session": "AM", "rotation": "inpatient"}"#)
        document.expectOnlyIssue(
            path: "assignments[3]", message: "r01 is already assigned on 2026-07-01 AM (assignments[0])",
            at: #"{"person": "r01", "date": "2026-07-01", "session": "AM", "rotation": "inpatient"}"#)
    }

    @Test func everyLaterBookingOfTheSameHalfDayNamesTheFirst() {
        var document = ScheduleDocument()
        let repeated = #"{"person": "f01", "date": "2026-07-01", "session": "AM", "rotation": "inpatient"}"#
        document.assignments += [repeated, repeated]
        let found = document.issues()
        #expect(found.map(\.path) == ["assignments[3]", "assignments[4]"])
        #expect(found.allSatisfy { $0.message == "f01 is already assigned on 2026-07-01 AM (assignments[1])" })
    }

    @Test func theSamePersonInBothHalvesOfADayOrOnTwoDaysIsFine() throws {
        var document = ScheduleDocument()
        document.assignments += [
            #"{"person": "r01", "date": "2026-07-01", "session": "PM", "rotation": "clinic"}"#,
            #"{"person": "r01", "date": "2026-07-02", "session": "AM", "rotation": "clinic"}"#,
        ]
        let program = try ScheduleLoader.parse(bytes: document.bytes, file: "test.json")
        #expect(program.assignments.count == 5)
    }

    @Test func anAssignmentMissingEverythingReportsEachRequiredField() {
        var document = ScheduleDocument()
        document.assignments.append("{}")
        let found = document.issues()
        #expect(
            found.map(\.message)
                == ["person", "date", "session", "rotation"].map { "missing required field \"\($0)\"" })
        #expect(found.allSatisfy { $0.path == "assignments[3]" && $0.position == document.position(of: "{}") })
    }

    @Test func aMisspeltAssignmentKeyIsAnErrorWithASuggestion() {
        var document = ScheduleDocument()
        document.assignments[2] =
            #"{"person": "f02", "date": "2026-07-01", "session": "PM", "rotation": "inpatient", "cal": true}"#
        document.expectOnlyIssue(
            path: "assignments[2].cal", message: #"unknown field "cal" (did you mean "call"?)"#, at: #""cal""#)
    }
}
