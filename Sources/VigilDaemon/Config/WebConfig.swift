/// Where the HTTP API and `/metrics` listen; kept apart from `global` as Prometheus keeps
/// `--web.listen-address` apart from its config.
public struct WebConfig: Sendable, Equatable {
    /// `host:port`; an empty host (`:9095`) means every interface.
    public var listenAddress: String

    public init(listenAddress: String = ConfigDefaults.listenAddress) {
        self.listenAddress = listenAddress
    }
}
