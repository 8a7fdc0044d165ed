import Foundation
import HummingbirdBcrypt
import TestSupport
import Testing
import Transport

#if canImport(Glibc)
    import Glibc
#endif

/// No secret is ever logged: `vigil run --log.level=debug` with every kind of secret configured,
/// made to use each of them (gateways that refuse connections, wrong and right credentials, a
/// reload), and its whole output searched for their values.
@Suite struct SecretsNeverLoggedTests {
    @Test func noSecretValueAppearsInTheDebugLog() async throws {
        let directory = TestDirectory()
        let secrets = [
            "api token": "api-token-" + UUID().uuidString,
            "webhook signing secret": "webhook-secret-" + UUID().uuidString,
            "webhook bearer credentials": "bearer-" + UUID().uuidString,
            "webhook basic auth password": "gateway-password-" + UUID().uuidString,
            "SMTP password": "smtp-password-" + UUID().uuidString,
            "web user password": "user-password-" + UUID().uuidString,
            "PagerDuty routing key": "pd-routing-" + UUID().uuidString,
            // Wrong credentials are often a typo away from the right ones.
            "a wrong password": "wrong-password-" + UUID().uuidString,
            "a wrong token": "wrong-token-" + UUID().uuidString,
        ]
        let port = try Self.closedPort()
        try directory.write(
            "web.yml", "basic_auth_users:\n  coordinator: '\(Bcrypt.hash(secrets["web user password"]!, cost: 4))'\n")
        try directory.write(
            "escalation.yml",
            "route:\n  receiver: pager\n  group_by: [alertname]\n  group_wait: 0s\n  group_interval: 1s\n")
        let config = try directory.write(
            "vigil.yml",
            """
            global:
              evaluation_interval: 15s
              smtp_smarthost: "127.0.0.1:\(port)"
              smtp_from: "vigil@program.example"
              smtp_auth_username: vigil
              smtp_auth_password: "\(secrets["SMTP password"]!)"
              smtp_require_tls: false
            web:
              config_file: web.yml
            storage:
              path: data/vigil.db
            escalation_files: [escalation.yml]
            receivers:
              - name: pager
                webhook_configs:
                  - url: "http://127.0.0.1:\(port)/bearer"
                    http_config:
                      authorization:
                        credentials: "\(secrets["webhook bearer credentials"]!)"
                  - url: "http://127.0.0.1:\(port)/basic"
                    http_config:
                      basic_auth:
                        username: gateway
                        password: "\(secrets["webhook basic auth password"]!)"
                email_configs:
                  - to: "oncall@program.example"
                pagerduty_configs:
                  - routing_key: "\(secrets["PagerDuty routing key"]!)"
                    url: "http://127.0.0.1:\(port)/v2/enqueue"
            """)
        let vigil = try VigilProcess(
            arguments: [
                "run", "--config", config, "--data", directory.file("data"), "--listen", "127.0.0.1:0",
                "--log.level=debug",
            ],
            environment: [
                "VIGIL_API_TOKEN": secrets["api token"]!, "VIGIL_WEBHOOK_SECRET": secrets["webhook signing secret"]!,
            ],
            directory: directory.path)
        let listening = try await vigil.waitForLine("the listening log line") {
            $0.contains("listening") && $0.contains("address=")
        }
        let listeningPort = try #require(
            listening.split(separator: "address=127.0.0.1:").last.flatMap { Int($0.prefix { $0.isNumber }) })
        let base = "http://127.0.0.1:\(listeningPort)"
        let http = CurlTransport()
        func status(
            _ method: String, _ path: String, _ authorization: String? = nil, body: String? = nil
        ) async throws -> Int {
            var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
            if let authorization { headers.append(("Authorization", authorization)) }
            return try await http.perform(
                .init(method: method, url: base + path, headers: headers, body: body.map { Array($0.utf8) })
            ).status
        }
        let basic = { (password: String) in "Basic " + Data("coordinator:\(password)".utf8).base64EncodedString() }

        #expect(try await status("GET", "/metrics") == 401)
        #expect(try await status("GET", "/metrics", basic(secrets["a wrong password"]!)) == 401)
        #expect(try await status("GET", "/metrics", basic(secrets["web user password"]!)) == 200)
        #expect(try await status("GET", "/metrics", "Bearer \(secrets["a wrong token"]!)") == 401)
        #expect(try await status("POST", "/-/reload", "Bearer \(secrets["a wrong token"]!)") == 401)
        let alerts = #"[{"labels": {"alertname": "ShiftUncovered"}, "annotations": {"summary": "nobody on nights"}}]"#
        #expect(try await status("POST", "/api/v2/alerts", "Bearer \(secrets["a wrong token"]!)", body: alerts) == 401)
        #expect(try await status("POST", "/api/v2/alerts", "Bearer \(secrets["api token"]!)", body: alerts) == 200)

        // Every integration fails against the closed port, and says so.
        for integration in ["webhook[0]", "webhook[1]", "email[0]"] {
            _ = try await waitUntil("the failed delivery of \(integration) logged") {
                vigil.everything.split(separator: "\n").first {
                    $0.contains("notification delivery failed") && $0.contains("integration=\(integration)")
                }
            }
        }
        vigil.send(SIGHUP)
        _ = try await vigil.waitForLine("a successful reload") { $0.contains("configuration reloaded") }
        vigil.send(SIGTERM)
        #expect(await vigil.waitForExit(timeout: .seconds(10)) == 0)
        // The pipe may still hold the last lines; read until it closes.
        _ = try? await vigil.waitForLine("end of output", timeout: .seconds(5)) { _ in false }

        let output = vigil.everything
        #expect(output.contains("level=debug"), "the log is not at debug level, so it proves little")
        for (what, value) in secrets.sorted(by: { $0.key < $1.key }) {
            #expect(!output.contains(value), "the \(what) was logged")
        }
    }

    /// A loopback port nothing listens on: bound, read and closed again.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
