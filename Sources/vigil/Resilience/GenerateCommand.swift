import ArgumentParser
import Foundation
import Schedule

/// `vigil resilience generate`: writes a synthetic program's schedule JSON (for demos, benchmarks
/// and load tests), or with `--demo` the demo program that `etc/demo/program.json` holds.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic program's schedule JSON (the same seed always gives the same file).",
        discussion: """
            Examples:
              vigil resilience generate --faculty 60 --residents 120 --weeks 13 --seed 7 --output program.json
              vigil resilience generate --demo --output etc/demo/program.json
            """
    )

    static let countLimit = 1...1000
    static let weekLimit = 1...104

    @Option(help: "Faculty members (\(countLimit.lowerBound)...\(countLimit.upperBound)).")
    var faculty: Int?

    @Option(help: "Residents, spread evenly over PGY-1..3 (\(countLimit.lowerBound)...\(countLimit.upperBound)).")
    var residents: Int?

    @Option(help: "Weeks of schedule (\(weekLimit.lowerBound)...\(weekLimit.upperBound)).")
    var weeks: Int?

    @Option(help: "Seed of the random choices (an unsigned 64-bit integer).")
    var seed: UInt64?

    @Option(help: "First day, YYYY-MM-DD (default 2026-07-01).")
    var start: String?

    @Flag(help: "Write the demo program (etc/demo/program.json) instead of a synthetic one.")
    var demo = false

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if demo {
            let given = [
                faculty.map { _ in "--faculty" }, residents.map { _ in "--residents" }, weeks.map { _ in "--weeks" },
                seed.map { _ in "--seed" }, start.map { _ in "--start" },
            ].compactMap { $0 }
            guard given.isEmpty else {
                throw ValidationError("--demo is a fixed program: drop \(given.joined(separator: ", ")).")
            }
            return
        }
        _ = try generator()
    }

    /// The generator the options describe, or the usage error that explains what is wrong.
    func generator() throws -> ProgramGenerator {
        let missing = [
            faculty == nil ? "--faculty" : nil, residents == nil ? "--residents" : nil, weeks == nil ? "--weeks" : nil,
            seed == nil ? "--seed" : nil,
        ].compactMap { $0 }
        guard missing.isEmpty, let faculty, let residents, let weeks, let seed else {
            throw ValidationError("Missing \(missing.joined(separator: ", ")) (or use --demo).")
        }
        try Self.check("--faculty", faculty, within: Self.countLimit)
        try Self.check("--residents", residents, within: Self.countLimit)
        try Self.check("--weeks", weeks, within: Self.weekLimit)
        var first = ProgramGenerator.academicYearStart
        if let start {
            guard let day = Day(iso: start) else {
                throw ValidationError("--start must be a date as YYYY-MM-DD (got \"\(start)\").")
            }
            first = day
        }
        return ProgramGenerator(faculty: faculty, residents: residents, weeks: weeks, seed: seed, start: first)
    }

    func run() throws {
        let program = demo ? DemoProgram.make() : try generator().generate()
        let text = ScheduleEncoder.encode(program)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("vigil: cannot write \(output): \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
    }

    private static func check(_ option: String, _ value: Int, within limit: ClosedRange<Int>) throws {
        guard limit.contains(value) else {
            throw ValidationError(
                "\(option) must be between \(limit.lowerBound) and \(limit.upperBound) (got \(value)).")
        }
    }
}
