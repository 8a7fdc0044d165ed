import Schedule
import Testing

/// A year-sized program loads, and a file full of mistakes stays cheap to report.
@Suite struct ScheduleScaleTests {
    /// 200 people and 100 000 assignments: every person once per half-day, on consecutive half-days.
    static func largeDocument(assignments: Int, person: (Int) -> String = { "p\($0 % 200)" }) -> [UInt8] {
        var text = #"{"program": "Large", "people": ["#
        text += (0..<200).map { #"{"id": "p\#($0)", "role": "\#($0 < 60 ? "faculty" : "resident")"}"# }
            .joined(separator: ",\n")
        text += #"], "rotations": [{"id": "clinic", "category": "continuity_of_care", "min_faculty": 1}],"#
        text += "\n\"assignments\": [\n"
        let start = day("2026-07-01")
        var rows: [String] = []
        rows.reserveCapacity(assignments)
        for index in 0..<assignments {
            let halfDay = index / 200
            let date = start.advanced(by: halfDay / 2)
            rows.append(
                #"{"person": ""# + person(index) + #"", "date": ""# + date.description + #"", "session": ""#
                    + (halfDay % 2 == 0 ? "AM" : "PM") + #"", "rotation": "clinic"}"#)
        }
        text += rows.joined(separator: ",\n") + "\n]}\n"
        return Array(text.utf8)
    }

    @Test func aHundredThousandAssignmentsLoad() throws {
        let program = try ScheduleLoader.parse(bytes: Self.largeDocument(assignments: 100_000), file: "large.json")
        #expect(program.assignments.count == 100_000)
        #expect(program.people.count == 200)
        // 100 000 assignments of 200 people are 500 half-days: 250 days from 2026-07-01.
        #expect(program.assignments.last?.date == day("2026-07-01").advanced(by: 249))
        #expect(program.assignments.last?.session == .pm)
    }

    @Test func tenThousandBadReferencesReportTwoHundredAndCountTheRest() throws {
        let bytes = Self.largeDocument(assignments: 10_000) { "nobody\($0)" }
        let error = try #require(throws: ScheduleLoadError.self) {
            try ScheduleLoader.parse(bytes: bytes, file: "large.json")
        }
        #expect(error.issues.count == ScheduleLoadError.reportLimit)
        #expect(error.omittedCount == 10_000 - ScheduleLoadError.reportLimit)
    }
}
