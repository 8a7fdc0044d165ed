import ArgumentParser
import Foundation
import Rules

/// `vigil test …`: unit tests of rule files.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run unit tests (exit 0 all pass, 1 any fail).",
        subcommands: [TestRulesCommand.self]
    )
}

/// `vigil test rules FILE...`: promtool's rule unit tests, with promtool 2.42's semantics and report.
struct TestRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Run rule unit tests written in promtool's test-file format.",
        discussion: """
            Each file names rule files, input series and the alerts and PromQL results expected at given \
            times, exactly as for `promtool test rules`; the report is promtool's.
            """
    )

    @Argument(help: "The test files.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one test file") }
    }

    func run() throws {
        var passed = true
        for file in files {
            let result = RuleUnitTester.run(file: file)
            passed = passed && result.passed
            for piece in result.output {
                if piece.isError {
                    fflush(nil)
                    FileHandle.standardError.write(Data(piece.text.utf8))
                } else {
                    print(piece.text, terminator: "")
                }
            }
        }
        fflush(nil)
        if !passed { throw ExitCode.failure }
    }
}
