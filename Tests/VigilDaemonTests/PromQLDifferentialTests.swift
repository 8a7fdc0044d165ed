import Foundation
import TestSupport
import Testing

/// `vigil test rules` against `promtool test rules` (2.42) on random expressions and alerting rules
/// over a fixed data set: for every generated case, Vigil must print what promtool prints.
///
/// Environment: `VIGIL_DIFF_SEED` (a number, `0x…`, or `random`; default 20230131),
/// `VIGIL_DIFF_CASES` (default 300), `VIGIL_DIFF_ONLY=137,204` (just those cases of the seed, to
/// reproduce a failure), `VIGIL_DIFF_DIR` (write the case files there and keep them).
///
/// Where promtool itself answers differently from run to run (which of equal series `topk` keeps,
/// the order of a floating-point sum, which pair a many-to-many error names), any of its answers
/// is accepted. Differences already found are pinned in `PromQLDifferentialTests+Pinned.swift` and
/// listed in `KnownDifference.all`; a case showing one is reported as a known issue, not a failure.
@Suite struct PromQLDifferentialTests {
    struct Configuration {
        static let defaultSeed: UInt64 = 20_230_131
        static let defaultCases = 300

        var seed = defaultSeed
        var cases = Array(0..<defaultCases)
        var directory: String?

        init(environment: [String: String]) {
            if let text = environment["VIGIL_DIFF_SEED"] {
                if text == "random" {
                    seed = UInt64.random(in: 0...UInt64.max)
                } else if text.hasPrefix("0x"), let value = UInt64(text.dropFirst(2), radix: 16) {
                    seed = value
                } else if let value = UInt64(text) {
                    seed = value
                }
            }
            if let count = environment["VIGIL_DIFF_CASES"].flatMap({ Int($0) }), count > 0 {
                cases = Array(0..<count)
            }
            if let only = environment["VIGIL_DIFF_ONLY"] {
                cases = only.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            }
            directory = environment["VIGIL_DIFF_DIR"]
        }

        func reproduce(_ index: Int) -> String {
            "VIGIL_DIFF_SEED=\(seed) VIGIL_DIFF_ONLY=\(index) VIGIL_DIFF_DIR=/tmp/vigil-diff "
                + "swift test --filter PromQLDifferentialTests"
        }
    }

    /// promtool's path when the installed one is 2.42, the version Vigil re-implements.
    static let promtool: String? = {
        guard let promtool = VigilProcessTests.promtool else { return nil }
        let version = try? VigilProcessTests.run(promtool, ["--version"], input: "")
        return version?.output.contains("version 2.42.") == true ? promtool : nil
    }()
    static let promtoolReason = Comment(
        rawValue: "needs promtool 2.42 (Debian bookworm's prometheus package: make test-deps)")

    /// How many case files one invocation of each tool reads.
    static let batchSize = 200
    /// How often promtool is run again on a case where the two differ, to learn its other answers.
    static let promtoolReruns = 10
    /// How many more times where promtool has already given different answers for the same case.
    static let nondeterministicReruns = 40
    /// How many differences are reported one by one before the rest are only counted.
    static let reportedDifferences = 25

