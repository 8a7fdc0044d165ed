import ArgumentParser
import Foundation
import Resilience
import Schedule

/// `vigil resilience emergency`: "Dr. X is out from D1 to D2 — what breaks, and who covers?"
/// A dry run: it proposes a repair and never edits the schedule.
struct EmergencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emergency",
        abstract: "What losing one person for some days does, and the repair Vigil recommends."
    )

    @Option(name: .long, help: "The schedule JSON file.")
    var schedule: String

    @Option(name: .long, help: "Id of the person who is out.")
    var person: String

    @Option(name: .long, help: "First day out, YYYY-MM-DD.")
    var from: String

    @Option(name: .long, help: "Last day out (inclusive), YYYY-MM-DD.")
    var to: String

    @Option(name: .long, help: "Output: text or json.")
    var format: ReportCommand.Format = .text

    func validate() throws {
        guard let first = Day(iso: from) else { throw ValidationError("--from must be a date YYYY-MM-DD") }
        guard let last = Day(iso: to) else { throw ValidationError("--to must be a date YYYY-MM-DD") }
        guard first <= last else { throw ValidationError("--to (\(to)) is before --from (\(from))") }
        guard format != .prometheus else { throw ValidationError("--format must be text or json") }
    }

    func run() throws {
        let program = try ScheduleFile.load(schedule)
        guard let first = Day(iso: from), let last = Day(iso: to) else { throw ExitCode.validationFailure }
        let assessment: EmergencyAssessment
        do {
            assessment = try EmergencyAssessor.assess(program: program, person: person, from: first, to: last)
        } catch {
            FileHandle.standardError.write(Data("vigil: \(error)\n".utf8))
            throw ExitCode.failure
        }
        print(format == .json ? assessment.json() : assessment.text(), terminator: "")
    }
}
