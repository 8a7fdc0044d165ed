import ArgumentParser
import VigilCore
import VigilDaemon

/// `vigil`: the daemon and its command-line tools.
struct VigilCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigil",
        abstract: "Keeps watch over a residency program's schedule and alerts before it becomes unsafe.",
        version: BuildInfo.text,
        subcommands: [
            RunCommand.self, CheckCommand.self, TestCommand.self, QueryCommand.self, ResilienceCommand.self,
            AlertsCommand.self, SilenceCommand.self, AckCommand.self, IncidentCommand.self, RunbookCommand.self,
            OnCallCommand.self,
            AdminCommand.self,
        ]
    )
}
