import ArgumentParser

/// `vigil resilience …`: the resilience engine from the command line (synthetic programs, and the
/// engine's report and emergency assessment as they land: add each to `subcommands`).
struct ResilienceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resilience",
        abstract: "Resilience engine tools: generate programs; report on, forecast or advise on a schedule; "
            + "assess an emergency.",
        subcommands: [
            GenerateCommand.self, ReportCommand.self, ForecastCommand.self, AdviseCommand.self, EmergencyCommand.self,
        ]
    )
}
