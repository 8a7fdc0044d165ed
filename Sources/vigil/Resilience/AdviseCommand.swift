import ArgumentParser
import Resilience
import Schedule

/// `vigil resilience advise`: which faculty member to train in which rotation, in order of the
/// single points of failure and fatal pairs each training removes — the answer to "whom should
/// we cross-train, in what?".
struct AdviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Cross-training advice for a schedule over [from, from + days) (exit 0, 1 on an invalid schedule)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "The schedule JSON file.")
    var schedule: String

    @Option(name: .long, help: "First day, YYYY-MM-DD (default: today in the program's time zone).")
    var from: String?

    @Option(name: .long, help: "Days in the window (1...366).")
    var days: Int = 28

    @Option(name: .long, help: "How many trainings to work out, greedily (0...50).")
    var trainings: Int = AdviceSettings.standard.trainings

    @Option(name: .long, help: "Output: text or json.")
    var format: Format = .text

    func validate() throws {
        guard (1...366).contains(days) else { throw ValidationError("--days must be between 1 and 366, not \(days)") }
        guard (0...50).contains(trainings) else {
            throw ValidationError("--trainings must be between 0 and 50, not \(trainings)")
        }
        if let from, Day(iso: from) == nil {
            throw ValidationError("--from must be a date YYYY-MM-DD, not \"\(from)\"")
        }
    }

    func run() throws {
        let program = try ScheduleFile.load(schedule)
        let start = from.flatMap { Day(iso: $0) } ?? CalendarToday.day(timezone: program.timezone)
        let analysis = ContingencyAnalysis(
            index: WindowIndex(program: program, window: ScheduleWindow(from: start, days: days)))
        let advice = analysis.advice(contingency: analysis.report(), limit: trainings)
        switch format {
        case .text: print(advice.text(), terminator: "")
        case .json: print(advice.json(), terminator: "")
        }
    }
}
