import Schedule
import Testing

/// A small valid schedule written one object per line, which each test changes in one place.
///
/// Positions in expectations are found with `position(of:)`, a plain text scan independent of the
/// parser, so a test states *which text* an issue must point at rather than hard-coded numbers.
struct ScheduleDocument {
    var header = [#""program": "Test Program""#, #""timezone": "America/Chicago""#]
    var people = [
        #"{"id": "f01", "name": "Ada Faculty", "role": "faculty", "capabilities": ["clinic", "inpatient"], "#
            + #""max_sessions_per_week": 8}"#,
        #"{"id": "f02", "name": "Ben Faculty", "role": "faculty"}"#,
        #"{"id": "r01", "name": "Cy Resident", "role": "resident", "pgy": 1}"#,
        #"{"id": "r09", "name": "Di Resident", "role": "resident", "pgy": 2}"#,
    ]
    var rotations = [
        #"{"id": "clinic", "name": "Continuity clinic", "category": "continuity_of_care", "min_faculty": 1, "#
            + #""supervision": true, "hours_per_session": 5}"#,
        #"{"id": "inpatient", "name": "Inpatient", "category": "patient_safety"}"#,
    ]
    var assignments = [
        #"{"person": "r01", "date": "2026-07-01", "session": "AM", "rotation": "clinic"}"#,
        #"{"person": "f01", "date": "2026-07-01", "session": "AM", "rotation": "clinic", "call": false}"#,
        #"{"person": "f02", "date": "2026-07-01", "session": "PM", "rotation": "inpatient", "call": true}"#,
    ]
    var absences: [String]? = [
        #"{"person": "f02", "start": "2026-08-01", "end": "2026-08-20", "type": "deployment"}"#
    ]

    /// The program this document describes when left unchanged (built by hand from the lines above).
    static let expectedProgram = Program(
        name: "Test Program", timezone: "America/Chicago",
        people: [
            Person(
                id: "f01", name: "Ada Faculty", role: .faculty, capabilities: ["clinic", "inpatient"],
                maxSessionsPerWeek: 8),
            Person(id: "f02", name: "Ben Faculty", role: .faculty),
            Person(id: "r01", name: "Cy Resident", role: .resident, pgy: 1),
            Person(id: "r09", name: "Di Resident", role: .resident, pgy: 2),
        ],
        rotations: [
            Rotation(
                id: "clinic", name: "Continuity clinic", category: .continuityOfCare, minFaculty: 1, supervision: true,
                hoursPerSession: 5),
            Rotation(id: "inpatient", name: "Inpatient", category: .patientSafety),
        ],
        assignments: [
            Assignment(person: "r01", date: day("2026-07-01"), session: .am, rotation: "clinic"),
            Assignment(person: "f01", date: day("2026-07-01"), session: .am, rotation: "clinic"),
            Assignment(person: "f02", date: day("2026-07-01"), session: .pm, rotation: "inpatient", call: true),
        ],
        absences: [Absence(person: "f02", start: day("2026-08-01"), end: day("2026-08-20"), kind: .deployment)]
    )

    var text: String {
        var lines = ["{"]
        lines += header.map { "  \($0)," }
        lines += section("people", people, last: false)
        lines += section("rotations", rotations, last: false)
        lines += section("assignments", assignments, last: absences == nil)
        if let absences { lines += section("absences", absences, last: true) }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    var bytes: [UInt8] { Array(text.utf8) }

    private func section(_ name: String, _ elements: [String], last: Bool) -> [String] {
        guard !elements.isEmpty else { return ["  \"\(name)\": []" + (last ? "" : ",")] }
        var lines = ["  \"\(name)\": ["]
        for (index, element) in elements.enumerated() {
            lines.append("    " + element + (index == elements.count - 1 ? "" : ","))
        }
        lines.append("  ]" + (last ? "" : ","))
        return lines
    }

    /// Loads the document, expecting it to be refused; the problems found.
    func issues(sourceLocation: SourceLocation = #_sourceLocation) -> [ScheduleIssue] {
        do {
            let program = try ScheduleLoader.parse(bytes: bytes, file: "test.json")
            Issue.record(
                "expected problems, loaded \(program.assignments.count) assignments", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.issues
        }
    }

    /// Expects exactly one problem: at `path`, with `message`, positioned at the `occurrence`-th
    /// appearance of `marker` in the text, `skipping` characters further right.
    func expectOnlyIssue(
        path: String, message: String, at marker: String, occurrence: Int = 1, skipping: Int = 0,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let found = issues(sourceLocation: sourceLocation)
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        guard let issue = found.first else { return }
        #expect(issue.path == path, sourceLocation: sourceLocation)
        #expect(issue.message == message, sourceLocation: sourceLocation)
        let expected = position(of: marker, occurrence: occurrence).map {
            JSONPosition(line: $0.line, column: $0.column + skipping)
        }
        #expect(issue.position == expected, sourceLocation: sourceLocation)
    }

    /// Line and column (1-based, in characters) of the `occurrence`-th appearance of `marker`.
    func position(of marker: String, occurrence: Int = 1) -> JSONPosition? {
        Self.position(of: marker, in: text, occurrence: occurrence)
    }

    static func position(of marker: String, in text: String, occurrence: Int = 1) -> JSONPosition? {
        var seen = 0
        var line = 1
        var column = 1
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix(marker) {
                seen += 1
                if seen == occurrence { return JSONPosition(line: line, column: column) }
            }
            let character = rest.removeFirst()
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return nil
    }
}

/// A date the test writes literally.
func day(_ text: String) -> Day {
    guard let day = Day(iso: text) else { preconditionFailure("bad test date \(text)") }
    return day
}
