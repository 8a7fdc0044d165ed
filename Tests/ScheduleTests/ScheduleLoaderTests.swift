import Schedule
import TestSupport
import Testing

/// Loading as a whole: every problem at once, in file order, capped; files on disk; round trips.
@Suite struct ScheduleLoaderTests {
    @Test func problemsInEverySectionAreAllReportedInFileOrder() {
        var document = ScheduleDocument()
        document.header[0] = #""program": 7"#
        document.people[3] = #"{"id": "r09", "role": "residnet"}"#
        document.rotations[1] = #"{"id": "inpatient", "category": "surgery"}"#
        document.assignments[0] = #"{"person": "r99", "date": "2026-07-01", "session": "AM", "rotation": "clinic"}"#
        document.assignments[2] = #"{"person": "f02", "date": "2026-07-01", "session": "XX", "rotation": "icu"}"#
        document.absences = [#"{"person": "f02", "start": "2026-08-20", "end": "2026-08-01", "type": "vacation"}"#]
        let found = document.issues()
        #expect(
            found.map(\.path) == [
                "program", "people[3].role", "rotations[1].category", "assignments[0].person",
                "assignments[2].session", "assignments[2].rotation", "absences[0].end",
            ])
        let positions = found.compactMap(\.position)
        #expect(positions.count == found.count)
        #expect(positions == positions.sorted())
    }

    @Test func aGarbageFileReportsTheFirstTwoHundredProblemsAndCountsTheRest() throws {
        // 1000 assignments, each naming a person who does not exist: one problem each.
        var document = ScheduleDocument()
        document.assignments = (0..<1000).map { index in
            #"{"person": "ghost"# + "\(index)" + #"", "date": "2026-07-01", "session": "AM", "rotation": "clinic"}"#
        }
        let error = try #require(throws: ScheduleLoadError.self) {
            try ScheduleLoader.parse(bytes: document.bytes, file: "big.json")
        }
        #expect(error.issues.count == ScheduleLoadError.reportLimit)
        #expect(error.omittedCount == 800)
        #expect(error.issues.first?.path == "assignments[0].person")
        #expect(error.issues.last?.path == "assignments[199].person")
        #expect(error.lines.count == 201)
        #expect(error.lines.last == "… and 800 more problems")
    }

    @Test func theErrorPrintsOneCompilerStyleLinePerProblem() throws {
        var document = ScheduleDocument()
        document.assignments.append(#"{"person": "r99", "date": "2026-07-02", "session": "AM", "rotation": "clinic"}"#)
        let error = try #require(throws: ScheduleLoadError.self) {
            try ScheduleLoader.parse(bytes: document.bytes, file: "etc/demo/program.json")
        }
        let position = try #require(document.position(of: #""r99""#))
        #expect(
            error.description
                == "etc/demo/program.json:\(position.line):\(position.column): assignments[3].person: "
                + #"unknown person "r99" (did you mean "r09"?)"#)
    }

    @Test func aFileOnDiskLoads() throws {
        let directory = TestDirectory()
        let path = try directory.write("program.json", ScheduleDocument().text)
        #expect(try ScheduleLoader.load(path: path) == ScheduleDocument.expectedProgram)
    }

    @Test func aMissingFileIsOneProblemNamingTheFile() throws {
        let directory = TestDirectory()
        let path = directory.file("missing.json")
        let error = try #require(throws: ScheduleLoadError.self) { try ScheduleLoader.load(path: path) }
        #expect(
            error.issues == [
                ScheduleIssue(path: "", position: nil, message: "cannot open the file: No such file or directory")
            ])
        #expect(error.description == "\(path): cannot open the file: No such file or directory")
    }

    @Test func aDirectoryIsNotASchedule() throws {
        let directory = TestDirectory()
        let error = try #require(throws: ScheduleLoadError.self) { try ScheduleLoader.load(path: directory.path) }
        #expect(error.issues.map(\.message) == ["cannot read the file: Is a directory"])
    }

    @Test func aSyntaxErrorIsReportedAsFileLineColumnMessage() throws {
        let error = try #require(throws: ScheduleLoadError.self) {
            try ScheduleLoader.parse(bytes: Array("{\n  \"program\": \"P\",\n}".utf8), file: "bad.json")
        }
        #expect(error.description == #"bad.json:3:1: trailing comma before "}"; remove the last ",""#)
    }
}
