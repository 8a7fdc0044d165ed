import ServiceLifecycle

/// The scrapers' place in the daemon's `ServiceGroup`: starts the configured targets, keeps them
/// running until graceful shutdown, then stops them. Reloads reach the ``ScrapeManager`` through
/// the evaluation tick.
public struct ScrapeService: Service {
    let manager: ScrapeManager
    let configuration: @Sendable () async -> (configs: [ScrapeConfig], global: GlobalConfig)

    public init(
        manager: ScrapeManager,
        configuration: @escaping @Sendable () async -> (configs: [ScrapeConfig], global: GlobalConfig)
    ) {
        self.manager = manager
        self.configuration = configuration
    }

    public func run() async throws {
        let (configs, global) = await configuration()
        await manager.sync(configs: configs, global: global)
        try? await gracefulShutdown()
        await manager.stopAll()
    }
}
