import Alerting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import Logging
import NIOSSL
import Prometheus
import Server
import ServiceLifecycle
import TestSupport
import Testing
import TimeSeries
import Transport
import VigilCore

/// The HTTP surface's protection: ``AccessPolicy`` walked over every route the server has, basic
/// auth with bcrypt hashes, response headers, and TLS (with client certificates and a certificate
/// replaced while running) against the real server over loopback.
@Suite struct SecurityTests {
    static let token = String(repeating: "k", count: 40)
    static let user = "coordinator"
    static let password = "correct horse battery staple"
    /// Cost 4: the lowest bcrypt allows, so the tests stay quick.
    static let hash = Bcrypt.hash(password, cost: 4)
    static let headers = ["X-Frame-Options": "deny", "Content-Security-Policy": "default-src 'self'"]

    // MARK: The policy table

    @Test(arguments: [
        ("GET", "/-/healthy", AccessPolicy.Requirement.open), ("HEAD", "/-/ready", .open),
        ("GET", "/metrics", .read), ("GET", "/api/v2/alerts", .read), ("POST", "/api/v1/query", .read),
        ("POST", "/api/v1/query_range", .read), ("POST", "/api/v1/label/job/values", .read),
        ("POST", "/api/v2/alerts", .write), ("POST", "/-/reload", .write), ("PUT", "/-/reload", .write),
        ("DELETE", "/api/v2/silence/x", .write), ("PUT", "/api/v1/schedule", .write),
        ("PATCH", "/api/v1/anything", .write), ("POST", "/-/healthy", .write), ("GET", "/api/v1/query/", .read),
        ("GET", "/api/v1/status/buildinfo", .read), ("POST", "/api/v1/admin/backup", .write),
        ("POST", "/api/v1/acks", .signed), ("GET", "/ack/abc.def", .signed), ("POST", "/ack/abc.def", .signed),
        ("GET", "/ack/abc/def", .read), ("PUT", "/ack/abc", .write), ("GET", "/static/ack.css", .open),
        ("POST", "/api/v1/groups/x/ack", .write), ("POST", "/ui/ack", .page),
        ("POST", "/ui/incidents/INC-1/phase", .page),
        ("GET", "/", .read), ("GET", "/alerts", .read), ("GET", "/static/vigil.css", .open),
        ("POST", "/api/v1/query_exemplars", .read),
    ])
    func eachRouteFallsUnderOneRequirement(method: String, path: String, expected: AccessPolicy.Requirement) throws {
        let method = try #require(HTTPRequest.Method(method))
        #expect(AccessPolicy.requirement(method: method, path: path) == expected)
    }

    // MARK: Every route, three kinds of credentials

