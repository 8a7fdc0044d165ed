import Foundation
import PromQL
import TimeSeries
import VigilCore

/// Runs promtool-format rule unit tests with promtool 2.42's semantics: input series loaded at the test's
/// interval, every group evaluated at every `evaluation_interval` step from 0 to the last `eval_time`, only
/// firing alerts compared (full label and annotation sets), `promql_expr_test` evaluated at the end; and
/// promtool's report (`Unit Testing:  FILE`, `  SUCCESS` or `  FAILED:` with exp/got blocks).
public enum RuleUnitTester {
    /// One piece of the report, for standard output or standard error (promtool splits them so).
    public struct Output: Sendable, Equatable {
        public var text: String
        public var isError: Bool
    }

    /// Runs the tests of `path`; `passed` is false when any failed.
    public static func run(file path: String) -> (passed: Bool, output: [Output]) {
        var output = [Output(text: "Unit Testing:  \(path)\n", isError: false)]
        let errors = failures(of: path)
        if errors.isEmpty {
            output.append(Output(text: "  SUCCESS\n\n", isError: false))
            return (true, output)
        }
        output.append(Output(text: "  FAILED:\n", isError: true))
        for error in errors {
            output.append(Output(text: error + "\n", isError: true))
            output.append(Output(text: "\n", isError: false))
        }
        output.append(Output(text: "\n", isError: false))
        return (false, output)
    }

    /// The failure messages of every test group of the file (empty when all pass).
    static func failures(of path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            return ["open \(path): no such file or directory"]
        }
        let file: RuleTestFile
        do {
            file = try RuleTestFile.parse(text, file: path)
        } catch {
            return error.errors.map(\.description)
        }
        var order: [String: Int] = [:]
        for (index, name) in file.groupEvalOrder.enumerated() {
            if order[name] != nil { return ["group name repeated in evaluation order: \(name)"] }
            order[name] = index
        }
        let directory = (path as NSString).deletingLastPathComponent
        var ruleFiles: [RuleFile] = []
        for pattern in file.ruleFiles {
            let resolved = pattern.hasPrefix("/") || directory.isEmpty ? pattern : directory + "/" + pattern
            for match in glob(resolved) {
                do {
                    ruleFiles.append(try RuleFileParser.load(path: match))
                } catch {
                    return error.errors.map { error in
                        let position =
                            error.location.line > 0 ? " \(error.location.line):\(error.location.column):" : ""
                        let key = error.keyPath.isEmpty ? "" : " \(error.keyPath):"
                        return "\(error.location.file):\(position)\(key) \(error.message)"
                    }
                }
            }
        }
        var errors: [String] = []
        for group in file.tests {
            errors += RuleTestGroupRun(
                group: group, evaluationInterval: file.evaluationInterval.milliseconds, ruleFiles: ruleFiles,
                order: order
            ).failures()
        }
        return errors
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
