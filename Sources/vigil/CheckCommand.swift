import ArgumentParser
import Foundation
import VigilDaemon

/// `vigil check …`: validate files the way `promtool check` does.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate configuration files (exit 0 valid, 1 invalid, 2 usage).",
        subcommands: [CheckConfigCommand.self]
    )
}

/// `vigil check config FILE`: prints SUCCESS, or every error as `FILE:LINE:COL: key: message`.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Validate a daemon configuration file."
    )

    @Argument(help: "The configuration file (etc/vigil.yml).")
    var file: String

    func run() throws {
        print("Checking \(file)")
        do {
            _ = try ConfigLoader.load(path: file)
            print("  SUCCESS: \(file) is a valid configuration file")
        } catch {
            print("  FAILED:")
            fflush(nil)  // keep "FAILED:" ahead of the errors when both streams share a pipe
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
