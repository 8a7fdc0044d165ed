import Foundation
import HummingbirdBcrypt
import NIOSSL
import Server
import TestSupport
import Testing
import VigilCore
import VigilDaemon

/// `web.config_file` and the inline `web:` sections in the exporter-toolkit schema: what loads, and
/// every mistake reported at its file, line and column.
@Suite struct WebSecurityConfigTests {
    let directory = TestDirectory()
    static let hash = Bcrypt.hash("pager", cost: 4)

    private func load(web: String, file: String? = nil) throws -> VigilConfig {
        if let file { try directory.write("etc/web.yml", file) }
        let path = try directory.write("etc/vigil.yml", "web:\n" + web)
        return try ConfigLoader.load(path: path)
    }

    private func errors(web: String, file: String? = nil) throws -> [String] {
        do {
            _ = try load(web: web, file: file)
            Issue.record("expected the configuration to be rejected")
            return []
        } catch let error as ConfigLoadError {
            return error.errors.map(\.description)
        }
    }

    @Test func aWebConfigFileWithUsersHeadersAndTLSLoads() throws {
        try #require(TestCertificates.available, "needs the openssl command (make test-deps)")
        _ = try TestCertificates(in: directory.file("etc"), name: "web")
        let config = try load(
            web: "  config_file: web.yml\n",
            file: """
                tls_server_config:
                  cert_file: web-server.pem      # relative to web.yml
                  key_file: web-server.key
                  client_auth_type: VerifyClientCertIfGiven
                  client_ca_file: web-ca.pem
                  min_version: TLS13
                  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]
                  curve_preferences: [X25519, CurveP256]
                http_server_config:
                  http2: true
                  headers:
                    X-Frame-Options: deny
                    Strict-Transport-Security: max-age=31536000
                basic_auth_users:
                  coordinator: '\(Self.hash)'

                """)
        let security = config.web.security
        #expect(security.basicAuthUsers == ["coordinator": Self.hash])
        #expect(security.headers == ["X-Frame-Options": "deny", "Strict-Transport-Security": "max-age=31536000"])
        let tls = try #require(security.tls)
        #expect(tls.clientAuth == .verifyIfGiven)
        #expect(tls.clientCAs.count == 1)
        #expect(tls.minVersion == .tlsv13)
        #expect(tls.cipherSuites.map(\.rawValue) == [0xC02B])
        #expect(tls.curves == [.x25519, .secp256r1])
        #expect(!security.isOpen)
    }

    @Test func theSectionsMayBeWrittenInline() throws {
        let config = try load(web: "  basic_auth_users: {oncall: '\(Self.hash)'}\n")
        #expect(config.web.security.basicAuthUsers == ["oncall": Self.hash])
        #expect(config.web.security.tls == nil)
    }

    @Test func anEmptyFileProtectsNothing() throws {
        let config = try load(web: "  config_file: web.yml\n", file: "")
        #expect(config.web.security.isOpen)
    }

    @Test func mistakesAreReportedAtTheirPlaceInTheWebConfigFile() throws {
        let web = directory.file("etc/web.yml")
        let reported = try errors(
            web: "  config_file: web.yml\n",
            file: """
                basic_auth_users:
                  coordinator: secret
                http_server_config:
                  headers:
                    X-Powered-By: vigil
                    X-Content-Type-Options: sniff
                tls_server_config:
                  cert_file: missing.pem
                  key_file: missing.key
                  client_ca_file: ca.pem
                  min_version: TLS14
                  cipher_suites: [TLS_NULL]
                  tls_server_name: x

                """)
        let expected = [
            "\(web):2:16: basic_auth_users.coordinator: not a bcrypt hash",
            "\(web):5:5: http_server_config.headers: HTTP header \"X-Powered-By\" can not be configured",
            "\(web):5:5: http_server_config.headers: invalid value for X-Content-Type-Options. Expected one of: [\"nosniff\"], but got: \"sniff\"",
            "\(web):8:14: tls_server_config.cert_file: cannot load cert_file \(directory.file("etc/missing.pem")): no such file",
            "\(web):9:13: tls_server_config.key_file: cannot load key_file \(directory.file("etc/missing.key")): no such file",
            "\(web):11:16: tls_server_config.min_version: unknown TLS version: TLS14",
            "\(web):12:19: tls_server_config.cipher_suites[0]: unknown cipher: TLS_NULL",
            "\(web):13:3: tls_server_config.tls_server_name: unknown key \"tls_server_name\"",
            "\(web):8:3: tls_server_config: client CA's have been configured without a Client Auth Policy",
            "\(web):10:19: tls_server_config.client_ca_file: cannot load client_ca_file",
        ]
        for line in expected {
            #expect(
                reported.contains { $0.hasPrefix(line) || $0.contains(line) },
                "missing: \(line)\nin:\n\(reported.joined(separator: "\n"))")
        }
    }

    @Test func aFileAndInlineSectionsTogetherAreRefused() throws {
        let reported = try errors(
            web: "  config_file: web.yml\n  basic_auth_users: {a: '\(Self.hash)'}\n", file: "")
        #expect(reported.contains { $0.contains("set web.config_file or the inline basic_auth_users, not both") })
    }

    @Test func aMissingWebConfigFileIsReportedAtItsKey() throws {
        let reported = try errors(web: "  config_file: nowhere.yml\n")
        let config = directory.file("etc/vigil.yml")
        #expect(reported.count == 1)
        #expect(reported.first?.hasPrefix("\(config):2:16: web.config_file: cannot read web config file") == true)
    }

    @Test func tlsWithoutAKeyIsRefused() throws {
        let reported = try errors(web: "  tls_server_config: {cert_file: a.pem}\n")
        #expect(reported.contains { $0.contains("missing one of key or key_file") })
    }
}
