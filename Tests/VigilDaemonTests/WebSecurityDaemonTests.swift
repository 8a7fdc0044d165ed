import Foundation
import HummingbirdBcrypt
import TestSupport
import Testing
import Transport

/// `vigil run` behind TLS and basic auth, configured by a web config file: what a client sees, and
/// a reload that changes the users or brings a broken file.
@Suite struct WebSecurityDaemonTests {
    static let token = String(repeating: "w", count: 40)

    static func webFile(users: [String: String]) -> String {
        """
        tls_server_config:
          cert_file: vigil-server.pem
          key_file: vigil-server.key
        http_server_config:
          headers:
            X-Content-Type-Options: nosniff
        basic_auth_users:
        \(users.map { "  \($0.key): '\($0.value)'" }.joined(separator: "\n"))

        """
    }

    static func basic(_ user: String, _ password: String) -> (name: String, value: String) {
        ("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
    }

    @Test(.enabled(if: TestCertificates.available, "needs the openssl command (make test-deps)"))
    func httpsWithBasicAuthAndAReloadThatKeepsTheRunningUsersOnABrokenFile() async throws {
        let directory = TestDirectory()
        let certificates = try TestCertificates(in: directory.path, name: "vigil")
        try directory.write("web.yml", Self.webFile(users: ["coordinator": Bcrypt.hash("first", cost: 4)]))
        let config = try directory.write(
            "vigil.yml", VigilProcessTests.goodConfig + "\nweb:\n  config_file: web.yml\n")
        let vigil = try VigilProcess(
            arguments: ["run", "--config", config, "--data", directory.file("data"), "--listen", "127.0.0.1:0"],
            environment: ["VIGIL_API_TOKEN": Self.token], directory: directory.path)
        let listening = try await vigil.waitForLine("the listening log line") {
            $0.contains("listening") && $0.contains("address=")
        }
        let port = try #require(
            listening.split(separator: "address=127.0.0.1:").last.flatMap { Int($0.prefix { $0.isNumber }) })
        let base = "https://127.0.0.1:\(port)"
        let tls = TLSOptions(caFile: certificates.caFile)
        let http = CurlTransport()
        func get(_ path: String, _ headers: [(name: String, value: String)] = []) async throws -> Int {
            try await http.perform(.init(url: base + path, headers: headers, tls: tls)).status
        }

        #expect(try await get("/-/healthy") == 200)
        #expect(try await get("/metrics") == 401)
        #expect(try await get("/metrics", [Self.basic("coordinator", "first")]) == 200)
        #expect(try await get("/metrics", [("Authorization", "Bearer \(Self.token)")]) == 200)
        let headers = try await http.perform(.init(url: base + "/-/ready", tls: tls))
        #expect(headers.header("X-Content-Type-Options") == "nosniff")

        // A broken file: the reload fails naming web.yml, line and column; the running users stay.
        try directory.write("web.yml", "basic_auth_users:\n  coordinator: plaintext\n")
        vigil.send(SIGHUP)
        let failure = try await vigil.waitForLine("a failed reload") { $0.contains("configuration reload failed") }
        #expect(failure.contains(directory.file("web.yml") + ":2:16"), "\(failure)")
        #expect(try await get("/metrics", [Self.basic("coordinator", "first")]) == 200)

        // New users apply at the next request after a good reload.
        try directory.write("web.yml", Self.webFile(users: ["oncall": Bcrypt.hash("second", cost: 4)]))
        vigil.send(SIGHUP)
        _ = try await vigil.waitForLine("a successful reload") { $0.contains("configuration reloaded") }
        #expect(try await get("/metrics", [Self.basic("coordinator", "first")]) == 401)
        #expect(try await get("/metrics", [Self.basic("oncall", "second")]) == 200)

        vigil.send(SIGTERM)
        #expect(await vigil.waitForExit(timeout: .seconds(10)) == 0)
    }

    @Test func listeningBeyondLoopbackUnprotectedIsWarnedAbout() async throws {
        let directory = TestDirectory()
        let config = try directory.write("vigil.yml", VigilProcessTests.goodConfig)
        let vigil = try VigilProcess(
            arguments: ["run", "--config", config, "--data", directory.file("data"), "--listen", "0.0.0.0:0"],
            directory: directory.path)
        let warning = try await vigil.waitForLine("the warning") { $0.contains("listening beyond loopback") }
        #expect(warning.contains("neither TLS nor basic auth"))
        _ = try await vigil.waitForLine("the listening log line") {
            $0.contains("listening") && $0.contains("address=")
        }
        vigil.send(SIGTERM)
        #expect(await vigil.waitForExit(timeout: .seconds(10)) == 0)
    }
}
