import ArgumentParser
import Foundation
import Rules

/// `vigil check rules FILE...`: validates rule files as `promtool check rules` does.
struct CheckRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Validate Prometheus rule files (exit 0 valid, 1 invalid, 2 usage).",
        discussion: """
            Prints "SUCCESS: N rules found" per valid file, or every problem as FILE:LINE:COL: message. \
            Duplicate rules (same name and labels) are reported as a warning, as promtool's lint, without \
            failing the check.
            """
    )

    @Argument(help: "The rule files.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one rule file") }
    }

    func run() throws {
        if !Self.check(files) { throw ExitCode.failure }
    }

    /// Checks each file, printing promtool's report; false when any file is invalid.
    static func check(_ files: [String]) -> Bool {
        var valid = true
        for file in files {
            print("Checking \(file)")
            do {
                let parsed = try RuleFileParser.load(path: file)
                print("  SUCCESS: \(parsed.ruleCount) rules found")
                let duplicates = RuleLint.duplicates(in: parsed)
                if !duplicates.isEmpty {
                    print("  WARNING: lint: \(RuleLint.message(for: duplicates))")
                }
            } catch {
                valid = false
                print("  FAILED:")
                fflush(nil)  // keep "FAILED:" ahead of the errors when both streams share a pipe
                FileHandle.standardError.write(Data("\(error)\n".utf8))
            }
            print()
        }
        return valid
    }
}
