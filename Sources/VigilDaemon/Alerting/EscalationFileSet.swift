import Alerting
import Foundation
import Notify

/// The escalation files a configuration names, read all together and checked against its receivers.
public enum EscalationFileSet {
    /// The receiver everything goes to when no file defines a route: the first configured one, or
    /// `default` (the local notifications file) when there is none.
    public static func fallbackReceiver(of config: VigilConfig) -> String {
        config.receivers.first?.name ?? "default"
    }

    /// Reads every file the `escalation_files` patterns match; all or nothing.
    public static func load(for config: VigilConfig) throws(EscalationFileError) -> EscalationConfig {
        try EscalationFileParser.load(
            paths: RuleFileSet.paths(for: config.escalationFiles), receivers: Set(config.receivers.map(\.name)),
            fallbackReceiver: fallbackReceiver(of: config))
    }
}
