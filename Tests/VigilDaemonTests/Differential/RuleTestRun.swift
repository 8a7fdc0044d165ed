import Foundation

/// One run of `promtool test rules` or `vigil test rules` over many test files: the exit status and
/// the combined output (standard output and error in the order written), cut into one section per
/// file at each `Unit Testing:  FILE` line.
struct RuleTestRun: Sendable {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// The exit status, or the signal that ended the process when `crashed`.
    let status: Int32
    /// Whether the process died of a signal (a trap, or the deadline's SIGKILL).
    let crashed: Bool
    let output: String
    /// The report of each file, by file name, from its `Unit Testing:` line to the next one.
    let sections: [String: String]

    init(status: Int32, crashed: Bool = false, output: String) {
        self.status = status
        self.crashed = crashed
        self.output = output
        var sections: [String: String] = [:]
        var current: String?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Unit Testing:  ") {
                current = String(line.dropFirst("Unit Testing:  ".count))
            }
            if let current { sections[current, default: ""] += line + "\n" }
        }
        self.sections = sections
    }

    /// Runs `executable test rules FILES` in `directory`, both output streams into one file so
    /// their interleaving is kept as a terminal would show it.
    static func run(
        _ executable: String, files: [String], directory: String, timeout: Duration = .seconds(300)
    ) async throws -> RuleTestRun {
        let outputPath = (directory as NSString).appendingPathComponent(".output-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: outputPath, contents: nil) else {
            throw Failed(description: "cannot create \(outputPath)")
        }
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["test", "rules"] + files
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin"]
        process.standardOutput = output
        process.standardError = output
        let (exits, exited) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = {
            exited.yield($0.terminationStatus)
            exited.finish()
        }
        try process.run()
        let pid = process.processIdentifier
        let deadline = Task {
            // A deadline, not a wait for something to happen: a hung tool must not hang the suite.
            try await Task.sleep(for: timeout)
            kill(pid, SIGKILL)
        }
        var status: Int32 = -1
        for await exit in exits { status = exit }
        deadline.cancel()
        let text = try String(contentsOfFile: outputPath, encoding: .utf8)
        return RuleTestRun(status: status, crashed: process.terminationReason == .uncaughtSignal, output: text)
    }

    /// Runs `executable` on each file alone, after a crash cut a run of many short: the report of
    /// a file it crashes on is the start of what it printed, under a `CRASHED` line.
    static func runEach(_ executable: String, files: [String], directory: String) async throws -> RuleTestRun {
        var output = ""
        var failed = false
        for file in files {
            let run = try await run(executable, files: [file], directory: directory)
            if run.crashed {
                let head = run.output.split(separator: "\n", omittingEmptySubsequences: false).prefix(16)
                output +=
                    "Unit Testing:  \(file)\n  CRASHED (signal \(run.status)):\n" + head.joined(separator: "\n") + "\n"
            } else {
                output += run.output
            }
            failed = failed || run.crashed || run.status != 0
        }
        return RuleTestRun(status: failed ? 1 : 0, output: output)
    }

    /// A section cut into its preamble (`Unit Testing:`, `FAILED:`) and one block per failed
    /// expectation, each starting at a line indented by four spaces.
    static func blocks(of section: String) -> [String] {
        var blocks = [""]
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("    "), let fifth = line.dropFirst(4).first, fifth != " " {
                blocks.append("")
            }
            blocks[blocks.count - 1] += line + "\n"
        }
        return blocks
    }

    /// Whether `section` is one of the answers in `answers` (promtool's sections for one file over
    /// several runs), block by block: where promtool is nondeterministic each block may come from a
    /// different run, as long as the runs agree on how many blocks there are.
    ///
    /// Which two series a many-to-many matching error names is left out of the comparison: promtool
    /// 2.42 picks them in Go's random map order (one generated rule gave 20 different pairs in 100
    /// runs), so no number of runs is sure to show the pair Vigil names.
    static func section(_ section: String, isAmong answers: [String]) -> Bool {
        if answers.contains(section) { return true }
        let mine = blocks(of: withoutManyToManyPair(section))
        let alike = answers.map { blocks(of: withoutManyToManyPair($0)) }.filter { $0.count == mine.count }
        guard !alike.isEmpty else { return false }
        return mine.indices.allSatisfy { index in alike.contains { $0[index] == mine[index] } }
    }

    /// `section` with the match group and the pair of series of each many-to-many error replaced by `…`.
    static func withoutManyToManyPair(_ section: String) -> String {
        section.replacing(
            #/found duplicate series for the match group \{[^}]*\} on the (?<side>left|right) hand-side of the operation: \[.*?\];many-to-many/#
        ) { match in
            "found duplicate series for the match group {…} on the \(match.output.side) hand-side of the operation: […];many-to-many"
        }
    }

    /// `section` without its values: label sets become `{…}` and numbers `#`, so two reports have
    /// the same shape when they report the same expectations, errors and number of series.
    static func shape(of section: String) -> String {
        withoutManyToManyPair(section)
            .replacing(#/\{[^{}\n]*\}/#, with: "{…}")
            .replacing(#/[-+]?(?:\d[\d.]*(?:E[-+]\d+)?|NaN|Inf)/#, with: "#")
    }
}
