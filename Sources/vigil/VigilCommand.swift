import ArgumentParser
import VigilDaemon

/// `vigil`: the daemon and its command-line tools.
struct VigilCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigil",
        abstract: "Keeps watch over a residency program's schedule and alerts before it becomes unsafe.",
        version: BuildInfo.version,
        subcommands: [
            RunCommand.self, CheckCommand.self, TestCommand.self, QueryCommand.self, ResilienceCommand.self,
            AlertsCommand.self, SilenceCommand.self,
        ]
    )
}
