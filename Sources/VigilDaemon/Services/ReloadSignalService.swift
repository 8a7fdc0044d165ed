import Logging
import Server
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP, as Prometheus and Alertmanager do.
public struct ReloadSignalService: Service {
    let control: any DaemonControl
    let logger: Logger

    public init(control: any DaemonControl, logger: Logger) {
        self.control = control
        self.logger = logger
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            logger.info("SIGHUP received; reloading the configuration")
            _ = await control.reload(actor: "sighup")
        }
    }
}