    @Test(.enabled(if: promtool != nil, promtoolReason))
    func vigilPrintsWhatPromtoolPrintsForEveryGeneratedCase() async throws {
        let promtool = try #require(Self.promtool)
        let configuration = Configuration(environment: ProcessInfo.processInfo.environment)
        let scratch = TestDirectory()
        let directory = configuration.directory ?? scratch.path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var compared = 0
        var differences = 0
        for start in stride(from: 0, to: configuration.cases.count, by: Self.batchSize) {
            let batch = configuration.cases[start..<min(start + Self.batchSize, configuration.cases.count)]
                .map { DifferentialCase.generate(seed: configuration.seed, index: $0) }
            differences += try await Self.compare(
                batch, configuration: configuration, promtool: promtool, directory: directory,
                alreadyReported: differences)
            compared += batch.count
        }
        #expect(
            differences == 0,
            "\(differences) of \(compared) cases differ (seed \(configuration.seed)); the first are reported above")
        #expect(compared == configuration.cases.count)
    }

    /// Writes `batch`, runs both tools on it and records an issue for each case where Vigil does not
    /// print one of promtool's answers. Returns how many such cases no known difference explains.
    static func compare(
        _ batch: [DifferentialCase], configuration: Configuration, promtool: String, directory: String,
        alreadyReported: Int
    ) async throws -> Int {
        for testCase in batch {
            for (name, text) in testCase.files {
                try text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8)
            }
        }
        let expected = try await Self.run(promtool, on: batch, in: directory)
        let actual = try await Self.run(VigilProcess.binary, on: batch, in: directory)
        #expect(
            expected.sections.count == batch.count && actual.sections.count == batch.count,
            "every case file must have its own report; promtool:\n\(expected.output)\nvigil:\n\(actual.output)")

        var differing = batch.filter { !RuleTestRun.section(actual[$0], isAmong: [expected[$0]]) }
        let answers = try await promtoolAnswers(
            for: &differing, actual: actual, first: expected, promtool: promtool, directory: directory)
        var differences = 0
        for testCase in differing {
            let seen = answers[testCase.testFileName] ?? []
            let report = Comment(rawValue: Self.report(testCase, configuration, seen, actual))
            if let known = KnownDifference.all.first(where: {
                $0.explains(testCase, expected[testCase], actual[testCase])
            }) {
                withKnownIssue(
                    Comment(rawValue: "\(known.summary) (pinned by \(known.pinnedBy))"), isIntermittent: true
                ) {
                    Issue.record(report)
                }
            } else if Set(seen).count > 1,
                seen.contains(where: { RuleTestRun.shape(of: $0) == RuleTestRun.shape(of: actual[testCase]) })
            {
                // promtool answered differently from run to run, and Vigil's answer has the same
                // shape: most likely one promtool gives too rarely to have been seen.
                withKnownIssue(
                    "promtool gave \(Set(seen).count) different answers in \(seen.count) runs", isIntermittent: true
                ) {
                    Issue.record(report)
                }
            } else {
                differences += 1
                if alreadyReported + differences <= reportedDifferences { Issue.record(report) }
            }
        }
        if differing.isEmpty {
            #expect(actual.status == expected.status, "vigil exited \(actual.status), promtool \(expected.status)")
        }
        return differences
    }

    /// Runs `tool` on the batch's files, and again file by file if it crashed, so that a crash
    /// becomes the report of the case that caused it.
    static func run(_ tool: String, on batch: [DifferentialCase], in directory: String) async throws -> RuleTestRun {
        let files = batch.map(\.testFileName)
        let run = try await RuleTestRun.run(tool, files: files, directory: directory)
        return run.crashed ? try await RuleTestRun.runEach(tool, files: files, directory: directory) : run
    }

    /// Runs promtool again on the `differing` cases, a few times each and many more times where it
    /// has shown itself nondeterministic, removing every case where Vigil's report turns out to be
    /// one of promtool's answers. Returns all answers seen per case file.
    static func promtoolAnswers(
        for differing: inout [DifferentialCase], actual: RuleTestRun, first: RuleTestRun, promtool: String,
        directory: String
    ) async throws -> [String: [String]] {
        var answers = Dictionary(uniqueKeysWithValues: differing.map { ($0.testFileName, [first[$0]]) })
        for round in 1...(promtoolReruns + nondeterministicReruns) {
            let rerun = differing.filter { round <= promtoolReruns || Set(answers[$0.testFileName] ?? []).count > 1 }
            if rerun.isEmpty { break }
            let again = try await RuleTestRun.run(promtool, files: rerun.map(\.testFileName), directory: directory)
            for testCase in rerun {
                answers[testCase.testFileName, default: []].append(again[testCase])
            }
            differing.removeAll { testCase in
                RuleTestRun.section(actual[testCase], isAmong: answers[testCase.testFileName] ?? [])
            }
        }
        return answers
    }

    static func report(
        _ testCase: DifferentialCase, _ configuration: Configuration, _ answers: [String], _ actual: RuleTestRun
    ) -> String {
        """
        case \(testCase.index) of seed \(configuration.seed) differs: \(testCase.description)
        --- promtool printed (\(Set(answers).count) different answer(s) in \(answers.count) run(s); the first):
        \(answers.first ?? "(nothing)")
        --- vigil printed:
        \(actual[testCase])
        --- reproduce: \(configuration.reproduce(testCase.index))
        """
    }
}

extension RuleTestRun {
    /// The report of `testCase`'s file in this run.
    subscript(_ testCase: DifferentialCase) -> String {
        sections[testCase.testFileName] ?? "(no report for \(testCase.testFileName))\n"
    }
}
