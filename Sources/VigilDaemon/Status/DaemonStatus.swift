import Foundation
import Server

/// The daemon's answers to Prometheus' status routes: its flags, the configuration in force with
/// secrets redacted, the scrape targets' health. Reads only; wiring over the services that hold
/// the facts.
struct DaemonStatus: StatusControl {
    let state: DaemonState
    let scrapes: ScrapeManager
    let source: ConfigSource
    let listen: String
    let extraFlags: [String: String]

    func flags() async -> [(name: String, value: String)] {
        let config = await state.config
        var flags = extraFlags
        flags["config.file"] = config.sourcePath ?? ""
        flags["web.listen-address"] = listen
        flags["storage.path"] = config.storage.path
        flags["log.level"] = flags["log.level"] ?? "info"
        flags["log.format"] = flags["log.format"] ?? "logfmt"
        return flags.map { ($0.key, $0.value) }
    }

    func configYAML() async -> String {
        let config = await state.config
        guard let text = config.sourceText else {
            return "# no configuration file: Vigil runs on its embedded defaults (\(source))\n"
        }
        return ConfigRedaction.redacted(text)
    }

    func targets() async -> [TargetStatus] {
        await scrapes.targets
    }
}
