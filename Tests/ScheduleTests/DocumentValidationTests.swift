import Schedule
import Testing

/// The document's top level: its shape, required and unknown keys.
@Suite struct DocumentValidationTests {
    @Test func theUnchangedFixtureLoadsAsTheProgramItDescribes() throws {
        let program = try ScheduleLoader.parse(bytes: ScheduleDocument().bytes, file: "test.json")
        #expect(program == ScheduleDocument.expectedProgram)
    }

    @Test func aDocumentThatIsNotAnObjectIsRefusedAtItsStart() throws {
        let error = try #require(throws: ScheduleLoadError.self) {
            try ScheduleLoader.parse(bytes: Array("\n  [1, 2]".utf8), file: "list.json")
        }
        let issue = try #require(error.issues.first)
        #expect(error.issues.count == 1)
        #expect(issue.path == "")
        #expect(issue.position == JSONPosition(line: 2, column: 3))
        #expect(
            issue.message
                == #"a schedule file holds one JSON object ({"program": …, "people": […], …}), not a list"#)
        #expect(error.description == "list.json:2:3: \(issue.message)")
    }

    @Test func aMissingProgramNameIsReportedAtTheDocumentsBrace() {
        var document = ScheduleDocument()
        document.header = []
        document.expectOnlyIssue(path: "", message: #"missing required field "program""#, at: "{")
    }

    @Test func everyMissingSectionIsReported() {
        let found = issuesOf(#"{"program": "P"}"#)
        #expect(
            found.map(\.message) == [
                #"missing required field "people""#, #"missing required field "rotations""#,
                #"missing required field "assignments""#,
            ])
        #expect(found.allSatisfy { $0.position == JSONPosition(line: 1, column: 1) && $0.path.isEmpty })
    }

    @Test func absencesMayBeLeftOut() throws {
        var document = ScheduleDocument()
        document.absences = nil
        let program = try ScheduleLoader.parse(bytes: document.bytes, file: "test.json")
        #expect(program.absences.isEmpty)
        #expect(program.assignments == ScheduleDocument.expectedProgram.assignments)
    }

    @Test func timezoneMayBeLeftOutAndEmptySectionsAreAllowed() throws {
        let program = try ScheduleLoader.parse(
            bytes: Array(#"{"program": "P", "people": [], "rotations": [], "assignments": [], "absences": []}"#.utf8),
            file: "empty.json")
        #expect(program == Program(name: "P", people: [], rotations: [], assignments: []))
    }

    @Test func aProgramNameThatIsNotAStringIsRefused() {
        var document = ScheduleDocument()
        document.header[0] = #""program": 5"#
        document.expectOnlyIssue(path: "program", message: "must be a string, not 5", at: "5")
    }

    @Test func anEmptyProgramNameIsRefused() {
        var document = ScheduleDocument()
        document.header[0] = #""program": """#
        document.expectOnlyIssue(path: "program", message: "must not be empty", at: #""""#)
    }

    @Test func aTimezoneThatIsNotAStringIsRefused() {
        var document = ScheduleDocument()
        document.header[1] = #""timezone": ["UTC"]"#
        document.expectOnlyIssue(path: "timezone", message: "must be a string, not a list", at: #"["UTC"]"#)
    }

    @Test func aMisspeltTopLevelKeyIsAnErrorWithASuggestion() {
        var document = ScheduleDocument()
        document.header.append(#""absenses": []"#)
        document.expectOnlyIssue(
            path: "absenses", message: #"unknown field "absenses" (did you mean "absences"?)"#, at: #""absenses""#)
    }

    @Test func anUnrelatedUnknownKeyListsTheKnownOnes() {
        var document = ScheduleDocument()
        document.header.append(#""version": 2"#)
        document.expectOnlyIssue(
            path: "version",
            message: #"unknown field "version"; the schedule has $schema, program, timezone, people, rotations, "#
                + "assignments, absences",
            at: #""version""#)
    }

    @Test func aSchemaReferenceIsAccepted() throws {
        var document = ScheduleDocument()
        document.header.insert(#""$schema": "../etc/schema/schedule.schema.json""#, at: 0)
        let program = try ScheduleLoader.parse(bytes: document.bytes, file: "test.json")
        #expect(program == ScheduleDocument.expectedProgram)
    }

    @Test func aSectionThatIsNotAListIsRefused() {
        let json = #"{"program": "P", "people": {}, "rotations": [], "assignments": []}"#
        let found = issuesOf(json)
        let position = ScheduleDocument.position(of: "{}", in: json)
        #expect(
            found == [ScheduleIssue(path: "people", position: position, message: "must be a list ([…]), not an object")]
        )
    }

    @Test func anElementThatIsNotAnObjectIsRefused() {
        var document = ScheduleDocument()
        document.people.append("null")
        document.expectOnlyIssue(path: "people[4]", message: "must be a person ({…}), not null", at: "null")
    }
}

/// The problems found in `json` (which must be refused).
func issuesOf(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> [ScheduleIssue] {
    do {
        _ = try ScheduleLoader.parse(bytes: Array(json.utf8), file: "test.json")
        Issue.record("expected problems", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.issues
    }
}
