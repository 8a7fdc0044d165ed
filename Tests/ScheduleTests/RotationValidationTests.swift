import Schedule
import Testing

/// `rotations[]`: ids, categories and staffing numbers.
@Suite struct RotationValidationTests {
    @Test func aDuplicateRotationIdPointsToTheFirst() {
        var document = ScheduleDocument()
        document.rotations.append(#"{"id": "clinic", "category": "research"}"#)
        // Line 10 opens "rotations": [ (after "{", two header lines, "people": [, four people, "],"),
        // so the first clinic is on line 11.
        document.expectOnlyIssue(
            path: "rotations[2].id",
            message: #"duplicate rotation id "clinic" (first defined at rotations[0], line 11)"#,
            at: #""clinic", "category": "research""#)
    }

    @Test func aRotationWithoutACategoryIsReported() {
        var document = ScheduleDocument()
        document.rotations.append(#"{"id": "research"}"#)
        document.expectOnlyIssue(
            path: "rotations[2]", message: #"missing required field "category""#, at: #"{"id": "research"}"#)
    }

    @Test func aMisspeltCategoryIsRefusedWithASuggestion() {
        var document = ScheduleDocument()
        document.rotations[1] = #"{"id": "inpatient", "category": "patient_saftey"}"#
        document.expectOnlyIssue(
            path: "rotations[1].category",
            message: #"unknown category "patient_saftey" (did you mean "patient_safety"?)"#,
            at: #""patient_saftey""#)
    }

    @Test func anUnknownCategoryListsTheSeven() {
        var document = ScheduleDocument()
        document.rotations[1] = #"{"id": "inpatient", "category": "surgery"}"#
        document.expectOnlyIssue(
            path: "rotations[1].category",
            message: #"unknown category "surgery"; use one of patient_safety, acgme_requirements, "#
                + "continuity_of_care, education_core, research, administration, education_optional",
            at: #""surgery""#)
    }

    @Test(arguments: ["-1", "1.5", #""2""#])
    func aMinimumFacultyThatIsNotAWholeNumberOfZeroOrMoreIsRefused(written: String) {
        var document = ScheduleDocument()
        document.rotations[1] = #"{"id": "inpatient", "category": "patient_safety", "min_faculty": "# + written + "}"
        document.expectOnlyIssue(
            path: "rotations[1].min_faculty", message: "must be a whole number (0 or more), not \(written)",
            at: written + "}")
    }

    @Test func supervisionThatIsNotABooleanIsRefused() {
        var document = ScheduleDocument()
        document.rotations[1] = #"{"id": "inpatient", "category": "patient_safety", "supervision": "yes"}"#
        document.expectOnlyIssue(
            path: "rotations[1].supervision", message: #"must be true or false, not "yes""#, at: #""yes""#)
    }

    @Test(arguments: ["0", "-2", "24.5", #""6""#])
    func hoursPerSessionOutsideZeroToTwentyFourAreRefused(written: String) {
        var document = ScheduleDocument()
        document.rotations[1] =
            #"{"id": "inpatient", "category": "patient_safety", "hours_per_session": "# + written + "}"
        document.expectOnlyIssue(
            path: "rotations[1].hours_per_session",
            message: "must be a number of hours above 0 and at most 24, not \(written)", at: written + "}")
    }

    @Test func hoursPerSessionJustAboveZeroAndExactlyTwentyFourAreAccepted() throws {
        var document = ScheduleDocument()
        document.rotations[0] = #"{"id": "clinic", "category": "education_core", "hours_per_session": 0.25}"#
        document.rotations[1] = #"{"id": "inpatient", "category": "patient_safety", "hours_per_session": 24}"#
        let program = try ScheduleLoader.parse(bytes: document.bytes, file: "test.json")
        #expect(program.rotations.map(\.hoursPerSession) == [0.25, 24])
    }

    @Test func optionalRotationFieldsTakeTheirDocumentedDefaults() throws {
        let program = try ScheduleLoader.parse(bytes: ScheduleDocument().bytes, file: "test.json")
        let inpatient = try #require(program.rotations.last)
        #expect(inpatient.minFaculty == 0)
        #expect(inpatient.supervision == false)
        #expect(inpatient.hoursPerSession == 6)
    }

    @Test func aMisspeltRotationKeyIsAnErrorWithASuggestion() {
        var document = ScheduleDocument()
        document.rotations[1] = #"{"id": "inpatient", "category": "patient_safety", "min_facutly": 1}"#
        document.expectOnlyIssue(
            path: "rotations[1].min_facutly", message: #"unknown field "min_facutly" (did you mean "min_faculty"?)"#,
            at: #""min_facutly""#)
    }
}
