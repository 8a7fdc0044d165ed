import Foundation
import Resilience
import Schedule
import Testing

/// Cross-training advice: the training that removes the most single points of failure and fatal
/// pairs, greedily, each figure exact (re-checked here by applying the advice to the schedule and
/// running the contingency analysis again).
@Suite struct AdviceTests {
    private func advice(_ builder: ProgramBuilder, days: Int = 7, limit: Int = 5, n2: Bool = true) -> TrainingAdvice {
        let analysis = ContingencyAnalysis(index: builder.index(days: days))
        return analysis.advice(contingency: analysis.report(includeN2: n2), limit: limit)
    }

    /// f1 alone may do the ward (five mornings); f2 holds clinic in the mornings; f3 and f4 only
    /// clinic, and free. Train f3 (first free one by id) in the ward: f1 stops being a single point
    /// of failure, but f1+f3 becomes a fatal pair (nobody else can do the ward), which training f4
    /// removes.
    @Test func theSoleQualifiedPersonGetsAFreeColleagueTrainedAndThenASecond() throws {
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"])
        for id in ["f2", "f3", "f4"] { builder.faculty(id, capabilities: ["clinic"]) }
        builder.rotation("ward")
        builder.rotation("clinic")
        for day in 0..<5 {
            builder.assign("f1", day: day, .am, "ward")
            builder.assign("f2", day: day, .am, "clinic")
        }
        let result = advice(builder)
        #expect(result.trainings.map { "\($0.person) \($0.rotation)" } == ["f3 ward", "f4 ward"])
        let first = try #require(result.trainings.first)
        #expect(first.singlePointsOfFailure == .init(before: 1, after: 0))
        #expect(first.fatalPairs == .init(before: 0, after: 1))
        #expect(first.relieved == ["f1"])
        #expect(first.unfillableSlots == .init(before: 5, after: 0))
        #expect(first.why.hasPrefix("Train f3 in ward: single points of failure 1 → 0, fatal pairs 0 → 1"))
        let second = try #require(result.trainings.last)
        #expect(second.singlePointsOfFailure == .init(before: 0, after: 0))
        #expect(second.fatalPairs == .init(before: 1, after: 0))
        #expect(second.why.contains("the pair f1+f3 would no longer leave slots uncovered"))
        #expect(result.limit == 5)
    }

    /// f1 (mornings) and f2 (afternoons) alone may do the ward, each at their weekly cap, so each is
    /// a single point of failure; f3 and f4 are free. One training of f3 relieves both — better than
    /// anything else — and creates the pairs f1+f3 and f2+f3 that training f4 then removes.
    @Test func oneTrainingThatRelievesTwoBeatsTrainingsThatRelieveOne() throws {
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"], cap: 5)
        builder.faculty("f2", capabilities: ["ward"], cap: 5)
        for id in ["f3", "f4"] { builder.faculty(id, capabilities: ["clinic"]) }
        builder.rotation("ward")
        builder.rotation("clinic")
        for day in 0..<5 {
            builder.assign("f1", day: day, .am, "ward")
            builder.assign("f2", day: day, .pm, "ward")
        }
        let result = advice(builder)
        #expect(result.trainings.map { "\($0.person) \($0.rotation)" } == ["f3 ward", "f4 ward"])
        let first = try #require(result.trainings.first)
        #expect(first.singlePointsOfFailure == .init(before: 2, after: 0))
        #expect(first.fatalPairs == .init(before: 0, after: 2))
        #expect(first.relieved == ["f1", "f2"])
        #expect(result.trainings.last?.fatalPairs == .init(before: 2, after: 0))
    }

