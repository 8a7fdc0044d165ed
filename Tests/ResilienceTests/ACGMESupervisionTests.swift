import Resilience
import Schedule
import Testing

/// supervision_ratio: a supervised slot needs ceil((2·PGY-1 + others) / 4) faculty present.
@Suite struct ACGMESupervisionTests {
    /// A `clinic` AM slot on offset `offset` with the given residents and faculty.
    static func slot(
        residents: [(String, Int?)], faculty: [String], offset: Int = 0, session: Session = .am,
        rotation: String = "clinic", into builder: inout ACGMEProgramBuilder
    ) {
        for (id, pgy) in residents {
            if !builder.people.contains(where: { $0.id == id }) { builder.resident(id, pgy: pgy) }
            builder.assign(id, offset, session, rotation)
        }
        for id in faculty {
            if !builder.people.contains(where: { $0.id == id }) { builder.faculty(id) }
            builder.assign(id, offset, session, rotation)
        }
    }

    static let fourInterns: [(String, Int?)] = [("r01", 1), ("r02", 1), ("r03", 1), ("r04", 1)]
    static let threeSeconds: [(String, Int?)] = [("r01", 2), ("r02", 2), ("r03", 2)]

    @Test func fourInternsWithOneFacultyIsCritical() {
        // 4 PGY-1 = 8 units: ceil(8 / 4) = 2 faculty needed, 1 present.
        var builder = ACGMEProgramBuilder()
        Self.slot(residents: Self.fourInterns, faculty: ["f01"], into: &builder)
        let report = builder.check(days: 7)
        #expect(report.violations.count == 1)
        let violation = report.violations(.supervisionRatio).first
        #expect(violation?.severity == .critical)
        #expect(violation?.person == "clinic")
        #expect(violation?.session == .am)
        #expect(violation?.measured == 1)
        #expect(violation?.limit == 2)
        #expect(violation?.residents == ["r01", "r02", "r03", "r04"])
        #expect(
            violation?.message
                == "clinic 2026-09-14 AM: 1 faculty present for r01, r02, r03, r04, needs 2 "
                + "(4 PGY-1 and 0 other residents: ceil((2*4 + 0)/4) = 2)")
        #expect(report.scheduledBlocksWithoutFaculty == 0)
    }

    @Test func fourInternsWithTwoFacultyAreSupervised() {
        var builder = ACGMEProgramBuilder()
        Self.slot(residents: Self.fourInterns, faculty: ["f01", "f02"], into: &builder)
        #expect(builder.check(days: 7).violations.isEmpty)
    }

    @Test func threeSeniorResidentsNeedOneFaculty() {
        // 3 PGY-2 = 3 units: ceil(3 / 4) = 1.
        var builder = ACGMEProgramBuilder()
        Self.slot(residents: Self.threeSeconds, faculty: ["f01"], into: &builder)
        #expect(builder.check(days: 7).violations.isEmpty)
    }

    @Test func aSupervisedSlotWithNoFacultyIsCriticalAndABlockWithoutFaculty() {
        var builder = ACGMEProgramBuilder()
        Self.slot(residents: Self.threeSeconds, faculty: [], into: &builder)
        let report = builder.check(days: 7)
        #expect(report.violations(.supervisionRatio).first?.measured == 0)
        #expect(report.violations(.supervisionRatio).first?.limit == 1)
        #expect(report.scheduledBlocksWithoutFaculty == 1)
    }

    @Test func absentFacultyAreNotPresent() {
        // Two faculty assigned to four PGY-1s, but f02 is on vacation that day: 1 present of 2 needed.
        var builder = ACGMEProgramBuilder()
        Self.slot(residents: Self.fourInterns, faculty: ["f01", "f02"], into: &builder)
        builder.absent("f02", -2, 0)
        #expect(builder.check(days: 7).violations(.supervisionRatio).first?.measured == 1)
    }

    @Test func aMissingPGYCountsAsPGYOne() {
        // Three residents without a PGY: 6 units, 2 faculty needed (as PGY-2s they would need 1).
        var builder = ACGMEProgramBuilder()
        Self.slot(residents: [("r01", nil), ("r02", nil), ("r03", nil)], faculty: ["f01"], into: &builder)
        #expect(builder.check(days: 7).violations(.supervisionRatio).first?.limit == 2)
    }

    @Test func anUnsupervisedRotationNeedsNoFaculty() {
        var builder = ACGMEProgramBuilder()
        Self.slot(residents: Self.fourInterns, faculty: [], rotation: "lecture", into: &builder)
        let report = builder.check(days: 7)
        #expect(report.violations.isEmpty)
        #expect(report.scheduledBlocksWithoutFaculty == 0)
    }

    @Test func eachSlotIsItsOwnViolationWithItsOwnKey() {
        // AM and PM of the same day, same rotation, nobody supervising either.
        var builder = ACGMEProgramBuilder()
        Self.slot(residents: Self.threeSeconds, faculty: [], session: .am, into: &builder)
        Self.slot(residents: Self.threeSeconds, faculty: [], session: .pm, into: &builder)
        let report = builder.check(days: 7)
        let keys = report.violations(.supervisionRatio).map(\.key.description)
        #expect(keys == ["supervision_ratio|clinic|2026-09-14|AM", "supervision_ratio|clinic|2026-09-14|PM"])
        #expect(report.scheduledBlocksWithoutFaculty == 2)
    }

    @Test func slotsOutsideTheWindowAreNotChecked() {
        var builder = ACGMEProgramBuilder()
        Self.slot(residents: Self.threeSeconds, faculty: [], offset: -1, into: &builder)
        Self.slot(residents: Self.threeSeconds, faculty: [], offset: 7, into: &builder)
        let report = builder.check(days: 7)
        #expect(report.violations.isEmpty)
        #expect(report.scheduledBlocksWithoutFaculty == 0)
    }
}
