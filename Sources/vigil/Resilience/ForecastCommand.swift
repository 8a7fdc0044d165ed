import ArgumentParser
import Resilience
import Schedule

/// `vigil resilience forecast`: the coming days one by one, from the schedule and its known
/// absences — what a coordinator reads to see the RED weeks before they arrive.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Day-by-day utilization forecast of a schedule over [from, from + days) (exit 0, 1 on an invalid "
            + "schedule)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "The schedule JSON file.")
    var schedule: String

    @Option(name: .long, help: "First day, YYYY-MM-DD (default: today in the program's time zone).")
    var from: String?

    @Option(name: .long, help: "Days of the horizon (1...366).")
    var days: Int = ForecastSettings.standard.horizonDays

    @Option(name: .long, help: "Output: text or json.")
    var format: Format = .text

    func validate() throws {
        guard (1...366).contains(days) else { throw ValidationError("--days must be between 1 and 366, not \(days)") }
        if let from, Day(iso: from) == nil {
            throw ValidationError("--from must be a date YYYY-MM-DD, not \"\(from)\"")
        }
    }

    func run() throws {
        let program = try ScheduleFile.load(schedule)
        let start = from.flatMap { Day(iso: $0) } ?? CalendarToday.day(timezone: program.timezone)
        let forecast = Forecast(program: program, horizon: ScheduleWindow(from: start, days: days))
        switch format {
        case .text: print(forecast.text(), terminator: "")
        case .json: print(forecast.json(), terminator: "")
        }
    }
}
