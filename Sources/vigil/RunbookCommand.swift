import ArgumentParser
import Foundation

/// `vigil runbook ALERT [--dir DIR]`: prints the runbook of a shipped (or your own) alert, found in
/// `--dir`, else `runbooks/` in the working directory, else where the package installs them.
struct RunbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbook", abstract: "Print an alert's runbook (runbooks/<AlertName>.md).")

    @Argument(help: "The alert's name, e.g. CriticalCoverageGap.")
    var alert: String

    @Option(name: .long, help: "The folder of runbooks.")
    var dir: String?

    /// Where runbooks are looked for, in order.
    var folders: [String] {
        if let dir { return [dir] }
        return ["runbooks", "/usr/share/vigil/runbooks"]
    }

    func validate() throws {
        guard !alert.isEmpty, alert.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw ValidationError("\"\(alert)\" is not an alert name (letters, digits and _)")
        }
    }

    func run() throws {
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent("\(alert).md")
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
                return
            }
        }
        FileHandle.standardError.write(
            Data("vigil runbook: no runbook for \(alert) in \(folders.joined(separator: ", "))\n".utf8))
        throw ExitCode(1)
    }
}