    /// f1 alone may do r1 (mornings) and r2 (afternoons). f2 works the clinic afternoons, f3 the
    /// clinic mornings: f2 can only learn r1, f3 only r2, and f1 stops being a single point of
    /// failure only when both have. The first training lowers what f1's loss leaves uncovered
    /// (10 → 5) without relieving anyone yet; the second relieves f1.
    @Test func aPersonWhoNeedsTwoTrainingsIsRelievedStepByStep() throws {
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["r1", "r2"])
        builder.faculty("f2", capabilities: ["clinic"])
        builder.faculty("f3", capabilities: ["clinic"])
        for rotation in ["r1", "r2", "clinic"] { builder.rotation(rotation) }
        for day in 0..<5 {
            builder.assign("f1", day: day, .am, "r1")
            builder.assign("f1", day: day, .pm, "r2")
            builder.assign("f2", day: day, .pm, "clinic")
            builder.assign("f3", day: day, .am, "clinic")
        }
        let result = advice(builder)
        #expect(result.trainings.map { "\($0.person) \($0.rotation)" } == ["f2 r1", "f3 r2"])
        let first = try #require(result.trainings.first)
        #expect(first.singlePointsOfFailure == .init(before: 1, after: 1))
        #expect(first.unfillableSlots == .init(before: 10, after: 5))
        #expect(first.why.contains("the slots a single loss leaves uncovered fall from 10 to 5"))
        #expect(result.trainings.last?.relieved == ["f1"])
    }

    @Test func nothingIsAdvisedWhenNoTrainingCanHelpOrNoneIsAsked() {
        // The only other faculty member is busy whenever the ward needs someone: no training helps.
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"])
        builder.faculty("f2", capabilities: ["clinic"])
        builder.rotation("ward")
        builder.rotation("clinic")
        for day in 0..<5 {
            builder.assign("f1", day: day, .am, "ward")
            builder.assign("f2", day: day, .am, "clinic")
        }
        #expect(advice(builder).trainings.isEmpty)
        #expect(advice(builder).lines() == ["Training      no single added capability lowers the risk"])

        // f2 could help, but zero trainings were asked for.
        var free = ProgramBuilder()
        free.faculty("f1", capabilities: ["ward"])
        free.faculty("f2", capabilities: ["clinic"])
        free.rotation("ward")
        free.rotation("clinic")
        for day in 0..<5 { free.assign("f1", day: day, .am, "ward") }
        #expect(advice(free, limit: 1).trainings.map(\.person) == ["f2"])
        #expect(advice(free, limit: 0).trainings.isEmpty)
    }

    /// A faculty member without a capabilities list may already do everything: never advised, and
    /// their rotations need no training of others when they are free to fill them.
    @Test func peopleWhoMayDoEverythingAreNeverAdvised() {
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"])
        builder.faculty("f2")
        builder.faculty("f3", capabilities: ["clinic"])
        builder.rotation("ward")
        builder.rotation("clinic")
        for day in 0..<5 {
            builder.assign("f1", day: day, .am, "ward")
            builder.assign("f2", day: day, .am, "clinic")
        }
        let result = advice(builder)
        // f1's mornings: f2 is busy then, so train f3 (the one free) in the ward; never f2.
        #expect(result.trainings.first.map { "\($0.person) \($0.rotation)" } == "f3 ward")
        #expect(!result.trainings.contains { $0.person == "f2" })
    }

    @Test func withoutN2OnlySinglePointsOfFailureAreWeighed() throws {
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"])
        for id in ["f2", "f3"] { builder.faculty(id, capabilities: ["clinic"]) }
        builder.rotation("ward")
        builder.rotation("clinic")
        for day in 0..<5 { builder.assign("f1", day: day, .am, "ward") }
        let result = advice(builder, n2: false)
        #expect(result.trainings.map(\.person) == ["f2"], "one training makes N-1 compliant; pairs are not looked at")
        #expect(result.trainings.first?.fatalPairs == nil)
        #expect(result.json().contains(#""fatal_pairs": null"#))
    }

    /// The advice re-checked from the outside: give each advised person the rotation in the
    /// program itself, run N-1 and N-2 from scratch, and every step's `after` must be what the
    /// engine finds; nobody is advised a rotation they hold.
    @Test(arguments: [3, 11, 29])
    func applyingTheAdviceToTheScheduleGivesExactlyItsFigures(seed: UInt64) throws {
        let generator = ProgramGenerator(faculty: 16, residents: 24, weeks: 4, seed: seed)
        var program = generator.generate()
        var monday = generator.start
        while monday.isoWeekday != 1 { monday = monday.advanced(by: 1) }
        let window = ScheduleWindow(from: monday, days: 28)
        let analysis = ContingencyAnalysis(index: WindowIndex(program: program, window: window))
        let before = analysis.report()
        let result = analysis.advice(contingency: before, limit: 4)
        #expect(result.trainings.count == 4, "these generated programs have trainings to advise")
        var previous = (before.n1.singlePointsOfFailure.count, before.n2?.fatalPairs.count ?? 0)
        for training in result.trainings {
            #expect(training.singlePointsOfFailure.before == previous.0)
            #expect(training.fatalPairs?.before == previous.1)
            let position = try #require(program.people.firstIndex { $0.id == training.person })
            let capabilities = try #require(program.people[position].capabilities, "advised someone who may do all")
            #expect(!capabilities.contains(training.rotation), "\(training.person) already holds \(training.rotation)")
            program.people[position].capabilities = capabilities + [training.rotation]
            let after = ContingencyAnalysis(index: WindowIndex(program: program, window: window)).report()
            #expect(after.n1.singlePointsOfFailure.count == training.singlePointsOfFailure.after, "\(training.why)")
            #expect(after.n2?.fatalPairs.count == training.fatalPairs?.after, "\(training.why)")
            let lost = after.n1.singlePointsOfFailure.map(\.unfillableSlots).reduce(0, +)
            #expect(lost == training.unfillableSlots.after)
            let relieved = Set(training.relieved)
            #expect(relieved.isDisjoint(with: after.n1.singlePointsOfFailure.map(\.person)))
            let counts = (training.singlePointsOfFailure.after, training.fatalPairs?.after ?? 0)
            #expect(
                counts < previous
                    || (counts == previous && training.unfillableSlots.after <= training.unfillableSlots.before),
                "only trainings that lower the risk are listed")
            previous = counts
        }
    }

    @Test func theReportCarriesTheAdviceInJSONAndText() throws {
        var builder = ProgramBuilder()
        builder.faculty("f1", capabilities: ["ward"])
        builder.faculty("f2", capabilities: ["clinic"])
        builder.rotation("ward")
        builder.rotation("clinic")
        for day in 0..<5 { builder.assign("f1", day: day, .am, "ward") }
        let report = ResilienceEngine().evaluate(program: builder.program, window: builder.window(days: 7))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let advice = try #require(json["advice"] as? [String: Any])
        let trainings = try #require(advice["trainings"] as? [[String: Any]])
        #expect(trainings.count == 1)
        #expect(trainings.first?["person"] as? String == "f2")
        #expect(trainings.first?["rotation"] as? String == "ward")
        let spof = try #require(trainings.first?["single_points_of_failure"] as? [String: Int])
        #expect(spof == ["before": 1, "after": 0])
        #expect(advice["limit"] as? Int == AdviceSettings.standard.trainings)
        #expect(report.text().contains("1. Train f2 in ward: single points of failure 1 → 0"))
    }
}
