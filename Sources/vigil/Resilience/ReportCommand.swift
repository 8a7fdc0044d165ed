import ArgumentParser
import Foundation
import Resilience
import Schedule

/// `vigil resilience report`: the engine's view of a schedule file, offline — what a coordinator
/// runs before publishing a schedule, and what scripts read as JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Resilience report of a schedule over [from, from + days) (exit 0, 1 on an invalid schedule)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, prometheus
    }

    @Option(name: .long, help: "The schedule JSON file.")
    var schedule: String

    @Option(name: .long, help: "First day of the window, YYYY-MM-DD (default: today in the program's time zone).")
    var from: String?

    @Option(name: .long, help: "Days in the window (1...731).")
    var days: Int = 28

    @Option(name: .long, help: "Output: text, json or prometheus.")
    var format: Format = .text

    @Option(name: .long, help: "Load-shedding level in force, 0...5 or NORMAL..CRITICAL (default NORMAL).")
    var sheddingLevel: String = "0"

    @Option(name: .long, help: "An activated static-stability fallback (e.g. holiday_skeleton).")
    var fallback: String?

    @Flag(name: .customLong("no-n2"), help: "Skip N-2 (pairs of faculty).")
    var skipN2 = false

    func validate() throws {
        guard (1...731).contains(days) else { throw ValidationError("--days must be between 1 and 731, not \(days)") }
        if let from, Day(iso: from) == nil {
            throw ValidationError("--from must be a date YYYY-MM-DD, not \"\(from)\"")
        }
        guard LoadSheddingLevel(parsing: sheddingLevel) != nil else {
            throw ValidationError("--shedding-level must be 0...5 or NORMAL, YELLOW, ORANGE, RED, BLACK, CRITICAL")
        }
        if let fallback, FallbackScenario(rawValue: fallback) == nil {
            let names = FallbackScenario.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--fallback must be one of \(names)")
        }
    }

    func run() throws {
        let program = try ScheduleFile.load(schedule)
        let start = from.flatMap { Day(iso: $0) } ?? CalendarToday.day(timezone: program.timezone)
        var settings = ResilienceSettings.standard
        settings.computeN2 = !skipN2
        let state = EngineState(
            sheddingLevel: LoadSheddingLevel(parsing: sheddingLevel) ?? .normal,
            activeFallback: fallback.flatMap(FallbackScenario.init(rawValue:)))
        let report = ResilienceEngine(settings: settings).evaluate(
            program: program, window: ScheduleWindow(from: start, days: days), state: state)
        switch format {
        case .text: print(report.text(), terminator: "")
        case .json: print(report.json(), terminator: "")
        case .prometheus: print(PrometheusText.render(report.samples() + report.violationCounts()), terminator: "")
        }
    }
}
