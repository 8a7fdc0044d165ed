import Schedule
import Testing

/// `people[]`: ids, roles, and the fields only one role may have.
@Suite struct PeopleValidationTests {
    @Test func aDuplicatePersonIdPointsToTheFirst() {
        var document = ScheduleDocument()
        document.people.append(#"{"id": "r01", "role": "resident"}"#)
        // The first r01 is people[2], on line 7: line 1 "{", 2-3 the header, 4 "people": [, 5-8 people.
        document.expectOnlyIssue(
            path: "people[4].id", message: #"duplicate person id "r01" (first defined at people[2], line 7)"#,
            at: #""r01""#, occurrence: 2)
    }

    @Test func aPersonWithoutAnIdIsReported() {
        var document = ScheduleDocument()
        document.people.append(#"{"name": "Nobody", "role": "faculty"}"#)
        document.expectOnlyIssue(path: "people[4]", message: #"missing required field "id""#, at: #"{"name": "Nobody""#)
    }

    @Test func anEmptyIdIsRefused() {
        var document = ScheduleDocument()
        document.people.append(#"{"id": "", "role": "faculty"}"#)
        document.expectOnlyIssue(path: "people[4].id", message: "must not be empty", at: #""""#)
    }

    @Test func aPersonWithoutARoleIsReported() {
        var document = ScheduleDocument()
        document.people.append(#"{"id": "x1"}"#)
        document.expectOnlyIssue(path: "people[4]", message: #"missing required field "role""#, at: #"{"id": "x1"}"#)
    }

    @Test func aMisspeltRoleIsRefusedWithASuggestion() {
        var document = ScheduleDocument()
        document.people[3] = #"{"id": "r09", "role": "residnet"}"#
        document.expectOnlyIssue(
            path: "people[3].role",
            message: #"must be "faculty" or "resident", not "residnet" (did you mean "resident"?)"#,
            at: #""residnet""#)
    }

    @Test func aRoleOutsideTheTwoIsRefused() {
        var document = ScheduleDocument()
        document.people[3] = #"{"id": "r09", "role": "attending physician"}"#
        document.expectOnlyIssue(
            path: "people[3].role", message: #"must be "faculty" or "resident", not "attending physician""#,
            at: #""attending"#)
    }

    @Test(arguments: [("0", "0"), ("11", "11"), ("2.5", "2.5"), (#""2""#, #""2""#), ("true", "true")])
    func aPGYOutsideOneToTenIsRefused(written: String, shown: String) {
        var document = ScheduleDocument()
        document.people[3] = #"{"id": "r09", "role": "resident", "pgy": "# + written + "}"
        document.expectOnlyIssue(
            path: "people[3].pgy", message: "must be a whole number from 1 to 10, not \(shown)", at: written + "}")
    }

    @Test func pgyBoundsOneAndTenAreAccepted() throws {
        var document = ScheduleDocument()
        document.people[2] = #"{"id": "r01", "role": "resident", "pgy": 10}"#
        document.people[3] = #"{"id": "r09", "role": "resident", "pgy": 1.0}"#
        let program = try ScheduleLoader.parse(bytes: document.bytes, file: "test.json")
        #expect(program.people.map(\.pgy) == [nil, nil, 10, 1])
    }

    @Test func facultyWithAPGYIsRefused() {
        var document = ScheduleDocument()
        document.people[1] = #"{"id": "f02", "role": "faculty", "pgy": 3}"#
        document.expectOnlyIssue(
            path: "people[1].pgy", message: #"only residents have a pgy, and "f02" is faculty"#, at: "3}")
    }

    @Test func aResidentWithCapabilitiesIsRefused() {
        var document = ScheduleDocument()
        document.people[2] = #"{"id": "r01", "role": "resident", "capabilities": ["clinic"]}"#
        document.expectOnlyIssue(
            path: "people[2].capabilities", message: #"only faculty have capabilities, and "r01" is a resident"#,
            at: #"["clinic"]"#)
    }

    @Test func aResidentWithAWeeklyCapIsRefused() {
        var document = ScheduleDocument()
        document.people[2] = #"{"id": "r01", "role": "resident", "max_sessions_per_week": 4}"#
        document.expectOnlyIssue(
            path: "people[2].max_sessions_per_week",
            message: #"only faculty have a weekly session cap, and "r01" is a resident"#, at: "4}")
    }

    @Test func aCapabilityNamingNoRotationIsRefusedWithASuggestion() {
        var document = ScheduleDocument()
        document.people[1] = #"{"id": "f02", "role": "faculty", "capabilities": ["inpatient", "clinc"]}"#
        document.expectOnlyIssue(
            path: "people[1].capabilities[1]", message: #"unknown rotation "clinc" (did you mean "clinic"?)"#,
            at: #""clinc""#)
    }

    @Test func capabilitiesThatAreNotAListAreRefused() {
        var document = ScheduleDocument()
        document.people[1] = #"{"id": "f02", "role": "faculty", "capabilities": "clinic"}"#
        document.expectOnlyIssue(
            path: "people[1].capabilities", message: #"must be a list ([…]), not "clinic""#, at: #""clinic"}"#)
    }

    @Test func aCapabilityThatIsNotAStringIsRefused() {
        var document = ScheduleDocument()
        document.people[1] = #"{"id": "f02", "role": "faculty", "capabilities": [7]}"#
        document.expectOnlyIssue(path: "people[1].capabilities[0]", message: "must be a string, not 7", at: "7]")
    }

    @Test func emptyCapabilitiesMeanQualifiedForNothingAndAbsentForEverything() throws {
        var document = ScheduleDocument()
        document.people[1] = #"{"id": "f02", "role": "faculty", "capabilities": []}"#
        let program = try ScheduleLoader.parse(bytes: document.bytes, file: "test.json")
        #expect(program.people[1].capabilities == [])
        #expect(!program.people[1].isQualified(for: "clinic"))
        #expect(program.people[3].capabilities == nil)
    }

    @Test(arguments: ["15", "-1", "8.5", "null"])
    func aWeeklyCapOutsideZeroToFourteenIsRefused(written: String) {
        var document = ScheduleDocument()
        document.people[1] = #"{"id": "f02", "role": "faculty", "max_sessions_per_week": "# + written + "}"
        document.expectOnlyIssue(
            path: "people[1].max_sessions_per_week", message: "must be a whole number from 0 to 14, not \(written)",
            at: written + "}")
    }

    @Test func weeklyCapBoundsZeroAndFourteenAreAccepted() throws {
        var document = ScheduleDocument()
        document.people[1] = #"{"id": "f02", "role": "faculty", "max_sessions_per_week": 0}"#
        document.people[0] = #"{"id": "f01", "role": "faculty", "max_sessions_per_week": 14}"#
        let program = try ScheduleLoader.parse(bytes: document.bytes, file: "test.json")
        #expect(program.people.map(\.maxSessionsPerWeek) == [14, 0, nil, nil])
    }

    @Test func aNameDefaultsToTheId() throws {
        var document = ScheduleDocument()
        document.people[1] = #"{"id": "f02", "role": "faculty"}"#
        let program = try ScheduleLoader.parse(bytes: document.bytes, file: "test.json")
        #expect(program.people[1].name == "f02")
    }

    @Test func aMisspeltPersonKeyIsAnErrorWithASuggestion() {
        var document = ScheduleDocument()
        document.people[1] = #"{"id": "f02", "role": "faculty", "max_session_per_week": 5}"#
        document.expectOnlyIssue(
            path: "people[1].max_session_per_week",
            message: #"unknown field "max_session_per_week" (did you mean "max_sessions_per_week"?)"#,
            at: #""max_session_per_week""#)
    }

    @Test func anUnrelatedPersonKeyListsTheKnownOnes() {
        var document = ScheduleDocument()
        document.people[1] = #"{"id": "f02", "role": "faculty", "email": "x@y"}"#
        document.expectOnlyIssue(
            path: "people[1].email",
            message: #"unknown field "email"; a person has id, name, role, pgy, capabilities, max_sessions_per_week"#,
            at: #""email""#)
    }
}
