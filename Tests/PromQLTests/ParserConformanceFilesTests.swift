import Foundation
import PromQL
import TestSupport
import Testing

/// Every expression Prometheus' own conformance files evaluate must parse (those under `eval_fail`
/// may fail for any reason, so they are not required to).
@Suite struct ParserConformanceFilesTests {
    /// `../shared/testdata/promqltest-v2.42` next to the repository, as the issue places it.
    static let directory = SharedFiles.conformanceFiles ?? SharedFiles.absent

    static let files = [
        "aggregators", "at_modifier", "collision", "functions", "histograms", "literals", "operators",
        "selectors", "staleness", "subquery", "trig_functions",
    ]

    static func contents(_ name: String) -> String? {
        try? String(contentsOfFile: directory + "/" + name + ".test", encoding: .utf8)
    }

    /// `eval instant at 50m <expr>` → (`eval`, `<expr>`).
    static func evalExpressions(_ text: String) -> [(command: String, expr: String)] {
        var found: [(String, String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("eval") {
            let words = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true)
            guard words.count == 5 else { continue }
            found.append((String(words[0]), String(words[4])))
        }
        return found
    }

    @Test(.enabled(if: contents("literals") != nil, Comment(rawValue: SharedFiles.conformanceFilesReason)))
    func everyEvaluatedExpressionParses() throws {
        var total = 0
        var failures: [String] = []
        for name in Self.files {
            let text = try #require(Self.contents(name), "\(name).test")
            for (command, expr) in Self.evalExpressions(text) where command != "eval_fail" {
                total += 1
                do {
                    _ = try PromQLParser.parse(expr)
                } catch {
                    failures.append("\(name).test: \(expr)\n    \(error)")
                }
            }
        }
        // 566 evals in all, 7 of them eval_fail.
        #expect(total == 559)
        #expect(failures.isEmpty, "\(failures.count) expressions did not parse:\n\(failures.joined(separator: "\n"))")
    }
}
