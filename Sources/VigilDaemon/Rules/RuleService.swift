import ServiceLifecycle

/// The rule groups' place in the daemon's `ServiceGroup`: the loops run until graceful shutdown, then
/// stop (an evaluation in progress finishes and saves its alerts first).
struct RuleService: Service {
    let manager: RuleManager

    func run() async throws {
        try? await gracefulShutdown()
        await manager.stopAll()
    }
}