    @Test func everyRouteAsksForTheCredentialsItsPolicyNames() async throws {
        let security = WebSecurityState(WebSecurity(basicAuthUsers: [Self.user: Self.hash], headers: Self.headers))
        let settings = Self.settings(security: security)
        let routes = HTTPServer.makeRouter(settings).routes.map {
            ($0.method.rawValue, Self.concrete($0.path.description))
        }
        // The router is complete: reads and writes of every part of the API are there.
        for expected in [
            ("POST", "/api/v2/alerts"), ("PUT", "/api/v1/schedule"), ("GET", "/api/v1/rules"),
            ("GET", "/api/v1/status/buildinfo"), ("POST", "/api/v1/admin/backup"),
        ] {
            #expect(routes.contains { $0 == expected }, "\(expected) missing from the router")
        }
        try await Self.withServer(settings) { base in
            for (method, path) in routes {
                let requirement = AccessPolicy.requirement(method: HTTPRequest.Method(method)!, path: path)
                let url = base + path
                let none = try await send(method, url)
                let wrongUser = try await send(method, url, headers: [Self.basic(Self.user, "wrong")])
                let wrongToken = try await send(method, url, headers: [("Authorization", "Bearer nope")])
                let rightUser = try await send(method, url, headers: [Self.basic(Self.user, Self.password)])
                let rightToken = try await send(method, url, headers: [("Authorization", "Bearer \(Self.token)")])
                let label = "\(method) \(path) (\(requirement))"
                switch requirement {
                case .open:
                    for response in [none, wrongUser, wrongToken] { #expect(response.status != 401, "\(label)") }
                case .read:
                    for response in [none, wrongUser, wrongToken] { #expect(response.status == 401, "\(label)") }
                    #expect(none.header("WWW-Authenticate") == "Basic realm=\"vigil\"", "\(label)")
                    #expect(rightUser.status != 401, "\(label) refused the right password")
                    #expect(rightToken.status != 401, "\(label) refused the API token")
                case .signed:
                    // No request here carries a signature: the route refuses each, credentials or not.
                    for response in [none, wrongUser, wrongToken, rightUser, rightToken] {
                        #expect(response.status == 401, "\(label) answered \(response.status) without a signature")
                    }
                case .page:
                    for response in [none, wrongUser, wrongToken, rightToken] {
                        #expect(response.status == 401, "\(label) answered \(response.status) without a web user")
                    }
                    #expect(rightUser.status != 401, "\(label) refused the right password")
                case .write:
                    for response in [none, wrongUser, wrongToken, rightUser] {
                        #expect(response.status == 401, "\(label) answered \(response.status) without the token")
                    }
                    #expect(rightToken.status != 401, "\(label) refused the API token")
                }
                for response in [none, rightToken] {
                    #expect(response.header("X-Frame-Options") == "deny", "\(label): headers missing")
                    #expect(response.header("Content-Security-Policy") == "default-src 'self'", "\(label)")
                }
            }
        }
    }

    @Test func withoutUsersReadsAreOpenAndWritesStillNeedTheToken() async throws {
        try await Self.withServer(Self.settings(security: WebSecurityState())) { base in
            let metrics = try await send("GET", base + "/metrics")
            let alerts = try await send("GET", base + "/api/v2/alerts")
            let reload = try await send("POST", base + "/-/reload")
            let reloadAsUser = try await send("POST", base + "/-/reload", headers: [Self.basic(Self.user, "x")])
            #expect(metrics.status == 200)
            #expect(alerts.status == 200)
            #expect(reload.status == 401)
            #expect(reloadAsUser.status == 401)
        }
    }

    @Test func changedUsersApplyToTheNextRequest() async throws {
        let security = WebSecurityState(WebSecurity(basicAuthUsers: [Self.user: Self.hash]))
        try await Self.withServer(Self.settings(security: security)) { base in
            let old = Self.basic(Self.user, Self.password)
            let before = try await send("GET", base + "/metrics", headers: [old])
            security.update(WebSecurity(basicAuthUsers: ["oncall": Bcrypt.hash("pager", cost: 4)]))
            let after = try await send("GET", base + "/metrics", headers: [old])
            let newUser = try await send("GET", base + "/metrics", headers: [Self.basic("oncall", "pager")])
            #expect(before.status == 200)
            #expect(after.status == 401, "a removed user still reads")
            #expect(newUser.status == 200)
        }
    }

    @Test(arguments: ["", "Basic", "Basic !!!", "Basic " + Data("nocolon".utf8).base64EncodedString(), "Bearer x"])
    func malformedBasicCredentialsAreRefused(header: String) {
        let security = WebSecurityState(WebSecurity(basicAuthUsers: [Self.user: Self.hash]))
        #expect(!security.authorizesBasic(header))
    }

    // MARK: TLS

    @Test(.enabled(if: TestCertificates.available, "needs the openssl command (make test-deps)"))
    func tlsServesHTTPSAndANewCertificateAppliesToTheNextConnection() async throws {
        let directory = TestDirectory()
        let first = try TestCertificates(in: directory.path, name: "first")
        let second = try TestCertificates(in: directory.path, name: "second")
        let security = WebSecurityState(WebSecurity(tls: try Self.tls(first)))
        try await Self.withServer(Self.settings(security: security), scheme: "https") { base in
            let firstCA = TLSOptions(caFile: first.caFile)
            let healthy = try await Self.get(base + "/-/healthy", tls: firstCA)
            #expect(healthy.status == 200)
            // Plain HTTP to the TLS port gets no answer a client could take for one.
            let plain = base.replacingOccurrences(of: "https://", with: "http://")
            #expect((try? await send("GET", plain + "/-/healthy"))?.status != 200)

            security.update(WebSecurity(tls: try Self.tls(second)))
            await #expect(throws: TransportError.self) { try await Self.get(base + "/-/healthy", tls: firstCA) }
            let renewed = try await Self.get(base + "/-/healthy", tls: TLSOptions(caFile: second.caFile))
            #expect(renewed.status == 200)
        }
    }

    @Test(.enabled(if: TestCertificates.available, "needs the openssl command (make test-deps)"))
    func mutualTLSRefusesAClientWithoutACertificate() async throws {
        let directory = TestDirectory()
        let certificates = try TestCertificates(in: directory.path)
        var tls = try Self.tls(certificates)
        tls.clientAuth = .requireAndVerify
        tls.clientCAs = try NIOSSLCertificate.fromPEMFile(certificates.caFile)
        try await Self.withServer(Self.settings(security: WebSecurityState(WebSecurity(tls: tls))), scheme: "https") {
            base in
            await #expect(throws: TransportError.self) {
                try await Self.get(base + "/-/healthy", tls: TLSOptions(caFile: certificates.caFile))
            }
            let client = TLSOptions(
                caFile: certificates.caFile, certFile: certificates.clientCertFile,
                keyFile: certificates.clientKeyFile)
            let mutual = try await Self.get(base + "/-/healthy", tls: client)
            #expect(mutual.status == 200)
        }
    }

    // MARK: Helpers

    static func tls(_ certificates: TestCertificates) throws -> TLSServerSettings {
        TLSServerSettings(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificates.serverCertFile),
            privateKey: try NIOSSLPrivateKey(file: certificates.serverKeyFile, format: .pem))
    }

