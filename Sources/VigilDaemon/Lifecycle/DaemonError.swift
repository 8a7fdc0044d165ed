import Alerting
import Rules
import Server
import Storage

/// Why the daemon could not start (or, for `listen`, could not keep its server up). Each case carries the underlying, already-readable error.
public enum DaemonError: Error, Sendable, CustomStringConvertible {
    case config(ConfigLoadError)
    case invalidListenAddress(String)
    case storage(StorageError)
    case secrets(SecretsError)
    case rules(RuleFileError)
    case escalation(EscalationFileError)
    case listen(ListenFailure)

    public var description: String {
        switch self {
        case .config(let error): return "invalid configuration:\n\(error)"
        case .escalation(let error): return "invalid escalation file:\n\(error)"
        case .invalidListenAddress(let text): return "invalid listen address \"\(text)\": expected host:port"
        case .storage(let error): return "\(error)"
        case .secrets(let error): return "\(error)"
        case .rules(let error): return "invalid rule files:\n\(error)"
        case .listen(let failure): return "\(failure)"
        }
    }
}
