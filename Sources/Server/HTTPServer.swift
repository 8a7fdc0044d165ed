import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import Prometheus
import VigilCore

/// Everything the HTTP server needs, handed in by the daemon.
public struct HTTPServerSettings: Sendable {
    public var listen: ListenAddress
    public var apiToken: BearerToken
    /// TLS, basic-auth users and response headers; the daemon replaces its contents on reload.
    public var security: WebSecurityState
    public var registry: PrometheusCollectorRegistry
    public var clock: any VigilClock
    public var control: any DaemonControl
    /// The schedule and resilience routes' seam; nil leaves those routes out.
    public var schedule: (any ScheduleControl)?
    /// The series store and limits behind Prometheus' query API; nil leaves those routes out.
    public var query: QueryAPISettings?
    /// The rule groups behind `/api/v1/rules` and `/api/v1/alerts`; nil leaves those routes out.
    public var rules: RulesAPISettings?
    /// The alerting pipeline behind Alertmanager's API v2 and `/api/v1/notifications`; nil leaves
    /// those routes out.
    public var alertmanager: AlertmanagerAPISettings?
    /// Online backups (`POST /api/v1/admin/backup`); nil leaves the route out.
    public var admin: AdminSettings?
    /// The incidents behind `/api/v1/incidents`; nil leaves those routes out.
    public var incidents: (any IncidentControl)?
    /// Flags, configuration and scrape targets behind Prometheus' status routes; nil leaves
    /// `/api/v1/status/flags`, `/api/v1/status/config` and `/api/v1/targets` out.
    public var status: (any StatusControl)?
    /// The web pages (`/`, `/alerts`); nil leaves them out.
    public var pages: (any WebPages)?
    public var logger: Logger
    /// Called with the bound port once the server accepts connections (port 0 binds a free one).
    public var onListening: @Sendable (Int) async -> Void

    public init(
        listen: ListenAddress, apiToken: BearerToken, security: WebSecurityState = WebSecurityState(),
        registry: PrometheusCollectorRegistry, clock: any VigilClock, control: any DaemonControl,
        schedule: (any ScheduleControl)? = nil,
        query: QueryAPISettings? = nil, rules: RulesAPISettings? = nil,
        alertmanager: AlertmanagerAPISettings? = nil, incidents: (any IncidentControl)? = nil,
        admin: AdminSettings? = nil, status: (any StatusControl)? = nil, pages: (any WebPages)? = nil,
        logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.admin = admin
        self.status = status
        self.pages = pages
        self.incidents = incidents
        self.rules = rules
        self.alertmanager = alertmanager
        self.listen = listen
        self.apiToken = apiToken
        self.security = security
        self.registry = registry
        self.clock = clock
        self.control = control
        self.schedule = schedule
        self.query = query
        self.logger = logger
        self.onListening = onListening
    }
}

/// Builds Vigil's Hummingbird application: middleware (metrics, JSON errors, body limit) and
/// the routes of this and later issues. The application is a `Service`: the daemon runs it in
/// its `ServiceGroup`, and graceful shutdown lets in-flight requests finish.
public enum HTTPServer {
    /// The router with every route and middleware; `extraRoutes` lets later parts add theirs.
    public static func makeRouter(
        _ settings: HTTPServerSettings,
        extraRoutes: (Router<VigilRequestContext>) -> Void = { _ in }
    ) -> Router<VigilRequestContext> {
        let router = Router(context: VigilRequestContext.self)
        router.add(
            middleware: MetricsMiddleware(metrics: HTTPMetrics(registry: settings.registry), clock: settings.clock))
        router.add(middleware: SecurityMiddleware(security: settings.security, token: settings.apiToken))
        router.add(middleware: ErrorEnvelopeMiddleware())
        router.add(middleware: ScheduleUploadLimitMiddleware(other: BodyLimitMiddleware()))
        LifecycleRoutes(control: settings.control).register(on: router)
        MetricsRoute(registry: settings.registry).register(on: router)
        BuildInfoRoute().register(on: router)
        StatusRoutes(registry: settings.registry, control: settings.status, clock: settings.clock).register(on: router)
        if let schedule = settings.schedule {
            ScheduleRoutes(control: schedule).register(on: router)
            ResilienceRoutes(control: schedule).register(on: router)
        }
        if let rules = settings.rules {
            RulesRoutes(settings: rules).register(on: router)
        }
        if let alertmanager = settings.alertmanager {
            AlertmanagerRoutes(settings: alertmanager, clock: settings.clock)
                .register(on: router)
        }
        if let incidents = settings.incidents {
            IncidentRoutes(control: incidents).register(on: router)
        }
        if let pages = settings.pages {
            PageRoutes(
                // A key of its own, made at start: receivers know the webhook secret, so it must not be
                // derived from that; a form older than a restart is refused and reloaded.
                pages: pages, csrf: PageCSRF(secret: (0..<32).map { _ in UInt8.random(in: 0...255) }),
                clock: settings.clock
            ).register(on: router)
        }
        if let admin = settings.admin {
            AdminRoutes(settings: admin).register(on: router)
        }
        if let query = settings.query {
            let clock = settings.clock
            let api = QueryAPI(settings: query) { Int64((clock.now().timeIntervalSince1970 * 1000).rounded(.down)) }
            QueryRoutes(api: api).register(on: router)
        }
        extraRoutes(router)
        return router
    }

    /// The runnable server: HTTPS when the settings' security has TLS when it starts (turning TLS on
    /// or off takes a restart; a new certificate and key apply to the next handshake).
    public static func makeApplication(
        _ settings: HTTPServerSettings,
        extraRoutes: (Router<VigilRequestContext>) -> Void = { _ in }
    ) throws -> Application<RouterResponder<VigilRequestContext>> {
        let onListening = settings.onListening
        let logger = settings.logger
        let security = settings.security
        var server: HTTPServerBuilder = .http1()
        if let tls = security.current.tls {
            server = try .tls(server, configuration: tls.configuration { security.current.tls })
        }
        return Application(
            router: makeRouter(settings, extraRoutes: extraRoutes),
            server: server,
            configuration: .init(
                address: .hostname(settings.listen.host, port: settings.listen.port),
                serverName: "vigil"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.listen.port
                logger.info("listening", metadata: ["address": "\(settings.listen.host):\(port)"])
                await onListening(port)
            },
            logger: logger
        )
    }
}
