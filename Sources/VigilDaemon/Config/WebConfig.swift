import Server

/// Where the HTTP API and `/metrics` listen, and how they are protected; kept apart from `global`
/// as Prometheus keeps `--web.listen-address` and `--web.config.file` apart from its config.
public struct WebConfig: Sendable, Equatable {
    /// `host:port`; an empty host (`:9095`) means every interface.
    public var listenAddress: String
    /// TLS, basic-auth users and response headers (`config_file`, or the sections inline).
    public var security: WebSecurity

    public init(listenAddress: String = ConfigDefaults.listenAddress, security: WebSecurity = WebSecurity()) {
        self.listenAddress = listenAddress
        self.security = security
    }
}
