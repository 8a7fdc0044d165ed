import Foundation
import TestSupport
import Testing

/// Prometheus' own PromQL conformance files (2.42, 566 evals), run as Prometheus' test runner runs
/// them. The pass count may only go up: raise ``bestPassCount`` when the engine improves.
@Suite struct ConformanceTests {
    /// The most evals seen passing so far.
    static let bestPassCount = 566

    static let directory = SharedFiles.conformanceFiles ?? SharedFiles.absent

    static let files = [
        "aggregators", "at_modifier", "collision", "functions", "histograms", "literals", "operators",
        "selectors", "staleness", "subquery", "trig_functions",
    ]

    static func contents(_ name: String) -> String? {
        try? String(contentsOfFile: directory + "/" + name + ".test", encoding: .utf8)
    }

    @Test(.enabled(if: contents("literals") != nil, Comment(rawValue: SharedFiles.conformanceFilesReason)))
    func prometheusConformanceFilesPass() throws {
        var passed = 0
        var total = 0
        var table: [String] = []
        var failures: [String] = []
        var problems: [String] = []
        for name in Self.files {
            let script = PromQLTestScript(try #require(Self.contents(name), "\(name).test"))
            problems += script.problems.map { "\(name).test \($0)" }
            let outcomes = ConformanceRunner.run(script)
            let filePassed = outcomes.filter(\.passed).count
            passed += filePassed
            total += outcomes.count
            table.append(
                "\(name).test".padding(toLength: 22, withPad: " ", startingAt: 0) + "\(filePassed)/\(outcomes.count)")
            for outcome in outcomes where !outcome.passed {
                failures.append("\(name).test:\(outcome.line): \(outcome.expression)\n    \(outcome.message)")
            }
        }
        print("PromQL conformance: \(passed)/\(total)\n" + table.joined(separator: "\n"))
        if !failures.isEmpty { print("Failures:\n" + failures.joined(separator: "\n")) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(total == 566)
        #expect(
            passed >= Self.bestPassCount, "\(passed) evals pass, fewer than the best so far (\(Self.bestPassCount))")
    }
}
