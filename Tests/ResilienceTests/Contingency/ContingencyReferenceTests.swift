import Resilience
import Schedule
import TestSupport
import Testing

/// The engine's N-1/N-2 against `contingency_ref.py` on hundreds of random small programs: the
/// reference is the contract, so every field must match exactly.
@Suite(.enabled(if: ContingencyReference.isAvailable, Comment(rawValue: ContingencyReference.unavailableReason)))
struct ContingencyReferenceTests {
    static let programCount = 300

    @Test func matchesTheReferenceOnRandomPrograms() throws {
        let directory = TestDirectory()
        let cases = (0..<Self.programCount).map { ReferenceProgramBuilder.random(seed: 0xC0_FFEE + UInt64($0)) }
        var jobs: [ContingencyReference.Job] = []
        for (number, random) in cases.enumerated() {
            let file = try directory.write("program-\(number).json", ReferenceProgramBuilder.json(random.program))
            jobs.append(ContingencyReference.Job(file: file, window: random.window))
        }
        let expected = try ContingencyReference.analyse(jobs, in: directory)
        try #require(expected.count == cases.count)
        var interesting = (spof: 0, fatal: 0)
        for (number, (random, reference)) in zip(cases, expected).enumerated() {
            // The engine reads the very file the reference read.
            let program = try ScheduleLoader.load(path: jobs[number].file)
            #expect(program == random.program, "seed \(random.seed): the file does not hold the generated program")
            let analysis = ContingencyAnalysis(index: WindowIndex(program: program, window: random.window))
            let ours = analysis.report()
            #expect(ours == reference, "seed \(random.seed), window \(random.window)")
            if !reference.n1.singlePointsOfFailure.isEmpty { interesting.spof += 1 }
            if !(reference.n2?.fatalPairs.isEmpty ?? true) { interesting.fatal += 1 }
        }
        // The generator must keep producing programs where both kinds of failure occur.
        #expect(interesting.spof > Self.programCount / 10)
        #expect(interesting.fatal > Self.programCount / 20)
    }

    @Test func concurrentReportEqualsTheSingleCoreOne() async {
        for seed in UInt64(0)..<40 {
            let random = ReferenceProgramBuilder.random(seed: 0xBEEF + seed)
            let analysis = ContingencyAnalysis(index: WindowIndex(program: random.program, window: random.window))
            let concurrent = await analysis.report(tasks: 3)
            #expect(concurrent == analysis.report(), "seed \(random.seed)")
        }
    }

    @Test func matchesTheReferenceCommandLine() throws {
        let directory = TestDirectory()
        for seed in UInt64(1)...3 {
            let random = ReferenceProgramBuilder.random(seed: seed)
            let file = try directory.write("program.json", ReferenceProgramBuilder.json(random.program))
            let reference = try ContingencyReference.analyseWithCommandLine(
                file: file, window: random.window, in: directory)
            let ours = ContingencyAnalysis(index: WindowIndex(program: random.program, window: random.window)).report()
            #expect(ours == reference, "seed \(seed)")
        }
    }
}
