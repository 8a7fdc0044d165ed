import ArgumentParser
import Foundation

/// Runs the parsed command and maps failures onto Vigil's exit codes: 0 success, 1 the command
/// failed (invalid file, daemon error), 2 the command line itself was wrong.
@main
enum Entry {
    static func main() async {
        do {
            var command = try VigilCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = VigilCommand.exitCode(for: error)
            if code == .success {
                VigilCommand.exit(withError: error)
            }
            FileHandle.standardError.write(Data((VigilCommand.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