    static func get(_ url: String, tls: TLSOptions) async throws -> Transport.HTTPResponse {
        try await CurlTransport().perform(Transport.HTTPRequest(url: url, tls: tls))
    }

    static func basic(_ user: String, _ password: String) -> (name: String, value: String) {
        ("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
    }

    /// A route's path with its parameters filled in.
    static func concrete(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") || part.hasPrefix(":") ? "x" : String(part)
        }.joined(separator: "/")
    }

    /// Settings with every part of the API present.
    static func settings(security: WebSecurityState) -> HTTPServerSettings {
        var logger = Logger(label: "security-test")
        logger.logLevel = .critical
        let pipeline = AlertPipeline(
            config: AlertPipelineConfig(
                escalation: .fallback(receiver: "team"), planner: NotificationPlanner(receivers: [:])),
            store: nil, recorder: DiscardingRecorder(), logger: logger)
        return HTTPServerSettings(
            listen: ListenAddress(host: "127.0.0.1", port: 0), apiToken: BearerToken(token), security: security,
            registry: PrometheusCollectorRegistry(), clock: ManualClock(), control: ScriptedControl(),
            schedule: ScriptedScheduleControl(), query: QueryAPISettings(store: SeriesStore()),
            rules: RulesAPISettings { [] },
            alertmanager: AlertmanagerAPISettings(
                pipeline: pipeline, receivers: { ["team"] }, originalConfig: { "" }, startedAt: 0, version: "test",
                notifications: EmptyOutbox(), audit: { _, _, _ in }),
            admin: AdminSettings { ["name": "test"] },
            logger: logger)
    }

    static func withServer(
        _ settings: HTTPServerSettings, scheme: String = "http", _ body: @Sendable (String) async throws -> Void
    ) async throws {
        var settings = settings
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        settings.onListening = { portContinuation.yield($0) }
        let app = try HTTPServer.makeApplication(settings)
        let services = ServiceGroup(
            services: [app], gracefulShutdownSignals: [], cancellationSignals: [], logger: settings.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            do {
                try await body("\(scheme)://127.0.0.1:\(port)")
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }
}

private struct DiscardingRecorder: NotificationRecorder {
    func record(_ notifications: [GroupNotification]) throws {}
}

private struct EmptyOutbox: NotificationOutboxView {
    func list(state: String?, limit: Int) async throws -> [NotificationSummary] { [] }
    func retry(id: String, now: Int64) async throws -> Bool { false }
}
