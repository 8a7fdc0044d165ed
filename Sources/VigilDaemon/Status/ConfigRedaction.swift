import Foundation
import Yams

/// The configuration as `/api/v1/status/config` shows it: the file in force, re-written from its
/// parsed form (comments dropped, as Prometheus shows its loaded configuration) with every secret
/// — passwords, tokens, keys, credentials, and gateway URLs, which carry their secret in the path
/// — replaced by `<secret>`, as Prometheus and Alertmanager do.
enum ConfigRedaction {
    static let secretKeys: Set<String> = [
        "url", "api_url", "webhook_url", "password", "auth_password", "auth_secret", "bearer_token",
        "credentials", "api_key", "routing_key", "service_key", "client_secret", "secret", "token", "auth_token", "key",
    ]
    /// Maps whose keys are names and whose values are all secret (bcrypt hashes, header values
    /// carrying `Authorization` or API keys).
    static let secretMaps: Set<String> = ["basic_auth_users", "headers", "http_headers"]

    static func isSecret(_ key: String) -> Bool {
        secretKeys.contains(key) || key.hasSuffix("_password") || key.hasSuffix("_secret")
            || key.hasSuffix("_token") || key.hasSuffix("api_url")
            || key.hasSuffix("_key") && !key.hasSuffix("incident_key")
    }

    /// `text` with its secrets replaced; a text that does not parse (it was valid when loaded, so
    /// this does not happen) gives a comment saying so rather than the secrets.
    static func redacted(_ text: String) -> String {
        do {
            guard let node = try Yams.compose(yaml: text) else { return "" }
            return try Yams.serialize(node: redact(node))
        } catch {
            return "# the configuration in force cannot be shown: \(error)\n"
        }
    }

    static func redact(_ node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            let pairs = mapping.map { key, value -> (Node, Node) in
                guard let name = key.scalar?.string else { return (key, redact(value)) }
                if isSecret(name) { return (key, hidden(value)) }
                if secretMaps.contains(name), let inner = value.mapping {
                    let names = inner.map { ($0.key, hidden($0.value)) }
                    return (key, .mapping(Node.Mapping(names, inner.tag, inner.style, inner.mark)))
                }
                if name.hasSuffix("_url"), let text = value.scalar?.string {
                    return (key, Node(withoutUserInfo(text)))
                }
                return (key, redact(value))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map(redact), sequence.tag, sequence.style, sequence.mark))
        default:
            return node
        }
    }

    /// `<secret>` in place of a value of any shape; an empty value stays empty (nothing to hide).
    static func hidden(_ value: Node) -> Node {
        if let scalar = value.scalar, scalar.string.isEmpty { return value }
        return Node("<secret>")
    }

    /// `http://user:pass@proxy:3128` → `http://<secret>@proxy:3128`.
    static func withoutUserInfo(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return url }
        return url[..<scheme.upperBound] + "<secret>" + rest[at...]
    }
}
