import Foundation
import Schedule
import Testing

@Suite struct DemoProgramTests {
    private static func day(_ text: String) -> Day { Day(iso: text) ?? Day(ordinal: 0) }

    @Test func theCommittedDemoFileIsWhatDemoProgramWrites() throws {
        // Tests/ScheduleTests/ → the repository root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("etc/demo/program.json"), encoding: .utf8)
        let expected = ScheduleEncoder.encode(DemoProgram.make())
        #expect(
            committed == expected, "regenerate with: vigil resilience generate --demo --output etc/demo/program.json")
    }

    @Test func hasTheDemoRosterOverAWholeAcademicYear() {
        let program = DemoProgram.make()
        #expect(program.name == "Demo Family Medicine Residency")
        #expect(program.timezone == "America/Chicago")
        let faculty = program.people.filter { $0.role == .faculty }
        let residents = program.people.filter { $0.role == .resident }
        #expect(faculty.count == 12)
        #expect(faculty.allSatisfy { $0.capabilities?.isEmpty == false && $0.maxSessionsPerWeek != nil })
        #expect(residents.count == 24)
        for pgy in 1...3 { #expect(residents.filter { $0.pgy == pgy }.count == 8) }
        #expect(program.assignments.first?.date == Self.day("2026-07-01"))
        #expect(program.assignments.last?.date == Self.day("2027-06-30"))
        #expect(DemoProgram.crisisStart == Self.day("2026-09-14"))
    }

    @Test func tellsTheCrisisStoryWithItsAbsences() {
        let program = DemoProgram.make()
        let deployed = program.absences.filter { $0.kind == .deployment }
        #expect(Set(deployed.map(\.person)) == ["f04", "f10"])
        // Announced after the schedule was built: their assignments during the deployment remain.
        for absence in deployed {
            #expect(program.assignments.contains { $0.person == absence.person && absence.covers($0.date) })
        }
        let conference = program.absences.filter { $0.kind == .conference }
        #expect(conference.count == 3 && Set(conference.map(\.start)).count == 1)
        // Planned absences were scheduled around: nobody else works while away.
        let planned = program.absences.filter { $0.kind != .deployment }
        for absence in planned {
            #expect(!program.assignments.contains { $0.person == absence.person && absence.covers($0.date) })
        }
        // Every faculty member and resident has vacation.
        #expect(Set(program.absences.filter { $0.kind == .vacation }.map(\.person)).count == 36)
        // Only the deployed and Dr. Raman may cover obstetrics.
        let obstetrics = program.people.filter { $0.role == .faculty && $0.isQualified(for: "obstetrics") }
        #expect(obstetrics.map(\.id) == ["f03", "f04"])
    }
}
