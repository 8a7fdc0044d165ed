import Foundation
import VigilCore

/// Value checks used while loading the configuration. Each returns a message for the person
/// editing the file, or nil when the value is acceptable; the YAML reader attaches the position.
enum ConfigChecks {
    static func positive(_ duration: PromDuration) -> String? {
        duration.milliseconds > 0 ? nil : "must be greater than 0"
    }

    static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? "must not be empty" : nil
    }

    /// `host:port` with a port in 1...65535; IPv6 hosts in brackets (`[::1]:9095`).
    static func hostPort(_ text: String) -> String? {
        hostPort(text, allowEmptyHost: false)
    }

    /// As ``hostPort(_:)``, but `:9095` (every interface) is accepted, as for a listen address.
    static func listenAddress(_ text: String) -> String? {
        hostPort(text, allowEmptyHost: true)
    }

    private static func hostPort(_ text: String, allowEmptyHost: Bool) -> String? {
        func invalid(_ why: String) -> String { "invalid address \"\(text)\": \(why); expected host:port" }
        let host: Substring
        let port: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return invalid("missing \"]\" after the IPv6 address") }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return invalid("missing :port after \"]\"") }
            port = rest.dropFirst()
            let ipv6Characters = CharacterSet(charactersIn: "0123456789abcdefABCDEF:.")
            guard host.contains(":"), host.unicodeScalars.allSatisfy(ipv6Characters.contains) else {
                return invalid("\"\(host)\" is not an IPv6 address")
            }
        } else {
            guard let colon = text.lastIndex(of: ":") else { return invalid("missing port") }
            host = text[..<colon]
            port = text[text.index(after: colon)...]
            if host.contains(":") { return invalid("IPv6 addresses must be in brackets, e.g. [::1]:9095") }
            if host.isEmpty && !allowEmptyHost { return invalid("missing host") }
            let hostCharacters = CharacterSet(charactersIn: "-._").union(asciiAlphanumerics)
            guard host.unicodeScalars.allSatisfy(hostCharacters.contains) else {
                return invalid("\"\(host)\" is not a host name or IP address")
            }
        }
        guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(port),
            (1...65_535).contains(number)
        else {
            return invalid("port must be a number from 1 to 65535")
        }
        return nil
    }

    /// An absolute `http://` or `https://` URL with a host.
    static func httpURL(_ text: String) -> String? {
        let problem = "invalid URL \"\(text)\": must be an absolute http:// or https:// URL with a host"
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else {
            return problem
        }
        if let port = components.port, !(1...65_535).contains(port) {
            return "invalid URL \"\(text)\": port must be from 1 to 65535"
        }
        return nil
    }

    /// As ``httpURL(_:)`` for a URL that is itself a secret (a Slack or Teams webhook, an SMS
    /// gateway with its key in the path): the problem names the scheme and host at most, never the
    /// path or query, so the error never prints the secret into `vigil check config` or the log.
    static func secretURL(_ text: String) -> String? {
        guard httpURL(text) != nil else { return nil }
        let components = URLComponents(string: text)
        let shown =
            components.flatMap { c in c.host.map { "\(c.scheme ?? "?")://\($0)/…" } }
            ?? "(not shown: it may hold a secret)"
        return
            "invalid URL \(shown): must be an absolute http:// or https:// URL with a host and a port from 1 to 65535"
    }

    /// A Prometheus label name: `[a-zA-Z_][a-zA-Z0-9_]*`.
    static func labelName(_ name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        let valid =
            scalars.first.map { isLabelStart($0) } == true
            && scalars.dropFirst().allSatisfy { isLabelStart($0) || ("0"..."9").contains($0) }
        return valid ? nil : "invalid label name \"\(name)\": must match [a-zA-Z_][a-zA-Z0-9_]*"
    }

    private static func isLabelStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static let asciiAlphanumerics = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// An email address (or a template producing one): must contain `@`.
    static func emailAddress(_ text: String) -> String? {
        if text.contains("{{") { return nil }
        return text.contains("@") ? nil : "invalid email address \"\(text)\": must contain \"@\""
    }

    /// A glob pattern as Prometheus accepts for `rule_files`: balanced `[...]`, no dangling `\`,
    /// and wildcards only in the last path component.
    static func globPattern(_ pattern: String) -> String? {
        if pattern.isEmpty { return "empty file pattern" }
        var inClass = false
        var escaped = false
        for character in pattern {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "[" && !inClass {
                inClass = true
            } else if character == "]" && inClass {
                inClass = false
            }
        }
        if escaped { return "invalid file pattern \"\(pattern)\": ends with an unfinished escape \"\\\"" }
        if inClass { return "invalid file pattern \"\(pattern)\": unclosed \"[\"" }
        let directoryPart = pattern.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        if directoryPart.contains(where: { $0.contains(where: { "*?[".contains($0) }) }) {
            return
                "invalid file pattern \"\(pattern)\": wildcards are allowed only in the file name, not in directories"
        }
        return nil
    }
}
