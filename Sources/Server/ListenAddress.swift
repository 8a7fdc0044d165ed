/// A `host:port` the server binds to, as `web.listen_address` and `--listen` spell it.
///
/// Accepts `127.0.0.1:9095`, `[::1]:9095`, `localhost:9095` and Prometheus' `:9095` (all
/// interfaces); port 0 asks the kernel for a free port (used by tests).
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`; nil when it is not one.
    public init?(parsing text: String) {
        var hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]:") else { return nil }
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else { return nil }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        }
        guard let port = Int(portPart), (0...65535).contains(port), !portPart.hasPrefix("+") else { return nil }
        if hostPart.isEmpty { hostPart = "0.0.0.0" }
        self.host = String(hostPart)
        self.port = port
    }

    /// Whether only this machine can connect (`127.x.x.x`, `::1`, `localhost`).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
