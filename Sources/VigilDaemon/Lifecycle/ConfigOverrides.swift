import Foundation

/// What the command line says over the configuration file (`--data`, `--listen`).
///
/// Applied on start and again after every reload, so a reload never undoes a flag.
public struct ConfigOverrides: Sendable, Equatable {
    /// `--data DIR`: the database becomes `DIR/vigil.db` and secrets live in `DIR/secrets`.
    public var dataDirectory: String?
    /// `--listen ADDR`.
    public var listenAddress: String?

    public init(dataDirectory: String? = nil, listenAddress: String? = nil) {
        self.dataDirectory = dataDirectory
        self.listenAddress = listenAddress
    }

    public func apply(to config: VigilConfig) -> VigilConfig {
        var config = config
        if let dataDirectory {
            config.storage.path = (dataDirectory as NSString).appendingPathComponent("vigil.db")
        }
        if let listenAddress {
            config.web.listenAddress = listenAddress
        }
        return config
    }
}
