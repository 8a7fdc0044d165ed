import ArgumentParser
import Foundation
import Rules

/// `vigil check rules FILE...`: validates rule files as `promtool check rules` does.
struct CheckRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Validate Prometheus rule files (exit 0 valid, 1 invalid, 2 usage).",
        discussion: """
            Prints "SUCCESS: N rules found" per valid file, or "FAILED:" and every problem as \
            FILE:LINE:COL: message on standard error. Duplicate rules (same name and labels) are reported \
            as a warning in promtool's words ("lint error N duplicate rule(s) found."), without failing \
            the check.
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
                    // promtool prints this lint as a failure yet exits 0; here it is a warning.
                    print("  WARNING:")
                    fflush(nil)
                    FileHandle.standardError.write(Data("lint error \(RuleLint.message(for: duplicates))\n".utf8))
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
