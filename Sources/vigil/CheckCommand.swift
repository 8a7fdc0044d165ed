import Alerting
import ArgumentParser
import Foundation
import Rules
import VigilDaemon

/// `vigil check …`: validate files the way `promtool check` does.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate configuration and rule files (exit 0 valid, 1 invalid, 2 usage).",
        subcommands: [CheckConfigCommand.self, CheckRulesCommand.self]
    )
}

/// `vigil check config FILE`: prints SUCCESS, or every error as `FILE:LINE:COL: key: message`; then checks
/// the rule files the configuration names, as `promtool check config` does.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Validate a daemon configuration file."
    )

    @Argument(help: "The configuration file (etc/vigil.yml).")
    var file: String

    func run() throws {
        print("Checking \(file)")
        let config: VigilConfig
        do {
            config = try ConfigLoader.load(path: file)
            let ruleFiles = RuleFileSet.paths(for: config.ruleFiles)
            print("  SUCCESS: \(ruleFiles.count) rule files found")
            print(" SUCCESS: \(file) is a valid configuration file")
            print()
            let rulesValid = CheckRulesCommand.check(ruleFiles)
            let escalationValid = Self.checkEscalation(config)
            if !rulesValid || !escalationValid { throw ExitCode.failure }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            print("  FAILED:")
            fflush(nil)  // keep "FAILED:" ahead of the errors when both streams share a pipe
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The escalation files: route tree, inhibit rules and time intervals, checked against the receivers.
    static func checkEscalation(_ config: VigilConfig) -> Bool {
        let paths = RuleFileSet.paths(for: config.escalationFiles)
        print(
            "Checking escalation files: \(paths.isEmpty ? "none (everything goes to \(EscalationFileSet.fallbackReceiver(of: config)))" : paths.joined(separator: ", "))"
        )
        do {
            let escalation = try EscalationFileSet.load(for: config)
            print(
                "  SUCCESS: \(escalation.route.allRoutes.count) routes, \(escalation.inhibitRules.count) inhibit rules, \(escalation.timeIntervals.count) time intervals, \(escalation.policies.count) escalation policies, \(escalation.incidentPolicies.count) incident policies, \(escalation.templates.names.count - TemplateLibrary.defaults.names.count) templates defined"
            )
            print()
            return true
        } catch {
            print("  FAILED:")
            fflush(nil)
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return false
        }
    }
}
